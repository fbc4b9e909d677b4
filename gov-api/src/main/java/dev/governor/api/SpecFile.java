package dev.governor.api;

import java.util.Objects;

/**
 * A file under a contracts directory that reads as an OpenAPI description or a JSON Schema, as the branch's head
 * has it: what {@code contract.unregistered-spec} compares with the registry's {@link Contract}s.
 *
 * <pre>{@code
 * new SpecFile("contracts/payments/openapi.yaml", "openapi", "#42")
 * }</pre>
 *
 * @param path   the file, relative to the repository root
 * @param format {@code openapi} or {@code json-schema}
 * @param change the id of the last change that added or modified it, or {@code null} when none read did
 */
public record SpecFile(String path, String format, String change) implements Fact {
    public SpecFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(format, "format");
    }

    @Override
    public Ref ref() {
        return Ref.file(path);
    }
}

package dev.governor.api;

import java.util.List;
import java.util.Objects;

/**
 * A registered API contract: a spec both sides read, who provides it and who consumes it.
 *
 * @param name      the registry name
 * @param spec      the spec file, relative to the repository root
 * @param provider  the providing service, or {@code null}
 * @param consumers the consuming services
 * @param generated glob patterns of code generated from the spec
 */
public record Contract(String name, String spec, String provider, List<String> consumers, List<String> generated)
        implements Fact {
    public Contract {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(spec, "spec");
        consumers = List.copyOf(consumers);
        generated = List.copyOf(generated);
    }

    @Override
    public Ref ref() {
        return new Ref(Ref.Kind.CONTRACT, name, null, spec);
    }
}

package dev.governor.adapters.contract;

import dev.governor.api.ContractDiff.Item;
import dev.governor.api.GovernanceException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The breaking-change diff of two contract files: OpenAPI 2.0/3.x (through openapi-diff) or JSON Schema, YAML
 * or JSON. Every difference carries a JSON pointer, a kind (a stable lower-case id, listed in
 * docs/contracts.md) and whether it breaks clients.
 *
 * <pre>{@code
 * SpecDiff diff = SpecDiffs.diff(Path.of("base/openapi.yaml"), Path.of("openapi.yaml"));
 * if (diff.breaking()) { … }
 * }</pre>
 */
public final class SpecDiffs {

    /** The kind of a change of content that no other kind names (an extension, an unused definition). */
    static final String CONTENT_CHANGED = "content-changed";

    private SpecDiffs() {
    }

    /**
     * Diffs two files on disk, named in messages as given.
     *
     * @throws GovernanceException naming file and line when either cannot be read or does not parse, or when one
     *                             is OpenAPI and the other JSON Schema
     */
    public static SpecDiff diff(Path base, Path revision) {
        return diff(bytes(base), base.toString(), bytes(revision), revision.toString());
    }

    /**
     * Diffs two versions of a spec given as bytes (as read from git at two changes).
     *
     * @throws GovernanceException as {@link #diff(Path, Path)}
     */
    public static SpecDiff diff(byte[] base, String baseName, byte[] revision, String revisionName) {
        // the two versions are read side by side: for a large description, reading is half the time
        OpenApiDiffer.Task<Spec> reading = OpenApiDiffer.Task.start(() -> Spec.parse(revision, revisionName),
                revisionName);
        Spec before = Spec.parse(base, baseName);
        return diff(before, reading.join());
    }

    static SpecDiff diff(Spec before, Spec after) {
        if (before.kind() != after.kind()) {
            throw new GovernanceException(after.name(), 1, "is " + after.kind().noun + " but " + before.name() + " is "
                    + before.kind().noun + ": diff two versions of the same spec");
        }
        List<Item> items = new ArrayList<>(before.kind() == Spec.Kind.OPENAPI ? OpenApiDiffer.diff(before, after)
                : JsonSchemaDiffer.diff(before, after));
        if (items.isEmpty() && !Canonical.of(before.root(), versionPaths(before)).equals(Canonical.of(after.root(),
                versionPaths(after)))) {
            // every change of content counts for contract.version-not-bumped, also one no other kind names
            items.add(new Item("", CONTENT_CHANGED, false, "the document changed where no other kind of difference"
                    + " applies (an extension, an unused definition, an example)"));
        }
        items = new ArrayList<>(new LinkedHashSet<>(items)); // a shared schema met twice is one difference
        items.sort(Comparator.comparing(Item::pointer).thenComparing(Item::kind).thenComparing(Item::message));
        return new SpecDiff(before.name(), after.name(), before.kind() == Spec.Kind.OPENAPI ? "openapi" : "json-schema",
                before.version(), after.version(), items);
    }

    /** Where a spec states its version: a new version alone is no change of content. */
    private static Set<String> versionPaths(Spec spec) {
        return spec.kind() == Spec.Kind.OPENAPI ? Set.of("info.version") : Set.of("version", "$id");
    }

    private static byte[] bytes(Path file) {
        try {
            long size = Files.size(file);
            if (size > Spec.LIMITS.maxBytes()) {
                throw new GovernanceException(file.toString(), 0, "the file is larger than 64 MiB (" + size
                        + " bytes): check that this is the right file");
            }
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new GovernanceException(file.toString(), 0, "no such file: check the path");
        } catch (IOException e) {
            throw new GovernanceException(file.toString(), 0, "cannot read the file (" + e.getClass().getSimpleName()
                    + "): check that it is a readable file");
        }
    }
}

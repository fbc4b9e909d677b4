package dev.governor.input;

/**
 * Bounds on one file, checked before and while it is read, so hostile or mistaken input fails with
 * a message instead of exhausting memory.
 *
 * <pre>{@code
 * Node policy = StructuredInput.read(repo.resolve("governance.yml"), "governance.yml", Limits.POLICY);
 * Limits tight = new Limits(64 * 1024, 0, 8); // 64 KiB, no aliases to lists or maps, 8 levels
 * }</pre>
 *
 * @param maxBytes   the largest file accepted, in bytes (UTF-8), from 1 to {@value #MAX_ARRAY}
 * @param maxAliases YAML aliases to lists or maps allowed per file, at least 0: enough to share a
 *                   list, too few for an alias bomb
 * @param maxDepth   lists and maps nested at most this deep (the top-level list or map is 1), at least 1
 */
public record Limits(int maxBytes, int maxAliases, int maxDepth) {
    /** Policies ({@code governance.yml}, the contract registry): a few dozen lines, four levels deep. */
    public static final Limits POLICY = new Limits(1 << 20, 20, 20);
    /** Records (deployments, incidents, PRs, gate results): large, but not unbounded. */
    public static final Limits RECORDS = new Limits(256 << 20, 20, 64);

    /** The largest byte array the JVM reliably allocates; one byte past the limit must still fit. */
    static final int MAX_ARRAY = Integer.MAX_VALUE - 16;

    /** @throws IllegalArgumentException naming the bound that is out of range */
    public Limits {
        if (maxBytes < 1 || maxBytes > MAX_ARRAY) {
            throw new IllegalArgumentException("maxBytes must be from 1 to " + MAX_ARRAY + ", was " + maxBytes);
        }
        if (maxAliases < 0) {
            throw new IllegalArgumentException("maxAliases must be at least 0, was " + maxAliases);
        }
        if (maxDepth < 1) {
            throw new IllegalArgumentException("maxDepth must be at least 1, was " + maxDepth);
        }
    }

    /** {@link #maxBytes()} as messages say it: {@code 1 MiB}, {@code 64 KiB}, {@code 1000 bytes}. */
    String size() {
        if (maxBytes % (1 << 20) == 0) {
            return maxBytes / (1 << 20) + " MiB";
        }
        if (maxBytes % 1024 == 0) {
            return maxBytes / 1024 + " KiB";
        }
        return maxBytes + " bytes";
    }
}

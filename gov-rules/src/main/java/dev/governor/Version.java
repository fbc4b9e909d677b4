package dev.governor;

/** The tool and rule-pack versions reports carry. */
final class Version {
    /** Set from the Maven project version when the jar is built. */
    static final String TOOL = load();
    static final String RULE_PACK = "builtin-" + TOOL;

    private Version() {
    }

    private static String load() {
        String v = Version.class.getPackage().getImplementationVersion();
        return v != null ? v : "0.1.0-SNAPSHOT";
    }
}

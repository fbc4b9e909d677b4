package dev.governor;

/** The tool and rule-pack versions reports carry. */
public final class Version {
    /** The Maven project version, filtered into version.properties when the jar is built. */
    public static final String TOOL = load();
    static final String RULE_PACK = "builtin-" + TOOL;

    private Version() {
    }

    private static String load() {
        try (java.io.InputStream in = Version.class.getResourceAsStream("version.properties")) {
            java.util.Properties p = new java.util.Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "unknown");
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }
}

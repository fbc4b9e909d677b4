package dev.governor.adapters.contract;

/** JSON pointers (RFC 6901): {@code /paths/~1orders~1{id}/get}. */
final class Pointer {
    private Pointer() {
    }

    /** {@code base} with one more reference token, escaped ({@code ~} as {@code ~0}, {@code /} as {@code ~1}). */
    static String child(String base, String token) {
        return base + "/" + token.replace("~", "~0").replace("/", "~1");
    }

    /** {@code base} with several reference tokens. */
    static String of(String base, String... tokens) {
        String out = base;
        for (String token : tokens) {
            out = child(out, token);
        }
        return out;
    }

    /** The tokens of a pointer such as {@code #/$defs/address} or {@code /$defs/address}, unescaped. */
    static String[] tokens(String pointer) {
        String p = pointer.startsWith("#") ? pointer.substring(1) : pointer;
        if (p.isEmpty()) {
            return new String[0];
        }
        String[] raw = p.substring(1).split("/", -1);
        for (int i = 0; i < raw.length; i++) {
            raw[i] = raw[i].replace("~1", "/").replace("~0", "~");
        }
        return raw;
    }
}

package dev.governor.adapters.contract;

import dev.governor.input.ListNode;
import dev.governor.input.MapNode;
import dev.governor.input.Node;
import dev.governor.input.ScalarNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A document's content as one text, keys sorted, so that two documents that differ only in layout, key order,
 * quoting or comments read alike: what "the spec's content changed" means to {@code contract.version-not-bumped}.
 */
final class Canonical {
    private Canonical() {
    }

    /** The canonical text of {@code node}, leaving out the nodes at {@code skipped} paths (such as {@code info.version}). */
    static String of(Node node, Set<String> skipped) {
        StringBuilder out = new StringBuilder();
        write(node, skipped, out);
        return out.toString();
    }

    /** The canonical text of {@code node}. */
    static String of(Node node) {
        return of(node, Set.of());
    }

    private static void write(Node node, Set<String> skipped, StringBuilder out) {
        if (node instanceof MapNode map) {
            List<String> keys = new ArrayList<>(map.keys());
            keys.sort(null);
            out.append('{');
            for (String key : keys) {
                Node value = map.get(key);
                if (skipped.contains(value.path())) {
                    continue;
                }
                quote(key, out);
                out.append(':');
                write(value, skipped, out);
                out.append(',');
            }
            out.append('}');
        } else if (node instanceof ListNode list) {
            out.append('[');
            for (Node item : list.items()) {
                write(item, skipped, out);
                out.append(',');
            }
            out.append(']');
        } else if (node instanceof ScalarNode scalar) {
            quote(scalar.text(), out);
        } else {
            out.append("null");
        }
    }

    private static void quote(String text, StringBuilder out) {
        out.append('"').append(text.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
    }
}

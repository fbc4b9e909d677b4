package dev.governor.adapters.contract;

import dev.governor.adapters.contract.JsonSchemaDiffer.Direction;
import dev.governor.api.ContractDiff.Item;
import dev.governor.input.ListNode;
import dev.governor.input.MapNode;
import dev.governor.input.Node;
import dev.governor.input.ScalarNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The OpenAPI diff on the shared reader's trees, for descriptions openapi-diff cannot compare: on real large
 * descriptions it overflows the stack on recursive schemas (Stripe's), fails on a schema that is composed on
 * one side and an array on the other, or refuses two paths that differ only in parameter names (Cloudflare's).
 * It covers the kinds that break clients most: paths, operations, parameters, request bodies, responses, media
 * types, and each request and response schema (through the JSON Schema diff, which knows who reads and who
 * writes). Security requirements are compared only by openapi-diff's path.
 */
final class OpenApiTreeDiffer {
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    private final Spec base;
    private final Spec revision;
    private final List<Item> items = new ArrayList<>();
    private final Set<List<Object>> compared = new HashSet<>();

    private OpenApiTreeDiffer(Spec base, Spec revision) {
        this.base = base;
        this.revision = revision;
    }

    static List<Item> diff(Spec base, Spec revision) {
        OpenApiTreeDiffer d = new OpenApiTreeDiffer(base, revision);
        d.paths();
        return d.items;
    }

    private void add(String pointer, String kind, boolean breaking, String message) {
        items.add(new Item(pointer, kind, breaking, message));
    }

    private void paths() {
        MapNode before = map(base.root().get("paths"));
        MapNode after = map(revision.root().get("paths"));
        for (String path : keys(before)) {
            String ptr = Pointer.of("", "paths", path);
            MapNode o = map(before.get(path));
            MapNode n = after == null ? null : map(after.get(path));
            if (n == null) {
                add(ptr, "path-removed", true, "path " + path + " was removed");
                continue;
            }
            for (String method : METHODS) {
                MapNode oo = map(o.get(method));
                MapNode no = map(n.get(method));
                String name = method.toUpperCase(java.util.Locale.ROOT) + " " + path;
                if (oo != null && no == null) {
                    add(Pointer.child(ptr, method), "operation-removed", true, name + " was removed");
                } else if (oo == null && no != null) {
                    add(Pointer.child(ptr, method), "operation-added", false, name + " was added");
                } else if (oo != null) {
                    operation(o, oo, n, no, Pointer.child(ptr, method), name);
                }
            }
        }
        for (String path : keys(after)) {
            if (before == null || before.get(path) == null) {
                add(Pointer.of("", "paths", path), "path-added", false, "path " + path + " was added");
            }
        }
    }

    private void operation(MapNode oldPath, MapNode oldOp, MapNode newPath, MapNode newOp, String ptr, String name) {
        Map<String, Node> before = parameters(base, oldPath, oldOp);
        Map<String, Node> after = parameters(revision, newPath, newOp);
        for (Map.Entry<String, Node> p : before.entrySet()) {
            if (p.getKey().startsWith("body:")) {
                continue;
            }
            Node now = after.get(p.getKey());
            String where = Pointer.of(ptr, "parameters", p.getKey());
            if (now == null) {
                add(where, "request-parameter-removed", true, name + ": " + p.getKey() + " parameter was removed");
            } else {
                if (!required(p.getValue()) && required(now)) {
                    add(Pointer.child(where, "required"), "request-parameter-became-required", true, name + ": "
                            + p.getKey() + " parameter is now required");
                }
                Node os = map(p.getValue()).get("schema") != null ? map(p.getValue()).get("schema") : p.getValue();
                Node ns = map(now).get("schema") != null ? map(now).get("schema") : now;
                JsonSchemaDiffer.diff(base, revision, os, ns, Pointer.child(where, "schema"), Direction.WRITE, "request-",
                        items, compared);
            }
        }
        for (Map.Entry<String, Node> p : after.entrySet()) {
            if (!p.getKey().startsWith("body:") && !before.containsKey(p.getKey())) {
                boolean req = required(p.getValue());
                add(Pointer.of(ptr, "parameters", p.getKey()), req ? "request-parameter-added-required"
                        : "request-parameter-added", req, name + ": " + (req ? "required " : "optional ") + p.getKey()
                        + " parameter was added");
            }
        }
        requestBody(before, after, oldOp, newOp, ptr, name);
        responses(map(oldOp.get("responses")), map(newOp.get("responses")), Pointer.child(ptr, "responses"), name);
    }

    private void requestBody(Map<String, Node> before, Map<String, Node> after, MapNode oldOp, MapNode newOp, String ptr,
                             String name) {
        MapNode ob = map(oldOp.get("requestBody"));
        MapNode nb = map(newOp.get("requestBody"));
        String where = Pointer.child(ptr, "requestBody");
        if (ob != null && nb != null) {
            if (!required(ob) && required(nb)) {
                add(Pointer.child(where, "required"), "request-body-became-required", true, name + ": the request body is now required");
            }
            content(map(ob.get("content")), map(nb.get("content")), Pointer.child(where, "content"), name + " request body",
                    Direction.WRITE, "request-");
        } else if (ob == null && nb != null && required(nb)) {
            add(where, "request-body-became-required", true, name + ": a request body is now required");
        }
        Node oldBody = before.values().stream().filter(p -> "body".equals(text(map(p).get("in")))).findFirst().orElse(null);
        Node newBody = after.values().stream().filter(p -> "body".equals(text(map(p).get("in")))).findFirst().orElse(null);
        if (oldBody != null && newBody != null) { // Swagger 2.0
            JsonSchemaDiffer.diff(base, revision, map(oldBody).get("schema"), map(newBody).get("schema"),
                    Pointer.of(ptr, "parameters", "body", "schema"), Direction.WRITE, "request-", items, compared);
        }
    }

    private void responses(MapNode before, MapNode after, String ptr, String name) {
        if (before == null || after == null) {
            return;
        }
        for (String code : keys(before)) {
            MapNode o = map(resolve(base, before.get(code)));
            MapNode n = map(resolve(revision, after.get(code)));
            String where = Pointer.child(ptr, code);
            if (after.get(code) == null) {
                add(where, "response-status-removed", true, name + ": response " + code + " was removed");
            } else if (o != null && n != null) {
                content(map(o.get("content")), map(n.get("content")), Pointer.child(where, "content"),
                        name + " response " + code, Direction.READ, "response-");
                if (o.get("schema") != null && n.get("schema") != null) { // Swagger 2.0
                    JsonSchemaDiffer.diff(base, revision, o.get("schema"), n.get("schema"), Pointer.child(where, "schema"),
                            Direction.READ, "response-", items, compared);
                }
            }
        }
        for (String code : keys(after)) {
            if (before.get(code) == null) {
                add(Pointer.child(ptr, code), "response-status-added", false, name + ": response " + code + " was added");
            }
        }
    }

    private void content(MapNode before, MapNode after, String ptr, String name, Direction d, String prefix) {
        if (before == null || after == null) {
            return;
        }
        for (String type : keys(before)) {
            MapNode o = map(before.get(type));
            MapNode n = map(after.get(type));
            if (n == null) {
                add(Pointer.child(ptr, type), prefix + "media-type-removed", true, name + ": media type " + type + " was removed");
            } else if (o != null && o.get("schema") != null && n.get("schema") != null) {
                JsonSchemaDiffer.diff(base, revision, o.get("schema"), n.get("schema"), Pointer.of(ptr, type, "schema"), d,
                        prefix, items, compared);
            }
        }
        for (String type : keys(after)) {
            if (before.get(type) == null) {
                add(Pointer.child(ptr, type), prefix + "media-type-added", false, name + ": media type " + type + " was added");
            }
        }
    }

    /** The parameters in force: the path's, overridden by the operation's, keyed {@code in:name}. */
    private static Map<String, Node> parameters(Spec spec, MapNode path, MapNode op) {
        Map<String, Node> out = new LinkedHashMap<>();
        for (MapNode holder : new MapNode[] {path, op}) {
            if (holder.get("parameters") instanceof ListNode list) {
                for (Node p : list.items()) {
                    MapNode m = map(resolve(spec, p));
                    if (m != null) {
                        out.put(text(m.get("in")) + ":" + text(m.get("name")), m);
                    }
                }
            }
        }
        return out;
    }

    private static Node resolve(Spec spec, Node node) {
        Node current = node;
        for (int hops = 0; hops < 32 && current instanceof MapNode m && m.get("$ref") instanceof ScalarNode ref; hops++) {
            Node at = spec.root();
            for (String token : Pointer.tokens(ref.text())) {
                at = at instanceof MapNode mm ? mm.get(token) : null;
                if (at == null) {
                    return null;
                }
            }
            current = at;
        }
        return current;
    }

    private static boolean required(Node node) {
        return node instanceof MapNode m && "true".equals(text(m.get("required")));
    }

    private static MapNode map(Node node) {
        return node instanceof MapNode m ? m : null;
    }

    private static List<String> keys(MapNode map) {
        return map == null ? List.of() : map.keys();
    }

    private static String text(Node node) {
        return node instanceof ScalarNode s ? s.text() : "";
    }
}

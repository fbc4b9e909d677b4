package dev.governor.adapters.contract;

import dev.governor.api.ContractDiff.Item;
import dev.governor.api.GovernanceException;
import dev.governor.input.ListNode;
import dev.governor.input.MapNode;
import dev.governor.input.Node;
import dev.governor.input.ScalarNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The breaking-change diff of two JSON Schemas (drafts 4 to 2020-12), on the trees of the shared reader. A
 * change breaks when data valid against the base is no longer valid against the revision, or a property a
 * reader relied on is gone (rules.md): properties removed or made required, types narrowed, enum values
 * removed, {@code additionalProperties} closed, constraints tightened. Local {@code $ref}s are followed; each
 * shared definition is compared once, at the first pointer that reaches it.
 */
final class JsonSchemaDiffer {

    /** Annotations: changing them changes no instance's validity. */
    private static final Set<String> ANNOTATIONS = Set.of("title", "description", "examples", "example", "default",
            "$comment", "deprecated", "readOnly", "writeOnly", "contentMediaType", "contentEncoding");
    /** Keywords compared on their own below, or reached through {@code $ref} (definitions). */
    private static final Set<String> STRUCTURAL = Set.of("type", "enum", "const", "properties", "required",
            "additionalProperties", "items", "prefixItems", "allOf", "anyOf", "oneOf", "not", "$ref", "$schema", "$id",
            "version", "$defs", "definitions", "pattern", "format", "multipleOf", "uniqueItems", "minLength",
            "maxLength", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "minItems", "maxItems",
            "minProperties", "maxProperties", "minContains", "maxContains");
    private static final List<String> LOWER_BOUNDS = List.of("minLength", "minimum", "exclusiveMinimum", "minItems",
            "minProperties", "minContains");
    private static final List<String> UPPER_BOUNDS = List.of("maxLength", "maximum", "exclusiveMaximum", "maxItems",
            "maxProperties", "maxContains");

    /**
     * Who the schema's data goes to. {@code WRITE}: clients send it and the schema validates it (a JSON Schema on
     * its own, an OpenAPI request): what the schema refuses now, breaks. {@code READ}: clients receive it (an
     * OpenAPI response): what the schema allows now that it did not, breaks.
     */
    enum Direction { WRITE, READ }

    /** The kinds whose verdict turns over when clients read rather than write. */
    private static final Set<String> TURNS = Set.of("type-narrowed", "type-widened", "enum-added", "enum-removed",
            "enum-value-removed", "enum-value-added", "const-removed", "property-made-required", "property-made-optional",
            "required-property-added", "constraint-tightened", "constraint-loosened", "option-removed", "option-added",
            "all-of-added", "all-of-removed", "items-narrowed", "tuple-item-added", "schema-closed",
            "additional-properties-closed", "additional-properties-narrowed");

    private final Spec base;
    private final Spec revision;
    private final List<Item> items;
    /** Pairs of schemas already compared, per direction: a shared definition is reported once, and cycles end. */
    private final Set<List<Object>> compared;
    private final Direction direction;
    private final String kindPrefix;

    private JsonSchemaDiffer(Spec base, Spec revision, Direction direction, String kindPrefix, List<Item> items,
                             Set<List<Object>> compared) {
        this.base = base;
        this.revision = revision;
        this.direction = direction;
        this.kindPrefix = kindPrefix;
        this.items = items;
        this.compared = compared;
    }

    /** Every difference between the two schemas, in the order the walk meets them. */
    static List<Item> diff(Spec base, Spec revision) {
        List<Item> items = new ArrayList<>();
        new JsonSchemaDiffer(base, revision, Direction.WRITE, "", items, new HashSet<>()).schema(base.root(),
                revision.root(), "");
        return items;
    }

    /**
     * The differences between two schemas inside larger documents (an OpenAPI request or response), added to
     * {@code items}; {@code compared} is shared across calls so that each definition is compared once per direction.
     */
    static void diff(Spec base, Spec revision, Node before, Node after, String pointer, Direction direction,
                     String kindPrefix, List<Item> items, Set<List<Object>> compared) {
        new JsonSchemaDiffer(base, revision, direction, kindPrefix, items, compared).schema(before, after, pointer);
    }

    private void add(String pointer, String kind, boolean writeBreaks, String message) {
        boolean breaking = direction == Direction.READ && TURNS.contains(kind) ? !writeBreaks : writeBreaks;
        items.add(new Item(pointer, kindPrefix + kind, breaking, message));
    }

    private void schema(Node oldNode, Node newNode, String ptr) {
        Node o = resolve(oldNode, base);
        Node n = resolve(newNode, revision);
        if (!(o instanceof MapNode om) || !(n instanceof MapNode nm)) {
            booleanSchemas(o, n, ptr);
            return;
        }
        if (!compared.add(List.of(om, nm, direction))) {
            return;
        }
        types(om, nm, ptr);
        values(om, nm, ptr);
        properties(om, nm, ptr);
        required(om, nm, ptr);
        additionalProperties(om, nm, ptr);
        constraints(om, nm, ptr);
        arrays(om, nm, ptr);
        combinators(om, nm, ptr);
        others(om, nm, ptr);
    }

    /** {@code true}, {@code false} or a schema on either side. */
    private void booleanSchemas(Node o, Node n, String ptr) {
        boolean oldOpen = !(o instanceof ScalarNode s && s.text().equals("false"));
        boolean newOpen = !(n instanceof ScalarNode s && s.text().equals("false"));
        if (oldOpen && !newOpen) {
            add(ptr, "schema-closed", true, "the schema at " + where(ptr) + " now accepts nothing (false)");
        } else if (!Canonical.of(o).equals(Canonical.of(n))) {
            add(ptr, "schema-changed", !newOpen || n instanceof MapNode,
                    "the schema at " + where(ptr) + " changed from " + o.describe() + " to " + n.describe());
        }
    }

    private void types(MapNode o, MapNode n, String ptr) {
        Set<String> oldTypes = strings(o.get("type"));
        Set<String> newTypes = strings(n.get("type"));
        if (oldTypes.equals(newTypes)) {
            return;
        }
        String p = Pointer.child(ptr, "type");
        if (narrowed(oldTypes, newTypes)) {
            add(p, "type-narrowed", true, "type narrowed from " + types(oldTypes) + " to " + types(newTypes));
        } else {
            add(p, "type-widened", false, "type widened from " + types(oldTypes) + " to " + types(newTypes));
        }
    }

    /** Whether some value of an old type is no longer of a new type ({@code integer} is a {@code number}). */
    private static boolean narrowed(Set<String> oldTypes, Set<String> newTypes) {
        if (newTypes.isEmpty()) {
            return false; // no type: any type
        }
        if (oldTypes.isEmpty()) {
            return true;
        }
        for (String t : oldTypes) {
            if (!newTypes.contains(t) && !(t.equals("integer") && newTypes.contains("number"))) {
                return true;
            }
        }
        return false;
    }

    private static String types(Set<String> types) {
        return types.isEmpty() ? "any" : String.join("|", types);
    }

    private void values(MapNode o, MapNode n, String ptr) {
        Node oldEnum = o.get("enum");
        Node newEnum = n.get("enum");
        String p = Pointer.child(ptr, "enum");
        if (oldEnum == null && newEnum != null) {
            add(p, "enum-added", true, "values at " + where(ptr) + " are now limited to " + Canonical.of(newEnum));
        } else if (oldEnum != null && newEnum == null) {
            add(p, "enum-removed", false, "values at " + where(ptr) + " are no longer limited to a list");
        } else if (oldEnum != null) {
            Set<String> before = canonicalItems(oldEnum);
            Set<String> after = canonicalItems(newEnum);
            for (String v : before) {
                if (!after.contains(v)) {
                    add(p, "enum-value-removed", true, "enum value " + v + " was removed at " + where(ptr));
                }
            }
            for (String v : after) {
                if (!before.contains(v)) {
                    add(p, "enum-value-added", false, "enum value " + v + " was added at " + where(ptr));
                }
            }
        }
        Node oldConst = o.get("const");
        Node newConst = n.get("const");
        String c = Pointer.child(ptr, "const");
        if (newConst != null && (oldConst == null || !Canonical.of(oldConst).equals(Canonical.of(newConst)))) {
            add(c, "const-changed", true, "the value at " + where(ptr) + " must now be " + Canonical.of(newConst));
        } else if (oldConst != null && newConst == null) {
            add(c, "const-removed", false, "the value at " + where(ptr) + " is no longer fixed");
        }
    }

    private void properties(MapNode o, MapNode n, String ptr) {
        MapNode oldProps = o.get("properties") instanceof MapNode m ? m : null;
        MapNode newProps = n.get("properties") instanceof MapNode m ? m : null;
        Set<String> newRequired = strings(n.get("required"));
        String p = Pointer.child(ptr, "properties");
        if (oldProps != null) {
            for (String name : oldProps.keys()) {
                if (newProps == null || newProps.get(name) == null) {
                    add(Pointer.child(p, name), "property-removed", true, "property '" + name + "' was removed");
                }
            }
        }
        if (newProps != null) {
            for (String name : newProps.keys()) {
                Node before = oldProps == null ? null : oldProps.get(name);
                if (before == null) {
                    boolean req = newRequired.contains(name);
                    add(Pointer.child(p, name), req ? "required-property-added" : "property-added", req,
                            (req ? "required property '" : "optional property '") + name + "' was added");
                } else {
                    schema(before, newProps.get(name), Pointer.child(p, name));
                }
            }
        }
    }

    private void required(MapNode o, MapNode n, String ptr) {
        Set<String> before = strings(o.get("required"));
        Set<String> after = strings(n.get("required"));
        MapNode oldProps = o.get("properties") instanceof MapNode m ? m : null;
        String p = Pointer.child(ptr, "required");
        for (String name : after) {
            boolean newProperty = oldProps == null || oldProps.get(name) == null;
            boolean declaredNow = n.get("properties") instanceof MapNode m && m.get(name) != null;
            if (!before.contains(name) && !(newProperty && declaredNow)) { // a new required property is reported above
                add(p, "property-made-required", true, "property '" + name + "' is now required");
            }
        }
        for (String name : before) {
            if (!after.contains(name)) {
                add(p, "property-made-optional", false, "property '" + name + "' is no longer required");
            }
        }
    }

    private void additionalProperties(MapNode o, MapNode n, String ptr) {
        Node before = o.get("additionalProperties");
        Node after = n.get("additionalProperties");
        String p = Pointer.child(ptr, "additionalProperties");
        boolean oldClosed = isFalse(before);
        boolean newClosed = isFalse(after);
        if (!oldClosed && newClosed) {
            add(p, "additional-properties-closed", true, "properties not listed at " + where(ptr) + " are no longer allowed");
        } else if (oldClosed && !newClosed && after != null) {
            add(p, "additional-properties-opened", false, "properties not listed at " + where(ptr) + " are now allowed");
        } else if (oldClosed && after == null) {
            add(p, "additional-properties-opened", false, "properties not listed at " + where(ptr) + " are now allowed");
        } else if (before instanceof MapNode && after instanceof MapNode) {
            schema(before, after, p);
        } else if (before == null && after instanceof MapNode) {
            add(p, "additional-properties-narrowed", true, "properties not listed at " + where(ptr)
                    + " must now match a schema");
        }
    }

    private void constraints(MapNode o, MapNode n, String ptr) {
        for (String key : LOWER_BOUNDS) {
            bound(o, n, ptr, key, true);
        }
        for (String key : UPPER_BOUNDS) {
            bound(o, n, ptr, key, false);
        }
        text(o, n, ptr, "pattern");
        text(o, n, ptr, "format");
        Node oldMultiple = o.get("multipleOf");
        Node newMultiple = n.get("multipleOf");
        if (newMultiple != null && (oldMultiple == null || !Canonical.of(oldMultiple).equals(Canonical.of(newMultiple)))) {
            BigDecimal before = number(oldMultiple);
            BigDecimal after = number(newMultiple);
            boolean tighter = before == null || after == null || after.signum() == 0
                    || before.remainder(after).signum() != 0;
            add(Pointer.child(ptr, "multipleOf"), tighter ? "constraint-tightened" : "constraint-loosened", tighter,
                    "multipleOf at " + where(ptr) + " changed from " + show(oldMultiple) + " to " + show(newMultiple));
        } else if (oldMultiple != null && newMultiple == null) {
            add(Pointer.child(ptr, "multipleOf"), "constraint-loosened", false, "multipleOf at " + where(ptr) + " was removed");
        }
        boolean oldUnique = isTrue(o.get("uniqueItems"));
        boolean newUnique = isTrue(n.get("uniqueItems"));
        if (oldUnique != newUnique) {
            add(Pointer.child(ptr, "uniqueItems"), newUnique ? "constraint-tightened" : "constraint-loosened", newUnique,
                    "uniqueItems at " + where(ptr) + " changed to " + newUnique);
        }
    }

    /** A bound: a lower one tightens when raised or added, an upper one when lowered or added. */
    private void bound(MapNode o, MapNode n, String ptr, String key, boolean lower) {
        Node before = o.get(key);
        Node after = n.get(key);
        if (before == null && after == null || before != null && after != null
                && Canonical.of(before).equals(Canonical.of(after))) {
            return;
        }
        String p = Pointer.child(ptr, key);
        boolean tighter;
        if (after == null) {
            tighter = false;
        } else if (before == null) {
            tighter = !isFalse(after); // draft 4's exclusiveMinimum: false is no bound
        } else {
            BigDecimal b = number(before);
            BigDecimal a = number(after);
            if (b != null && a != null) {
                tighter = lower ? a.compareTo(b) > 0 : a.compareTo(b) < 0;
            } else {
                tighter = isTrue(after); // draft 4's boolean exclusiveMinimum/Maximum turned on
            }
        }
        add(p, tighter ? "constraint-tightened" : "constraint-loosened", tighter, key + " at " + where(ptr)
                + (before == null ? " was added: " + show(after) : after == null ? " was removed"
                : " changed from " + show(before) + " to " + show(after)));
    }

    /** {@code pattern} or {@code format}: any new or changed value may refuse what was valid. */
    private void text(MapNode o, MapNode n, String ptr, String key) {
        Node before = o.get(key);
        Node after = n.get(key);
        String kind = key + "-changed";
        if (after != null && (before == null || !Canonical.of(before).equals(Canonical.of(after)))) {
            add(Pointer.child(ptr, key), kind, true, key + " at " + where(ptr) + (before == null ? " was added: "
                    + show(after) : " changed from " + show(before) + " to " + show(after)));
        } else if (before != null && after == null) {
            add(Pointer.child(ptr, key), "constraint-loosened", false, key + " at " + where(ptr) + " was removed");
        }
    }

    private void arrays(MapNode o, MapNode n, String ptr) {
        Node before = o.get("items");
        Node after = n.get("items");
        String p = Pointer.child(ptr, "items");
        if (before instanceof ListNode bl && after instanceof ListNode al) {
            tuple(bl, al, p);
        } else if (before != null && after != null) {
            schema(before, after, p);
        } else if (before == null && after != null) {
            add(p, "items-narrowed", true, "items at " + where(ptr) + " must now match a schema");
        }
        if (o.get("prefixItems") instanceof ListNode bl && n.get("prefixItems") instanceof ListNode al) {
            tuple(bl, al, Pointer.child(ptr, "prefixItems"));
        }
    }

    private void tuple(ListNode before, ListNode after, String p) {
        int common = Math.min(before.size(), after.size());
        for (int i = 0; i < common; i++) {
            schema(before.items().get(i), after.items().get(i), Pointer.child(p, String.valueOf(i)));
        }
        if (after.size() > before.size()) {
            add(p, "tuple-item-added", true, "items at " + where(p) + " gained a position");
        }
    }

    private void combinators(MapNode o, MapNode n, String ptr) {
        for (String key : List.of("allOf", "anyOf", "oneOf")) {
            ListNode before = o.get(key) instanceof ListNode l ? l : null;
            ListNode after = n.get(key) instanceof ListNode l ? l : null;
            if (before == null && after == null) {
                continue;
            }
            String p = Pointer.child(ptr, key);
            int oldSize = before == null ? 0 : before.size();
            int newSize = after == null ? 0 : after.size();
            for (int i = 0; i < Math.min(oldSize, newSize); i++) {
                schema(before.items().get(i), after.items().get(i), Pointer.child(p, String.valueOf(i)));
            }
            boolean all = key.equals("allOf");
            for (int i = newSize; i < oldSize; i++) {
                add(Pointer.child(p, String.valueOf(i)), all ? "all-of-removed" : "option-removed", !all,
                        key + " at " + where(ptr) + " lost its schema #" + i);
            }
            for (int i = oldSize; i < newSize; i++) {
                boolean breaking = all || oldSize == 0;
                add(Pointer.child(p, String.valueOf(i)), all ? "all-of-added" : "option-added", breaking,
                        key + " at " + where(ptr) + " gained schema #" + i);
            }
        }
        Node before = o.get("not");
        Node after = n.get("not");
        if (after != null && (before == null || !Canonical.of(before).equals(Canonical.of(after)))) {
            add(Pointer.child(ptr, "not"), "not-changed", true, "not at " + where(ptr) + " changed");
        }
    }

    /** Annotations and keywords Governor has no rule for: reported, never breaking. */
    private void others(MapNode o, MapNode n, String ptr) {
        Set<String> keys = new LinkedHashSet<>(o.keys());
        keys.addAll(n.keys());
        for (String key : keys) {
            if (STRUCTURAL.contains(key)) {
                continue;
            }
            Node before = o.get(key);
            Node after = n.get(key);
            if (before != null && after != null && Canonical.of(before).equals(Canonical.of(after))) {
                continue;
            }
            boolean annotation = ANNOTATIONS.contains(key);
            add(Pointer.child(ptr, key), annotation ? "annotation-changed" : "keyword-changed", false,
                    key + " at " + where(ptr) + (before == null ? " was added" : after == null ? " was removed" : " changed"));
        }
    }

    /** Follows local {@code $ref}s to the schema they name. */
    private static Node resolve(Node node, Spec spec) {
        Node current = node;
        for (int hops = 0; current instanceof MapNode map && map.get("$ref") instanceof ScalarNode ref; hops++) {
            if (hops > 64) {
                throw ref.error("$ref '" + ref.text() + "' does not end after 64 hops: break the cycle of references");
            }
            current = lookup(spec, ref);
        }
        return current;
    }

    private static Node lookup(Spec spec, ScalarNode ref) {
        Node at = spec.root();
        for (String token : Pointer.tokens(ref.text())) {
            Node next = null;
            if (at instanceof MapNode m) {
                next = m.get(token);
            } else if (at instanceof ListNode l && token.matches("\\d{1,9}") && Integer.parseInt(token) < l.size()) {
                next = l.items().get(Integer.parseInt(token));
            }
            if (next == null) {
                throw new GovernanceException(spec.name(), ref.line(), "$ref '" + ref.text()
                        + "' names nothing in this file: point it at an existing definition");
            }
            at = next;
        }
        return at;
    }

    private static Set<String> strings(Node node) {
        Set<String> out = new LinkedHashSet<>();
        if (node instanceof ScalarNode s) {
            out.add(s.text());
        } else if (node instanceof ListNode l) {
            for (Node item : l.items()) {
                if (item instanceof ScalarNode s) {
                    out.add(s.text());
                }
            }
        }
        return out;
    }

    private static Set<String> canonicalItems(Node node) {
        Set<String> out = new LinkedHashSet<>();
        if (node instanceof ListNode l) {
            l.items().forEach(item -> out.add(Canonical.of(item)));
        }
        return out;
    }

    private static boolean isFalse(Node node) {
        return node instanceof ScalarNode s && s.text().equals("false");
    }

    private static boolean isTrue(Node node) {
        return node instanceof ScalarNode s && s.text().equals("true");
    }

    private static BigDecimal number(Node node) {
        if (node instanceof ScalarNode s) {
            try {
                return new BigDecimal(s.text().strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static String show(Node node) {
        return node instanceof ScalarNode s ? s.text() : node == null ? "none" : Canonical.of(node);
    }

    private static String where(String ptr) {
        return ptr.isEmpty() ? "the root" : ptr;
    }
}

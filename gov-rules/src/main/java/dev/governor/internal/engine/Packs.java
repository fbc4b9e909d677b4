package dev.governor.internal.engine;

import dev.governor.api.GovernanceException;
import dev.governor.api.Policy;
import dev.governor.pack.Pack;
import dev.governor.pack.SectionReader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The packs of one Governor, in the order they run: every pack a pack names in {@link Pack#after()} runs
 * before it, otherwise by id. Built once per {@code build()}; immutable.
 */
public final class Packs {
    /** Top-level keys of governance.yml that belong to no pack. */
    public static final List<String> CORE_KEYS = List.of("branch", "layers", "rules", "ruleDirs", "since");
    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]*");

    private final List<Pack> ordered;
    private final Map<String, Pack> byId;

    private Packs(List<Pack> ordered) {
        this.ordered = List.copyOf(ordered);
        Map<String, Pack> ids = new LinkedHashMap<>();
        ordered.forEach(p -> ids.put(p.id(), p));
        this.byId = ids;
    }

    /**
     * The packs on the class path ({@link ServiceLoader}) plus {@code extra}, checked and ordered.
     *
     * @throws GovernanceException when two packs share an id or a section key, an id is malformed, or the
     *                             packs' {@code after} lists form a cycle
     */
    public static Packs load(ClassLoader loader, List<Pack> extra, boolean serviceLoaded) {
        Map<String, Pack> byId = new TreeMap<>();
        List<Pack> all = new ArrayList<>();
        if (serviceLoaded) {
            ServiceLoader.load(Pack.class, loader).forEach(all::add);
        }
        all.addAll(extra);
        Map<String, String> sectionOwners = new LinkedHashMap<>();
        CORE_KEYS.forEach(k -> sectionOwners.put(k, "the core of governance.yml"));
        for (Pack pack : all) {
            String id = pack.id();
            if (id == null || !ID.matcher(id).matches()) {
                throw new GovernanceException(pack.getClass().getName(), 0, "pack id '" + id
                        + "' must be lower case letters, digits and '-', like 'ownership'");
            }
            Pack earlier = byId.putIfAbsent(id, pack);
            if (earlier != null) {
                if (earlier.getClass() == pack.getClass()) {
                    continue; // the same pack found twice (on the class path and given): keep one
                }
                throw new GovernanceException(pack.getClass().getName(), 0, "pack id '" + id + "' is taken by "
                        + earlier.getClass().getName() + ": give the pack an id of its own");
            }
            for (SectionReader<?> section : pack.sections()) {
                String owner = sectionOwners.putIfAbsent(section.section().key(), "pack '" + id + "'");
                if (owner != null) {
                    throw new GovernanceException(pack.getClass().getName(), 0, "pack '" + id + "' declares section '"
                            + section.section().key() + "', which belongs to " + owner + ": choose another key");
                }
            }
        }
        return new Packs(order(byId));
    }

    /** Topological order by {@code after}, ties by id; an unknown name in {@code after} is simply not waited for. */
    private static List<Pack> order(Map<String, Pack> byId) {
        List<Pack> out = new ArrayList<>();
        Set<String> done = new LinkedHashSet<>();
        Set<String> visiting = new LinkedHashSet<>();
        for (String id : byId.keySet()) {
            visit(id, byId, done, visiting, out);
        }
        return out;
    }

    private static void visit(String id, Map<String, Pack> byId, Set<String> done, Set<String> visiting, List<Pack> out) {
        if (done.contains(id) || !byId.containsKey(id)) {
            return;
        }
        if (!visiting.add(id)) {
            throw new GovernanceException(byId.get(id).getClass().getName(), 0, "packs wait for each other in a cycle ("
                    + String.join(" -> ", visiting) + " -> " + id + "): drop one of the 'after' entries");
        }
        for (String before : byId.get(id).after().stream().sorted(Comparator.naturalOrder()).toList()) {
            visit(before, byId, done, visiting, out);
        }
        visiting.remove(id);
        done.add(id);
        out.add(byId.get(id));
    }

    /** Every pack, in run order. */
    public List<Pack> all() {
        return ordered;
    }

    /** The packs the policy puts in force, in run order. */
    public List<Pack> inForce(Policy policy) {
        return ordered.stream().filter(p -> policy.inForce(p.id())).toList();
    }

    /** The pack with this id. */
    public Optional<Pack> get(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The ids of every pack, in run order. */
    public List<String> ids() {
        return List.copyOf(byId.keySet());
    }

    /** Every section every pack reads. */
    public List<SectionReader<?>> sections() {
        List<SectionReader<?>> out = new ArrayList<>();
        ordered.forEach(p -> out.addAll(p.sections()));
        return out;
    }
}

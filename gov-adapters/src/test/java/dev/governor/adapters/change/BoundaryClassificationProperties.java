package dev.governor.adapters.change;

import static org.assertj.core.api.Assertions.assertThat;

import dev.governor.api.BoundaryChange;
import dev.governor.api.FileChange;
import dev.governor.api.policy.ServicesPolicy;
import dev.governor.fixtures.ReferenceBoundaries;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * Boundary classification agrees with the plain-Java reference of gov-fixtures (written from rules.md alone)
 * on generated moves: whole services renamed, split, merged and removed, and random renames and deletes, with
 * boundaries from build files or from {@code services} globs.
 */
class BoundaryClassificationProperties {

    private static final String[] NAMES = {"billing", "shop", "payments", "search", "core"};

    /** One generated change: the tree before it, its diff, and the tree after it. */
    record Move(Set<String> before, List<FileChange> files, Set<String> after, List<String> globs) {}

    @Property(tries = 600)
    void the_classifier_agrees_with_the_reference(@ForAll("moves") Move m) {
        List<BoundaryChange> expected = ReferenceBoundaries.classify("#1", m.before(), m.after(), m.files(), m.globs());
        List<BoundaryChange> actual = Boundaries.classify("#1", m.files(), new SetTree(m.before()), new SetTree(m.after()),
                new ServicesPolicy(m.globs()));
        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void the_generator_makes_every_kind_of_boundary_change() {
        Set<BoundaryChange.Kind> seen = new TreeSet<>();
        for (long seed = 0; seed < 400; seed++) {
            Move m = generate(new Random(seed));
            ReferenceBoundaries.classify("#1", m.before(), m.after(), m.files(), m.globs()).forEach(b -> seen.add(b.kind()));
        }
        assertThat(seen).containsExactlyInAnyOrder(BoundaryChange.Kind.values());
    }

    @Provide
    Arbitrary<Move> moves() {
        return Arbitraries.longs().map(seed -> generate(new Random(seed)));
    }

    static Move generate(Random r) {
        boolean byGlobs = r.nextBoolean();
        List<String> globs = byGlobs ? List.of("services/*") : List.of();
        String base = byGlobs || r.nextBoolean() ? "services/" : "";
        Set<String> before = new TreeSet<>();
        before.add("README.md");
        before.add("libs/util/Util.java");
        int count = 1 + r.nextInt(4);
        List<String> services = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String s = base + NAMES[i];
            services.add(s);
            if (!byGlobs) {
                before.add(s + "/pom.xml");
            }
            int files = 1 + r.nextInt(6);
            for (int f = 0; f < files; f++) {
                before.add(s + "/src/F" + f + ".java");
            }
        }
        Set<String> after = new TreeSet<>(before);
        List<FileChange> diff = new ArrayList<>();
        String s = services.get(r.nextInt(services.size()));
        List<String> own = before.stream().filter(p -> p.startsWith(s + "/")).toList();
        String fresh = base + "new" + r.nextInt(3);
        switch (r.nextInt(5)) {
            case 0 -> { // rename, perhaps leaving some behind
                for (String p : own) {
                    if (r.nextInt(5) > 0) {
                        move(p, fresh + p.substring(s.length()), diff, after);
                    }
                }
            }
            case 1 -> { // split: some files into a new service
                if (!byGlobs) {
                    after.add(fresh + "/pom.xml");
                    diff.add(FileChange.added(fresh + "/pom.xml"));
                }
                for (String p : own) {
                    if (!p.endsWith("pom.xml") && r.nextBoolean()) {
                        move(p, fresh + p.substring(s.length()), diff, after);
                    }
                }
            }
            case 2 -> { // merge into another service, the build file dropped
                String into = services.get(r.nextInt(services.size()));
                for (String p : own) {
                    if (p.endsWith("pom.xml")) {
                        delete(p, diff, after);
                    } else if (!into.equals(s)) {
                        move(p, into + "/src/from-" + p.substring(p.lastIndexOf('/') + 1), diff, after);
                    }
                }
            }
            case 3 -> own.forEach(p -> delete(p, diff, after)); // removal
            default -> { // anything: random renames and deletes
                for (String p : new ArrayList<>(before)) {
                    int what = r.nextInt(6);
                    if (what == 0) {
                        delete(p, diff, after);
                    } else if (what == 1) {
                        String target = (r.nextBoolean() ? services.get(r.nextInt(services.size())) : fresh)
                                + "/x/" + p.substring(p.lastIndexOf('/') + 1);
                        if (!after.contains(target)) {
                            move(p, target, diff, after);
                        }
                    }
                }
            }
        }
        return new Move(before, diff, after, globs);
    }

    private static void move(String from, String to, List<FileChange> diff, Set<String> after) {
        after.remove(from);
        after.add(to);
        diff.add(FileChange.renamed(from, to));
    }

    private static void delete(String path, List<FileChange> diff, Set<String> after) {
        after.remove(path);
        diff.add(FileChange.deleted(path));
    }
}

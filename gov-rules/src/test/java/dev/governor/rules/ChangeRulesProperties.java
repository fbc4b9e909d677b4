package dev.governor.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.governor.Governor;
import dev.governor.Report;
import dev.governor.api.Adr;
import dev.governor.api.AdrChange;
import dev.governor.api.BoundaryChange;
import dev.governor.api.Change;
import dev.governor.api.Facts;
import dev.governor.api.FileChange;
import dev.governor.api.Finding;
import dev.governor.api.Policy;
import dev.governor.fixtures.ReferenceChange;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The Change layer's temporal rules agree with the plain-Java reference of gov-fixtures on generated
 * histories: ADRs added, edited, set aside and deleted over time (some before the history starts), boundary
 * changes, reverts, {@code ADR:} trailers, and files brought under removed paths.
 */
class ChangeRulesProperties {

    private static final Instant T0 = Instant.parse("2026-09-01T10:00:00Z");
    private static final String[] STATUSES = {"accepted", "accepted", "proposed", "deprecated", "superseded", "rejected"};
    private static final String[] DIRS = {"services/billing", "services/shop", "lib"};

    record History(List<Change> changes, List<Adr> head, List<AdrChange> adrChanges, List<BoundaryChange> boundaries) {}

    @Property(tries = 400)
    void rules_agree_with_the_reference(@ForAll("histories") History h) {
        List<String> expected = ReferenceChange.findings(h.changes(), h.head(), h.adrChanges(), h.boundaries());
        Facts facts = Facts.builder().addAll(h.changes()).addAll(h.head()).addAll(h.adrChanges())
                .addAll(h.boundaries()).build();
        Report report = Governor.builder().facts(facts).withoutServiceLoadedSources()
                .policy(Policy.builder().layers(Set.of("change")).build())
                .clock(Clock.fixed(T0.plusSeconds(86_400L * 60), ZoneOffset.UTC)).build().check();
        List<String> actual = new ArrayList<>();
        for (Finding f : report.findings()) {
            if (f.ruleId().equals("change.adr-required") || f.ruleId().equals("change.boundary-regression")) {
                actual.add(f.ruleId() + " " + f.change() + " " + f.subject().kind().id() + ":" + f.subject().id());
            }
        }
        actual.sort(null);
        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void the_generator_makes_both_rules_fire_and_pass() {
        int required = 0;
        int regressions = 0;
        int quiet = 0;
        for (long seed = 0; seed < 200; seed++) {
            History h = generate(new Random(seed));
            List<String> f = ReferenceChange.findings(h.changes(), h.head(), h.adrChanges(), h.boundaries());
            required += (int) f.stream().filter(s -> s.startsWith("change.adr-required")).count();
            regressions += (int) f.stream().filter(s -> s.startsWith("change.boundary-regression")).count();
            quiet += f.isEmpty() ? 1 : 0;
        }
        assertThat(required).isGreaterThan(50);
        assertThat(regressions).isGreaterThan(20);
        assertThat(quiet).isGreaterThan(5);
    }

    @Provide
    Arbitrary<History> histories() {
        return Arbitraries.longs().map(seed -> generate(new Random(seed)));
    }

    static History generate(Random r) {
        int n = 3 + r.nextInt(14);
        Map<String, Adr> state = new TreeMap<>();
        if (r.nextBoolean()) { // an ADR from before the history read
            state.put(path(1), adr(1, "accepted", r.nextBoolean(), List.of(), List.of(), null));
        }
        List<Change> changes = new ArrayList<>();
        List<AdrChange> adrChanges = new ArrayList<>();
        List<BoundaryChange> boundaries = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String id = "#" + (i + 1);
            Change.Builder b = Change.builder(id).mergedAt(T0.plusSeconds(3600L * i)).position(i).declaredType("feature")
                    .risk("low").field("intent", "i").field("blast-radius", "b").field("verification", "v")
                    .field("rollback", "r");
            int files = r.nextInt(3);
            for (int f = 0; f < files; f++) {
                String file = DIRS[r.nextInt(DIRS.length)] + "/F" + r.nextInt(4) + ".java";
                b.file(switch (r.nextInt(3)) {
                    case 0 -> FileChange.added(file);
                    case 1 -> FileChange.renamed("old/F" + f + ".java", file);
                    default -> FileChange.modified(file);
                });
            }
            if (r.nextInt(4) == 0) {
                BoundaryChange.Kind kind = BoundaryChange.Kind.values()[r.nextInt(4)];
                boundaries.add(new BoundaryChange(id, kind, DIRS[r.nextInt(2)],
                        kind == BoundaryChange.Kind.REMOVAL ? null : "services/new", 1, 2));
            }
            if (i > 0 && r.nextInt(5) == 0) {
                b.reverts("#" + (1 + r.nextInt(i)));
            }
            if (r.nextInt(6) == 0) {
                b.trailer("ADR", String.valueOf(1 + r.nextInt(4)));
            }
            int writes = r.nextInt(3) == 0 ? 1 + r.nextInt(2) : 0;
            for (int w = 0; w < writes; w++) {
                int number = 1 + r.nextInt(3);
                String path = path(number);
                Adr before = state.get(path);
                if (adrChanges.stream().anyMatch(c -> c.change().equals(id) && c.path().equals(path))) {
                    continue; // one change writes a file once
                }
                if (before != null && r.nextInt(5) == 0) {
                    state.remove(path);
                    adrChanges.add(new AdrChange(id, path, AdrChange.Kind.DELETED, before, null));
                    continue;
                }
                List<String> supersedes = r.nextInt(4) == 0 ? List.of(String.valueOf(1 + r.nextInt(4))) : List.of();
                List<String> supersededBy = r.nextInt(4) == 0 ? List.of(String.valueOf(1 + r.nextInt(4))) : List.of();
                Adr after = adr(number, STATUSES[r.nextInt(STATUSES.length)], r.nextBoolean(), supersedes, supersededBy, id);
                state.put(path, after);
                adrChanges.add(new AdrChange(id, path, before == null ? AdrChange.Kind.ADDED : AdrChange.Kind.MODIFIED,
                        before, after));
            }
            changes.add(b.build());
        }
        return new History(changes, new ArrayList<>(state.values()), adrChanges, boundaries);
    }

    private static String path(int number) {
        return "docs/adr/000" + number + "-decision.md";
    }

    private static Adr adr(int number, String status, boolean boundary, List<String> supersedes,
                           List<String> supersededBy, String lastChange) {
        return new Adr(path(number), number, "Decision " + number, status, null, "d", "r", supersedes, supersededBy,
                boundary ? List.of("services/billing/**") : List.of(), boundary ? "github.com/acme/billing" : null,
                lastChange, List.of());
    }
}

package dev.governor.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.governor.Context;
import dev.governor.Governor;
import dev.governor.api.Adr;
import dev.governor.api.Change;
import dev.governor.api.Deployment;
import dev.governor.api.Fact;
import dev.governor.api.Facts;
import dev.governor.api.FileChange;
import dev.governor.api.GovernanceException;
import dev.governor.api.IsoWeek;
import dev.governor.api.Policy;
import dev.governor.api.Ref;
import dev.governor.api.SignOff;
import dev.governor.api.policy.HotspotPolicy;
import dev.governor.pack.ContextEntry;
import dev.governor.pack.ContextRequest;
import dev.governor.pack.Pack;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code Governor.context(paths)} on facts given in memory: each built-in pack's part (hotspot counts, locks
 * under directory scope, open blockers and what a sign-off releases, a learning blocker of the week), how paths
 * are read and refused, and what the engine asks of a pack's answer.
 */
class ContextTest {
    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

    private static Change change(String id, String type, Instant at, String... paths) {
        Change.Builder b = Change.builder(id).sha(id.substring(1) + "abcdef0").mergedAt(at).declaredType(type)
                .risk("low").field("intent", "x").field("blast-radius", "x").field("verification", "x")
                .field("rollback", "x");
        for (String p : paths) {
            b.file(FileChange.modified(p));
        }
        return b.build();
    }

    private static Governor governor(Policy policy, List<? extends Fact> facts) {
        return Governor.builder().facts(Facts.builder().addAll(facts).build()).policy(policy)
                .clock(Clock.fixed(NOW, ZoneOffset.UTC)).withoutServiceLoadedSources().build();
    }

    private static List<Change> threeFixes(String path) {
        return List.of(change("#1", "tactical-fix", NOW.minus(Duration.ofDays(3)), path),
                change("#2", "tactical-fix", NOW.minus(Duration.ofDays(2)), path),
                change("#3", "tactical-fix", NOW.minus(Duration.ofDays(1)), path));
    }

    @Test
    void a_file_short_of_a_lock_tells_its_tactical_fixes_and_those_counted_towards_the_lock() {
        List<Change> two = List.of(change("#1", "tactical-fix", NOW.minus(Duration.ofDays(2)), "src/a.txt"),
                change("#2", "tactical-fix", NOW.minus(Duration.ofDays(1)), "src/a.txt"));

        Context context = governor(Policy.defaults(), two).context(List.of("src/a.txt"));

        assertThat(context.of("intent")).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo("hotspot");
            assertThat(e.text()).isEqualTo("src/a.txt: 2 tactical fixes within the last 7d; 2 of 3 towards a lock"
                    + " (#1 2026-11-24, #2 2026-11-25): one more tactical fix before 2026-12-01T12:00:00Z locks it until"
                    + " a strategic fix");
            assertThat(e.details()).containsEntry("counted", List.of("#1", "#2")).containsEntry("lockAt", 3);
        });
    }

    @Test
    void an_adr_named_by_a_change_to_the_path_covers_it_and_says_what_superseded_it() {
        Adr cached = new Adr("docs/adr/0003-cache-totals.md", 3, "Cache totals", "superseded", null,
                "Totals are cached in the ledger. Reads stay fast.", "Reads are slow.", List.of(), List.of("4"), List.of(),
                null);
        Adr computed = new Adr("docs/adr/0004-compute-totals.md", 4, "Compute totals", "accepted", null,
                "Totals are computed on read.", "Caches drifted.", List.of("3"), List.of(), List.of(), null);
        Change named = Change.builder("#7").sha("7abcdef0").mergedAt(NOW.minus(Duration.ofDays(30))).declaredType("feature")
                .risk("low").trailer("ADR", "0003").file(FileChange.modified("src/pay/Ledger.java")).build();

        Context context = governor(Policy.defaults(), List.of(cached, computed, named))
                .context(List.of("src/pay/Ledger.java"));

        assertThat(context.of("change")).extracting(ContextEntry::text).containsExactly("ADR 3 'Cache totals'"
                + " (superseded, superseded by 4, docs/adr/0003-cache-totals.md) covers src/pay/Ledger.java: named by #7;"
                + " decided: Totals are cached in the ledger.");
    }

    @Test
    void tactical_fixes_older_than_the_window_are_nothing_a_change_made_now_must_know() {
        List<Change> old = List.of(change("#1", "tactical-fix", NOW.minus(Duration.ofDays(40)), "src/a.txt"),
                change("#2", "tactical-fix", NOW.minus(Duration.ofDays(39)), "src/a.txt"));

        Context context = governor(Policy.defaults(), old).context(List.of("src/a.txt"));

        assertThat(context.of("intent")).isEmpty();
    }

    @Test
    void under_directory_scope_a_file_reaches_the_lock_of_its_directory() {
        Policy byDirectory = Policy.defaults().with(HotspotPolicy.SECTION, new HotspotPolicy(3, Duration.ofDays(7),
                HotspotPolicy.Scope.DIRECTORY, List.of()));

        Context context = governor(byDirectory, threeFixes("src/pay/Ledger.java")).context(List.of("src/pay/Tax.java"));

        assertThat(context.of("intent")).extracting(ContextEntry::kind, ContextEntry::path)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("lock", "src/pay"));
    }

    @Test
    void a_blocking_finding_on_a_recent_change_to_the_path_is_an_open_blocker() {
        Context context = governor(Policy.defaults(), threeFixes("src/a.txt")).context(List.of("src"));

        assertThat(context.of("release")).extracting(ContextEntry::text).containsExactly("#3, a recent change to src,"
                + " carries a blocking intent.tactical-hotspot finding not yet signed off, which blocks the next release"
                + " until resolved; it says: 3 tactical fixes within 7d (#1 2026-11-23, #2 2026-11-24, #3 2026-11-25):"
                + " src/a.txt is locked until a strategic fix");
    }

    @Test
    void blocking_findings_of_one_rule_on_many_changes_to_a_path_are_one_entry() {
        List<Change> untemplated = List.of(
                Change.builder("#1").sha("1abcdef0").mergedAt(NOW.minus(Duration.ofDays(2))).declaredType("feature")
                        .risk("low").file(FileChange.modified("src/a.txt")).build(),
                Change.builder("#2").sha("2abcdef0").mergedAt(NOW.minus(Duration.ofDays(1))).declaredType("feature")
                        .risk("low").file(FileChange.modified("src/a.txt")).build());

        Context context = governor(Policy.defaults(), untemplated).context(List.of("src/a.txt"));

        assertThat(context.of("release")).singleElement().satisfies(e -> {
            assertThat(e.text()).isEqualTo("2 recent changes to src/a.txt (#1, #2) carry 8 blocking"
                    + " change.template-field-missing findings not yet signed off, which block the next release until"
                    + " resolved; the first says: #1 has no blast radius: add a 'Blast-Radius:' trailer or a"
                    + " '## Blast radius' section to its PR body (not TBD or n/a)");
            assertThat(e.details()).containsEntry("changes", List.of("#1", "#2")).containsEntry("findings", 8);
        });
    }

    @Test
    void a_passed_sign_off_of_a_later_change_releases_the_blockers_before_it() {
        List<Fact> facts = new ArrayList<>(threeFixes("src/a.txt"));
        Change later = change("#4", "feature", NOW.minus(Duration.ofHours(12)), "README.md");
        facts.add(later);
        facts.add(new SignOff(later.sha(), "prod", NOW.minus(Duration.ofHours(6)), "Ann", SignOff.Status.PASSED));

        Context context = governor(Policy.defaults(), facts).context(List.of("src/a.txt"));

        assertThat(context.of("release")).isEmpty();
        assertThat(context.of("intent")).extracting(ContextEntry::kind).containsExactly("lock");
    }

    @Test
    void a_learning_blocker_of_this_week_holds_every_path() {
        List<Fact> facts = new ArrayList<>();
        int week = 0;
        for (String w : List.of("2026-W45", "2026-W46", "2026-W47")) {
            week++;
            Instant monday = IsoWeek.parse(w).start();
            for (int i = 0; i < 10; i++) {
                facts.add(new Deployment(w + "-d" + i, "abcdef" + week + i, "prod", monday.plus(Duration.ofHours(10 + i)),
                        i < week ? Deployment.Status.ROLLED_BACK : Deployment.Status.SUCCESS));
            }
        }
        facts.add(change("#1", "feature", NOW.minus(Duration.ofDays(20)), "src/a.txt"));

        Context context = governor(Policy.defaults(), facts).context(List.of("anything/at/all.txt"));

        assertThat(context.of("learning")).singleElement().satisfies(e -> {
            assertThat(e.path()).isNull();
            assertThat(e.text()).isEqualTo("change failure rate degraded two weeks in a row (2026-W46, 2026-W47):"
                    + " releases are blocked in 2026-W48: no sign-off passes this week (release.learning-blocker),"
                    + " whatever the paths; fix what made the metric worse");
            assertThat(e.details()).isEqualTo(Map.of("week", "2026-W48", "metric", "change-failure-rate"));
        });
    }

    @Test
    void without_a_repository_paths_are_unknown_and_packs_come_in_layer_order() {
        Context context = governor(Policy.defaults(), threeFixes("src/a.txt")).context(List.of("./src/a.txt/",
                "src\\b.txt", "src/a.txt"));

        assertThat(context.paths()).containsExactly(new Context.Path("src/a.txt", "unknown"),
                new Context.Path("src/b.txt", "unknown"));
        assertThat(context.byPack().keySet()).containsExactly("intent", "contract", "change", "release", "learning");
        assertThat(context.repository()).isNull();
        assertThat(context.recentSince()).isEqualTo(NOW.minus(Duration.ofDays(90)));
    }

    @Test
    void a_path_leaving_the_repository_is_refused_with_what_to_give_instead() {
        Governor governor = governor(Policy.defaults(), threeFixes("src/a.txt"));

        assertThatThrownBy(() -> governor.context(List.of("src/../../etc/passwd")))
                .isInstanceOf(GovernanceException.class)
                .hasMessage("src/../../etc/passwd: not a path inside the repository: give a file or directory relative"
                        + " to the repository root, like src/pay/Ledger.java (no '..', no empty segment)");
        assertThatThrownBy(() -> governor.context(List.of("/etc/passwd")))
                .isInstanceOf(GovernanceException.class)
                .hasMessage("/etc/passwd: this path is outside the repository: give a path relative to the repository"
                        + " root, like src/pay/Ledger.java");
        assertThatThrownBy(() -> governor.context(List.of(" ")))
                .isInstanceOf(GovernanceException.class)
                .hasMessage("a blank path: name a file or directory relative to the repository root, like"
                        + " src/pay/Ledger.java");
        assertThatThrownBy(() -> governor.context(List.of()))
                .isInstanceOf(GovernanceException.class)
                .hasMessage("no path to give the context of: name the files or directories about to change, like"
                        + " src/pay/Ledger.java");
    }

    /** A pack that answers null: a mistake its author must hear about. */
    public static final class SilentPack implements Pack {
        @Override
        public String id() {
            return "silent";
        }

        @Override
        public List<String> rules() {
            return List.of();
        }

        @Override
        public List<ContextEntry> context(ContextRequest request) {
            return null;
        }
    }

    @Test
    void a_pack_that_answers_null_is_told_to_return_an_empty_list() {
        Governor governor = Governor.builder().facts(Facts.builder().addAll(threeFixes("src/a.txt")).build())
                .pack(new SilentPack()).clock(Clock.fixed(NOW, ZoneOffset.UTC)).withoutServiceLoadedSources().build();

        assertThatThrownBy(() -> governor.context(List.of("src/a.txt")))
                .isInstanceOf(GovernanceException.class)
                .hasMessage("dev.governor.engine.ContextTest$SilentPack: pack 'silent' returned null from context(…):"
                        + " return an empty list when it has nothing to tell");
    }

    @Test
    void an_entry_holds_plain_values_only_and_says_which_it_refused() {
        assertThatThrownBy(() -> ContextEntry.of("lock", "a", "text").with("when", Duration.ofDays(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("detail 'when' is a Duration: give a string, an int or long, a boolean, an Instant, a list"
                        + " of strings or null");
        assertThatThrownBy(() -> ContextEntry.of("Lock", "a", "text"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("context entry kind 'Lock' must be lower case letters, digits and '-', like 'lock'");
        assertThat(ContextEntry.of("owners", "a", "text").with("owners", List.of("@pay")).withEvidence(
                List.of(Ref.file("CODEOWNERS"))).details()).containsExactly(Map.entry("owners", List.of("@pay")));
    }
}

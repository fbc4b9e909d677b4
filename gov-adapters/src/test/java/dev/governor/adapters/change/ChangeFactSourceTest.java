package dev.governor.adapters.change;

import static org.assertj.core.api.Assertions.assertThat;

import dev.governor.adapters.git.GitHistoryProvider;
import dev.governor.api.Adr;
import dev.governor.api.AdrChange;
import dev.governor.api.BoundaryChange;
import dev.governor.api.FactContext;
import dev.governor.api.Facts;
import dev.governor.api.History;
import dev.governor.api.Policy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Change layer's facts from a repository built with the plain git command line. */
class ChangeFactSourceTest {

    @TempDir
    Path dir;

    private void git(String... args) throws Exception {
        Process p = new ProcessBuilder(concat(args)).directory(dir.toFile()).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assertThat(p.waitFor()).as(String.join(" ", args)).isZero();
    }

    private static List<String> concat(String... args) {
        List<String> command = new java.util.ArrayList<>(List.of("git", "-c", "user.name=Dev", "-c",
                "user.email=dev@example.com", "-c", "commit.gpgsign=false"));
        command.addAll(List.of(args));
        return command;
    }

    private void write(String path, String text) throws IOException {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private void commit(String message) throws Exception {
        git("add", "-A");
        git("commit", "-q", "-m", message);
    }

    private Facts read(Policy policy) {
        History history = new GitHistoryProvider().open(dir, null, null, policy);
        return new ChangeFactSource().read(new FactContext(dir, null, null, Instant.now(), policy, history));
    }

    @Test
    void adrs_are_read_as_they_stood_before_and_after_each_change_and_services_are_classified() throws Exception {
        git("init", "-q", "-b", "main");
        write("services/billing/pom.xml", "<project/>\n");
        write("services/billing/src/A.java", "class A {}\n");
        write("services/billing/src/B.java", "class B {}\n");
        write("docs/adr/0001-keep-billing.md", "# 1. Keep billing\n\n## Status\n\nAccepted\n\n## Decision\n\nKeep it."
                + "\n\n## Reason\n\nIt works.\n");
        commit("Start (#1)");
        git("mv", "services/billing", "services/payments");
        write("docs/adr/0001-keep-billing.md", "# 1. Keep billing\n\n## Status\n\nDeprecated\n\n## Decision\n\nKeep it."
                + "\n\n## Reason\n\nIt works.\n");
        commit("Rename billing (#2)");

        Facts facts = read(Policy.defaults());

        assertThat(facts.of(BoundaryChange.class)).containsExactly(new BoundaryChange("#2", BoundaryChange.Kind.RENAME,
                "services/billing", "services/payments", 3, 3));
        List<AdrChange> adrChanges = facts.of(AdrChange.class);
        assertThat(adrChanges).extracting(AdrChange::change, AdrChange::kind)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("#1", AdrChange.Kind.ADDED),
                        org.assertj.core.groups.Tuple.tuple("#2", AdrChange.Kind.MODIFIED));
        assertThat(adrChanges.get(1).before().status()).isEqualTo("accepted");
        assertThat(adrChanges.get(1).after().status()).isEqualTo("deprecated");
        assertThat(facts.of(Adr.class)).extracting(Adr::path, Adr::lastChange)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("docs/adr/0001-keep-billing.md", "#2"));
    }

    @Test
    void nothing_is_read_when_the_change_layer_is_not_in_force() throws Exception {
        git("init", "-q", "-b", "main");
        write("docs/adr/0001-x.md", "# 1. X\n");
        commit("Start (#1)");

        assertThat(read(Policy.builder().layers(Set.of("release")).build()).facts()).isEmpty();
    }
}

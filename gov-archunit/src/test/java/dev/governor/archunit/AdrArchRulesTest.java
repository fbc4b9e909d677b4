package dev.governor.archunit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import dev.governor.adapters.change.AdrFiles;
import dev.governor.api.Adr;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdrArchRulesTest {

    private static final JavaClasses SAMPLE = new ClassFileImporter().importPackages("dev.governor.archunit.sample");

    @TempDir
    Path repo;

    private List<Adr> adrs(String status) throws IOException {
        Files.createDirectories(repo.resolve("docs/adr"));
        Files.writeString(repo.resolve("docs/adr/0007-extract-billing.md"), """
                ---
                status: %s
                boundary:
                  removed: ["src/test/java/dev/governor/archunit/sample/billing/**"]
                  moved-to: "github.com/acme/billing-service"
                ---
                # 7. Extract billing

                ## Decision

                Billing moves to its own service.

                ## Reason

                It releases weekly.
                """.formatted(status));
        return AdrFiles.read(repo);
    }

    @Test
    void a_class_back_in_a_package_an_accepted_adr_removed_fails_the_teams_archunit_suite() throws IOException {
        assertThat(SAMPLE.contain("dev.governor.archunit.sample.billing.Invoice")).isTrue();

        assertThatThrownBy(() -> AdrArchRules.noRemovedCode(adrs("accepted")).check(SAMPLE))
                .isInstanceOf(AssertionError.class)
                .hasMessage("Architecture Violation [Priority: MEDIUM] - Rule 'no classes should reside in any package"
                        + " ['dev.governor.archunit.sample.billing..'], because ADR 7 (docs/adr/0007-extract-billing.md)"
                        + " removed src/test/java/dev/governor/archunit/sample/billing/** and moved it to"
                        + " github.com/acme/billing-service' was violated (1 times):\n"
                        + "Class <dev.governor.archunit.sample.billing.Invoice> does reside in any package"
                        + " ['dev.governor.archunit.sample.billing..'] in (Invoice.java:0)");
    }

    @Test
    void code_the_adr_did_not_remove_passes() throws IOException {
        JavaClasses shop = new ClassFileImporter().importPackages("dev.governor.archunit.sample.shop");

        assertThatCode(() -> AdrArchRules.noRemovedCode(adrs("accepted")).check(shop)).doesNotThrowAnyException();
    }

    @Test
    void a_superseded_adr_no_longer_forbids_the_code() throws IOException {
        assertThat(AdrArchRules.removedBoundaries(adrs("superseded"))).isEmpty();
    }

    @Test
    void without_an_adr_that_removed_code_the_rule_refuses_to_pass_silently() {
        assertThatThrownBy(() -> AdrArchRules.noRemovedCode(List.of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("no accepted ADR of the 0 given lists removed code (boundary.removed: a package under a source"
                        + " root, or a directory), so there is nothing to check: add the boundary to the ADR that moved"
                        + " code out, or leave this rule out until one does");
    }

    @Test
    void globs_under_a_source_root_name_packages_and_others_name_directories() {
        assertThat(AdrArchRules.packageOf("src/main/java/com/acme/billing/**")).contains("com.acme.billing..");
        assertThat(AdrArchRules.packageOf("services/shop/src/main/java/com/acme/billing/**")).contains("com.acme.billing..");
        assertThat(AdrArchRules.packageOf("services/billing/**")).isEmpty();
        assertThat(AdrArchRules.directoryOf("services/billing/**")).contains("services/billing");
        assertThat(AdrArchRules.directoryOf("services/*/billing/**")).isEmpty();
    }
}

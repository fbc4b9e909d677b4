package dev.governor.examples;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Dependencies point one way: api &lt;- rules, adapters &lt;- cli, examples, bench. Checked here, where
 * every library module is on the class path (see docs/adr/0004 for why these are plain tests).
 */
class ModuleArchitectureTest {

    private static final JavaClasses GOVERNOR = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.governor");

    /** The packages of gov-rules: the public entry points, the engine, the pack SPI, the packs, the test DSL. */
    private static final String[] RULES = {"dev.governor", "dev.governor.internal..", "dev.governor.pack..",
            "dev.governor.packs..", "dev.governor.test.."};

    @Test
    void rules_do_not_depend_on_adapters_or_hosts() {
        noClasses().that().resideInAnyPackage(RULES)
                .should().dependOnClassesThat().resideInAnyPackage("dev.governor.adapters..", "dev.governor.cli..",
                        "dev.governor.examples..", "dev.governor.bench..", "org.eclipse.jgit..")
                .because("gov-rules finds adapters at run time through the FactSource SPI")
                .check(GOVERNOR);
    }

    @Test
    void adapters_do_not_depend_on_the_engine_or_hosts() {
        noClasses().that().resideInAPackage("dev.governor.adapters..")
                .should().dependOnClassesThat().resideInAnyPackage(RULES)
                .orShould().dependOnClassesThat().resideInAnyPackage("dev.governor.cli..", "dev.governor.examples..",
                        "org.drools..", "org.kie..")
                .because("adapters only produce facts (gov-api); the engine decides")
                .check(GOVERNOR);
    }

    @Test
    void the_api_depends_on_nothing_of_ours() {
        noClasses().that().resideInAPackage("dev.governor.api..")
                .should().dependOnClassesThat().resideInAnyPackage(RULES)
                .orShould().dependOnClassesThat().resideInAnyPackage("dev.governor.adapters..", "dev.governor.cli..")
                .check(GOVERNOR);
    }

    @Test
    void the_shared_reader_depends_on_nothing_of_ours_but_the_api() {
        noClasses().that().resideInAPackage("dev.governor.input..")
                .should().dependOnClassesThat().resideInAnyPackage(RULES)
                .orShould().dependOnClassesThat().resideInAnyPackage("dev.governor.adapters..", "dev.governor.cli..",
                        "org.drools..", "org.kie..", "org.eclipse.jgit..")
                .because("gov-input is the one safe reader both the engine and the adapters use")
                .check(GOVERNOR);
    }

    @Test
    void the_import_saw_every_library_module() {
        assertThat(GOVERNOR.containPackage("dev.governor.api")).isTrue();
        assertThat(GOVERNOR.containPackage("dev.governor.internal.engine")).isTrue();
        assertThat(GOVERNOR.containPackage("dev.governor.adapters.git")).isTrue();
        assertThat(GOVERNOR.containPackage("dev.governor.input")).isTrue();
    }
}

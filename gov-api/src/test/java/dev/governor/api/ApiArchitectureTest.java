package dev.governor.api;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * gov-api stays plain Java, so that host tools can build facts without the engine's dependencies.
 * Rules are checked from plain JUnit tests: the ArchUnit JUnit 5 engine was not picked up by
 * Surefire here (0 tests run, a broken rule passed), and a rule that never runs must not look green.
 */
class ApiArchitectureTest {

    private static final JavaClasses API = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.governor.api");

    @Test
    void api_depends_on_no_engine() {
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("org.drools..", "org.kie..", "org.eclipse.jgit..", "com.fasterxml.jackson..",
                        "org.yaml.snakeyaml..", "info.picocli..")
                .because("gov-api is plain Java: host tools create facts with no Drools, JGit, Jackson or SnakeYAML")
                .check(API);
    }

    @Test
    void api_depends_on_no_other_module() {
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("dev.governor", "dev.governor.internal..", "dev.governor.rules..",
                        "dev.governor.pack..", "dev.governor.packs..", "dev.governor.input..", "dev.governor.adapters..",
                        "dev.governor.cli..", "dev.governor.test..")
                .because("dependencies point one way: api <- rules, adapters <- cli, examples, bench")
                .check(API);
    }

    @Test
    void facts_are_records() {
        classes().that().implement(Fact.class).should().beRecords()
                .because("facts are immutable; rules derive new facts instead of mutating them")
                .check(API);
    }

    @Test
    void the_import_saw_the_api() {
        // guards the rules above against passing on an empty import
        org.assertj.core.api.Assertions.assertThat(API.contain(Finding.class)).isTrue();
    }
}

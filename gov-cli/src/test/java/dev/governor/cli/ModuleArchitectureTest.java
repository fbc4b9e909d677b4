package dev.governor.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Module-wide boundaries, checked where every module is on the class path. Plain JUnit tests, as
 * docs/adr/0004 decides: a rule that never runs must not look green.
 */
class ModuleArchitectureTest {

    private static final JavaClasses ALL = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.governor");

    @Test
    void the_engine_does_not_know_the_adapters() {
        noClasses().that().resideInAnyPackage("dev.governor", "dev.governor.internal..", "dev.governor.rules..",
                        "dev.governor.test..")
                .should().dependOnClassesThat().resideInAPackage("dev.governor.adapters..")
                .because("gov-rules finds fact sources with ServiceLoader; it must run without gov-adapters")
                .check(ALL);
    }

    @Test
    void the_adapters_do_not_know_the_engine() {
        noClasses().that().resideInAPackage("dev.governor.adapters..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.governor", "dev.governor.internal..",
                        "dev.governor.rules..", "dev.governor.test..")
                .because("adapters only produce gov-api facts; a host tool may use them with another engine")
                .check(ALL);
    }

    @Test
    void nothing_depends_on_the_command_line() {
        noClasses().that().resideOutsideOfPackage("dev.governor.cli..")
                .should().dependOnClassesThat().resideInAPackage("dev.governor.cli..")
                .because("the command line is the outermost layer: api <- rules, adapters <- cli")
                .check(ALL);
    }

    @Test
    void the_command_line_prints_only_through_its_writers() {
        noClasses().that().resideInAPackage("dev.governor.cli..").and().doNotHaveSimpleName("Main")
                .should().accessField(System.class, "out").orShould().accessField(System.class, "err")
                .because("commands write to the writers picocli gives them, so tests capture every byte")
                .check(ALL);
    }

    @Test
    void the_import_saw_every_module() {
        // guards the rules above against passing on a partial import
        assertThat(ALL.contain("dev.governor.api.Finding")).isTrue();
        assertThat(ALL.contain("dev.governor.Governor")).isTrue();
        assertThat(ALL.contain("dev.governor.cli.Main")).isTrue();
        assertThat(ALL.stream().anyMatch(c -> c.getPackageName().startsWith("dev.governor.adapters"))).isTrue();
    }
}

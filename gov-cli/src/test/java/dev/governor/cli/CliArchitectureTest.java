package dev.governor.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The command line's own boundaries (the library modules' are in gov-examples' ModuleArchitectureTest).
 * Plain JUnit tests, as docs/adr/0004 decides: a rule that never runs must not look green.
 */
class CliArchitectureTest {

    private static final JavaClasses ALL = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.governor");

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
    void the_command_line_uses_only_public_api() {
        noClasses().that().resideInAPackage("dev.governor.cli..")
                .should().dependOnClassesThat().resideInAPackage("dev.governor..internal..")
                .because("gov is the reference host tool: what it needs, every host tool may need, so it is public API")
                .check(ALL);
    }

    @Test
    void the_import_saw_the_engine_and_the_command_line() {
        // guards the rules above against passing on a partial import
        assertThat(ALL.contain("dev.governor.Governor")).isTrue();
        assertThat(ALL.contain("dev.governor.cli.Main")).isTrue();
        assertThat(ALL.contain("dev.governor.cli.CheckCommand")).isTrue();
    }
}

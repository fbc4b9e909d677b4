package dev.governor.input;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The reader's boundaries: plain JUnit tests, as docs/adr/0004 explains. */
class InputArchitectureTest {

    private static final JavaClasses INPUT = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.governor.input");

    @Test
    void input_binds_no_data_to_objects() {
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("com.fasterxml.jackson.databind..", "org.yaml.snakeyaml.constructor..")
                .because("input is read as tokens and composed nodes; nothing in a file may name a type to build")
                .check(INPUT);
    }

    @Test
    void input_depends_on_nothing_of_ours_but_the_api() {
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("dev.governor", "dev.governor.internal..", "dev.governor.rules..",
                        "dev.governor.adapters..", "dev.governor.cli..", "dev.governor.test..")
                .because("the engine and the adapters both read through gov-input, so it can use neither")
                .check(INPUT);
    }

    @Test
    void public_classes_are_final() {
        classes().that().arePublic().and().areNotInterfaces().and().areNotEnums().and().areNotRecords()
                .should().haveModifier(JavaModifier.FINAL)
                .because("the reader's types are not meant for extension")
                .check(INPUT);
    }

    @Test
    void the_import_saw_the_reader() {
        assertThat(INPUT.contain(StructuredInput.class)).isTrue();
    }
}

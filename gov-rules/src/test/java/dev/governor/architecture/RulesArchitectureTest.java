package dev.governor.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * gov-rules' own boundaries: the engine and the facade name no pack, so that adding a layer touches neither;
 * and no package cycles. Plain JUnit tests (docs/adr/0004). Classes the Drools executable model generates
 * from DRL (Rules…, DomainClassesMetadata…, lambda classes) are left out: they belong to the DRL, not to the
 * design, and they reference whatever the DRL does.
 */
class RulesArchitectureTest {

    private static final Pattern GENERATED = Pattern.compile(".*/(Rules|DomainClassesMetadata)[0-9a-fA-F]{20,}.*"
            + "|.*/P[0-9A-F]{1,2}/Lambda.*|.*/ProjectModel.*|.*/ProjectRuntime.*|.*/ProjectRuntimeEmptyPersistence.*");

    private static final ImportOption NOT_GENERATED = (Location location) -> !location.matches(GENERATED);

    static final JavaClasses RULES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .withImportOption(NOT_GENERATED)
            .importPackages("dev.governor");

    @Test
    void the_engine_and_the_facade_reference_no_packs_types() {
        noClasses().that().resideInAnyPackage("dev.governor", "dev.governor.internal..", "dev.governor.pack",
                        "dev.governor.test..")
                .should().dependOnClassesThat().resideInAPackage("dev.governor.packs..")
                .because("the engine runs the packs in force through the pack SPI and names none of them: adding a"
                        + " layer must not touch it")
                .check(RULES);
    }

    @Test
    void packs_do_not_reach_into_the_engine() {
        noClasses().that().resideInAPackage("dev.governor.packs..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.governor", "dev.governor.internal..",
                        "dev.governor.test..")
                .because("a built-in pack is written against the public pack SPI alone, as a user's pack is")
                .check(RULES);
    }

    @Test
    void gov_rules_has_no_package_cycles() {
        slices().assignedFrom(BY_PACKAGE).should().beFreeOfCycles().check(RULES);
    }

    @Test
    void the_import_saw_the_engine_the_facade_and_the_packs() {
        assertThat(RULES.contain("dev.governor.Governor")).isTrue();
        assertThat(RULES.contain("dev.governor.internal.engine.Engine")).isTrue();
        assertThat(RULES.contain("dev.governor.packs.intent.IntentPack")).isTrue();
        assertThat(RULES.stream().noneMatch(c -> c.getSimpleName().startsWith("Rules"))).isTrue();
    }

    /** One slice per package of gov-rules, the facade's own package included. */
    private static final SliceAssignment BY_PACKAGE = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            String pkg = javaClass.getPackageName();
            return pkg.startsWith("dev.governor") && !pkg.startsWith("dev.governor.api")
                    && !pkg.startsWith("dev.governor.input") ? SliceIdentifier.of(pkg) : SliceIdentifier.ignore();
        }

        @Override
        public String getDescription() {
            return "the packages of gov-rules";
        }
    };
}

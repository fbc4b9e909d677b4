package dev.governor.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.governor.Governor;
import dev.governor.RuleInfo;
import dev.governor.api.Deployment;
import dev.governor.api.Facts;
import dev.governor.api.Policy;
import dev.governor.api.GovernanceException;
import dev.governor.api.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the author of a custom rule file is told when it is wrong: the file, the line, the rule, and a
 * did-you-mean, both when the Governor is built (compiling) and when a check runs the rule.
 */
class CustomRuleDiagnosticsTest {

    static final Instant FRIDAY = Instant.parse("2026-11-20T16:00:00Z");
    static final Deployment PROD_ON_FRIDAY = new Deployment("d1", "abc1234def", "prod", FRIDAY, Deployment.Status.SUCCESS);

    /** The rule of spec/api.md, word for word: no package, no imports. */
    static final String SPEC_RULE = """
            rule "ci.no-friday-deploys"
            when
                $d : Deployment( env == "prod", dayOfWeek == DayOfWeek.FRIDAY )
            then
                insert( Finding.of("ci.no-friday-deploys", Severity.WARNING, $d.sha(), "deployed to prod on a Friday", $d) );
            end
            """;

    @TempDir
    Path dir;

    Path write(String text) throws IOException {
        return Files.writeString(dir.resolve("rules.drl"), text);
    }

    Governor.Builder governor() {
        // the custom rules alone: no built-in layer, so a deployment without sign-off evidence is no finding here
        return Governor.builder().rules(dir).facts(Facts.builder().deployment(PROD_ON_FRIDAY).build())
                .policy(Policy.builder().layers(Set.of("intent")).build())
                .clock(Clock.fixed(FRIDAY, ZoneOffset.UTC)).withoutServiceLoadedSources();
    }

    /** A rule {@code ci.a} over deployments, its condition and consequence given. */
    static String rule(String condition, String consequence) {
        return "// a team's rule\n"
                + "\n"
                + "rule \"ci.a\"\n"
                + "when\n"
                + "    " + condition + "\n"
                + "then\n"
                + "    " + consequence + "\n"
                + "end\n";
    }

    static final String REPORT = "insert( Finding.of(\"ci.a\", Severity.WARNING, $d.sha(), \"m\", $d) );";

    @Test
    void the_custom_rule_of_the_spec_compiles_without_imports_and_reports() throws IOException {
        write(SPEC_RULE);

        assertThat(governor().build().check().findings()).singleElement()
                .satisfies(f -> assertThat(f.message()).isEqualTo("deployed to prod on a Friday"));
    }

    @Test
    void an_unknown_fact_type_is_named_at_its_line_with_the_type_it_likely_meant() throws IOException {
        Path file = write(rule("$d : Deploymnt( env == \"prod\" )", REPORT));

        assertThatThrownBy(() -> governor().build()).isInstanceOf(GovernanceException.class)
                .hasMessage(file + ":5: rule 'ci.a' does not compile: unknown type 'Deploymnt' (did you mean "
                        + "'Deployment'?); the fact types, Finding, Severity, Layer, the pack helpers and java.time need "
                        + "no import, a class of your own needs one (import com.acme.Deploymnt;)");
    }

    @Test
    void a_governor_type_that_is_not_imported_automatically_names_the_import_to_add() throws IOException {
        Path file = write(rule("HotspotPolicy( $n : count )\n    $d : Deployment( )", REPORT));

        assertThatThrownBy(() -> governor().build()).isInstanceOf(GovernanceException.class)
                .hasMessage(file + ":5: rule 'ci.a' does not compile: type 'HotspotPolicy' is not imported: add 'import "
                        + "dev.governor.api.policy.HotspotPolicy;' after the package line (the fact types, Finding, "
                        + "Severity, Layer, the pack helpers and java.time need no import)");
    }

    @Test
    void an_unknown_field_is_named_at_its_line_with_the_field_it_likely_meant_and_every_field() throws IOException {
        Path file = write(rule("$d : Deployment( evn == \"prod\" )", REPORT));

        assertThatThrownBy(() -> governor().build()).isInstanceOf(GovernanceException.class)
                .hasMessage(file + ":5: rule 'ci.a' does not compile: Deployment has no field 'evn' (did you mean "
                        + "'env'?); its fields are at, dayOfWeek, env, id, ref, sha, status");
    }

    @Test
    void an_unknown_field_bound_to_a_variable_is_named_too() throws IOException {
        Path file = write(rule("$d : Deployment( $s : shaa )", REPORT));

        assertThatThrownBy(() -> governor().build()).isInstanceOf(GovernanceException.class)
                .hasMessage(file + ":5: rule 'ci.a' does not compile: Deployment has no field 'shaa' (did you mean "
                        + "'sha'?); its fields are at, dayOfWeek, env, id, ref, sha, status");
    }

    @Test
    void an_unknown_constant_of_an_enum_is_named_with_the_constant_it_likely_meant() throws IOException {
        Path file = write(rule("$d : Deployment( dayOfWeek == DayOfWeek.FRIDY )", REPORT));

        assertThatThrownBy(() -> governor().build()).isInstanceOf(GovernanceException.class)
                .hasMessage(file + ":5: rule 'ci.a' does not compile: DayOfWeek has no constant 'FRIDY' (did you mean "
                        + "'FRIDAY'?); it has MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY, SUNDAY");
    }

    @Test
    void a_misspelt_severity_in_a_consequence_is_named_at_its_line() throws IOException {
        Path file = write(rule("$d : Deployment( )", "insert( Finding.of(\"ci.a\", Severity.WARNNG, $d.sha(), \"m\") );"));

        assertThatThrownBy(() -> governor().build()).isInstanceOf(GovernanceException.class)
                .hasMessage(file + ":7: rule 'ci.a' does not compile: Severity has no constant 'WARNNG' (did you mean "
                        + "'WARNING'?); it has BLOCKING, WARNING, INFO");
    }

    @Test
    void an_unknown_method_in_a_consequence_is_named_at_its_line() throws IOException {
        Path file = write(rule("$d : Deployment( )", "insert( Finding.of(\"ci.a\", Severity.WARNING, $d.shaa(), \"m\") );"));

        assertThatThrownBy(() -> governor().build()).isInstanceOf(GovernanceException.class)
                .hasMessage(file + ":7: rule 'ci.a' does not compile: Deployment has no method 'shaa()' (did you mean "
                        + "'sha'?); its fields are at, dayOfWeek, env, id, ref, sha, status");
    }

    @Test
    void an_unknown_variable_in_a_consequence_is_named_with_the_variables_the_rule_binds() throws IOException {
        Path file = write(rule("$d : Deployment( )", "insert( Finding.of(\"ci.a\", Severity.WARNING, $dd.sha(), \"m\") );"));

        assertThatThrownBy(() -> governor().build()).isInstanceOf(GovernanceException.class)
                .hasMessage(file + ":7: rule 'ci.a' does not compile: unknown variable '$dd' (did you mean '$d'?); "
                        + "this rule binds $d");
    }

    @Test
    void a_consequence_that_does_not_parse_is_named_at_its_line() throws IOException {
        Path file = write(rule("$d : Deployment( )", "insert( Finding.of(\"ci.a\", Severity.WARNING, $d.sha(), \"m\") )"));

        assertThatThrownBy(() -> governor().build()).isInstanceOf(GovernanceException.class)
                .hasMessage(file + ":7: rule 'ci.a' does not compile: the consequence does not parse: Parse error. "
                        + "Found \"}\", expected one of \"%=\" \"&=\" \"*=\" \"++\" \"+=\" \"--\" \"-=\" \"/=\" \";\" "
                        + "\"<<=\" \"=\" \">>=\" \">>>=\" \"^=\" \"|=\"");
    }

    @Test
    void a_syntax_error_in_a_condition_is_named_at_its_line() throws IOException {
        Path file = write(rule("$d : Deployment( env == )", REPORT));

        assertThatThrownBy(() -> governor().build()).isInstanceOf(GovernanceException.class)
                .hasMessage(file + ":5: rule 'ci.a' does not compile: no viable alternative at input ')' in rule \"ci.a\"");
    }

    @Test
    void a_type_mismatch_in_a_consequence_is_named_at_its_line() throws IOException {
        Path file = write(rule("$d : Deployment( )", "String when = $d.at();"));

        assertThatThrownBy(() -> governor().build()).isInstanceOf(GovernanceException.class)
                .hasMessage(file + ":7: rule 'ci.a' does not compile: Type mismatch: cannot convert from Instant to String");
    }

    @Test
    void of_several_problems_the_first_is_named_and_the_others_counted() throws IOException {
        Path file = write(rule("$d : Deployment( evn == \"prod\" )", REPORT)
                + rule("$d : Deploymnt( )", REPORT).replace("ci.a", "ci.b").replace("// a team's rule\n", ""));

        assertThatThrownBy(() -> governor().build()).isInstanceOf(GovernanceException.class)
                .hasMessage(file + ":5: rule 'ci.a' does not compile: Deployment has no field 'evn' (did you mean "
                        + "'env'?); its fields are at, dayOfWeek, env, id, ref, sha, status (and 1 more problem in the "
                        + "rule files)");
    }

    // --- one severity, one id --------------------------------------------------------------------

    @Test
    void a_severity_in_finding_of_that_disagrees_with_the_rules_severity_annotation_is_refused() throws IOException {
        Path file = write("rule \"ci.a\"\n"
                + "    @severity(\"blocking\")\n"
                + "when\n"
                + "    $d : Deployment( )\n"
                + "then\n"
                + "    " + REPORT + "\n"
                + "end\n");

        assertThatThrownBy(() -> governor().build()).isInstanceOf(GovernanceException.class)
                .hasMessage(file + ":6: rule 'ci.a' has @severity(\"blocking\") but reports a warning finding: a rule "
                        + "has one severity; make Finding.of's severity agree with @severity, or drop one of them "
                        + "(governance.yml's rules: section changes it for a run)");
    }

    @Test
    void a_computed_severity_that_disagrees_with_the_annotation_fails_the_check_naming_the_rule() throws IOException {
        Path file = write("rule \"ci.a\"\n"
                + "    @severity(\"blocking\")\n"
                + "when\n"
                + "    $d : Deployment( )\n"
                + "then\n"
                + "    insert( Finding.of(\"ci.a\", Severity.valueOf(\"INFO\"), $d.sha(), \"m\") );\n"
                + "end\n");
        Governor governor = governor().build();

        assertThatThrownBy(governor::check).isInstanceOf(GovernanceException.class)
                .hasMessage(file + ":5: rule 'ci.a' has @severity(\"blocking\") but reports an info finding: a rule "
                        + "has one severity; make Finding.of's severity agree with @severity, or drop one of them "
                        + "(governance.yml's rules: section changes it for a run)");
    }

    @Test
    void a_rule_that_reports_under_another_id_is_refused() throws IOException {
        Path file = write(rule("$d : Deployment( )", REPORT.replace("\"ci.a\"", "\"ci.b\"")));

        assertThatThrownBy(() -> governor().build()).isInstanceOf(GovernanceException.class)
                .hasMessage(file + ":7: rule 'ci.a' reports a finding of 'ci.b': a rule reports under its own id, so "
                        + "that governance.yml, gov rules and GovRules find it; write Finding.of(\"ci.a\", …)");
    }

    @Test
    void a_rule_that_reports_under_a_computed_other_id_fails_the_check() throws IOException {
        Path file = write(rule("$d : Deployment( )",
                "insert( Finding.of(\"ci.\" + \"b\", Severity.WARNING, $d.sha(), \"m\") );"));
        Governor governor = governor().build();

        assertThatThrownBy(governor::check).isInstanceOf(GovernanceException.class)
                .hasMessage(file + ":6: rule 'ci.a' reported a finding of 'ci.b': a rule reports under its own id, so "
                        + "that governance.yml, gov rules and GovRules find it; write Finding.of(\"ci.a\", …)");
    }

    @Test
    void a_severity_annotation_that_names_no_severity_is_refused() throws IOException {
        Path file = write("rule \"ci.a\"\n    @severity(\"warnin\")\nwhen\n    $d : Deployment( )\nthen\nend\n");

        assertThatThrownBy(() -> governor().build()).isInstanceOf(GovernanceException.class)
                .hasMessage(file + ":2: rule 'ci.a' has @severity(\"warnin\"): write blocking, warning or info");
    }

    @Test
    void a_rule_without_the_annotation_is_listed_with_the_severity_its_consequence_reports() throws IOException {
        write(SPEC_RULE);

        assertThat(governor().build().rules()).filteredOn(r -> r.id().equals("ci.no-friday-deploys")).singleElement()
                .extracting(RuleInfo::severity).isEqualTo(Severity.WARNING);
    }

    @Test
    void a_rule_with_the_annotation_may_report_through_the_pack_helper_which_takes_its_severity() throws IOException {
        write("rule \"ci.a\"\n"
                + "    @severity(\"info\")\n"
                + "when\n"
                + "    $d : Deployment( )\n"
                + "then\n"
                + "    insert( Findings.of(kcontext, Ref.of($d.sha()), null, $d.at(), \"m\", java.util.List.of($d.ref())) );\n"
                + "end\n");

        assertThat(governor().build().check().findings()).singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.INFO));
    }

    // --- failures while a rule runs --------------------------------------------------------------

    @Test
    void an_exception_in_a_consequence_names_file_rule_line_and_the_facts_it_matched() throws IOException {
        Path file = write(rule("$d : Deployment( )", "Object none = null; none.toString();"));
        Governor governor = governor().build();

        assertThatThrownBy(governor::check).isInstanceOf(GovernanceException.class)
                .hasMessage(file + ":6: rule 'ci.a' failed in its consequence on deployment d1: NullPointerException: "
                        + "Cannot invoke \"Object.toString()\" because \"none\" is null; fix the consequence, or add a "
                        + "condition that keeps it from this case")
                .hasCauseInstanceOf(NullPointerException.class);
    }

    @Test
    void bad_input_a_consequence_meets_is_reported_as_it_was_named() throws IOException {
        write(rule("$d : Deployment( )", "throw new GovernanceException(\"deploys.csv\", 3, \"no such environment\");"));
        Governor governor = governor().build();

        assertThatThrownBy(governor::check).isInstanceOf(GovernanceException.class)
                .hasMessage("deploys.csv:3: no such environment");
    }

    @Test
    void an_exception_in_a_condition_names_file_rule_line_and_the_condition() throws IOException {
        Path file = write(rule("$d : Deployment( env.substring(10) == \"prod\" )", REPORT));
        Governor governor = governor().build();

        assertThatThrownBy(governor::check).isInstanceOf(GovernanceException.class)
                .hasMessage(file + ":5: rule 'ci.a' failed evaluating 'env.substring(10) == \"prod\"': "
                        + "StringIndexOutOfBoundsException: begin 10, end 4, length 4; write the condition so that it "
                        + "cannot throw (test what it needs first)");
    }
}

package dev.governor.adapters.gates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.governor.api.GateResult;
import dev.governor.api.GovernanceException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Gate result files as CI tools write them (shapes after Surefire, CodeQL/ESLint SARIF, Checkstyle). */
class GateFilesTest {
    static final String SHA = "3f2a9c1d0b7e4a5b6c7d8e9f0a1b2c3d4e5f6a7b";

    @TempDir
    Path dir;

    private GateResult read(String name, String gate, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return GateFiles.read(file, name, gate, SHA);
    }

    private void assertRefused(String name, String content, String message) {
        assertThatThrownBy(() -> read(name, "lint", content)).isInstanceOf(GovernanceException.class)
                .hasMessage(message);
    }

    @Test
    void a_junit_report_with_every_test_passing_passes() throws IOException {
        GateResult r = read("tests.xml", "typecheck", """
                <?xml version="1.0" encoding="UTF-8"?>
                <testsuites tests="3" failures="0" errors="0">
                  <testsuite name="LedgerTest" tests="3">
                    <testcase classname="shop.LedgerTest" name="adds" time="0.01"/>
                    <testcase classname="shop.LedgerTest" name="rounds"><system-out>ok</system-out></testcase>
                    <testcase classname="shop.LedgerTest" name="later"><skipped/></testcase>
                  </testsuite>
                </testsuites>
                """);

        assertThat(r).isEqualTo(new GateResult("typecheck", SHA, true, null, "tests.xml",
                "JUnit: 3 tests, 0 failures, 0 errors, 1 skipped"));
    }

    @Test
    void a_junit_report_with_a_failure_or_an_error_fails_and_names_the_first() throws IOException {
        GateResult r = read("tests.xml", "typecheck", """
                <testsuite name="LedgerTest" tests="3" failures="1" errors="1">
                  <testcase classname="shop.LedgerTest" name="adds"/>
                  <testcase classname="shop.LedgerTest" name="rounds"><failure message="expected 3">trace</failure></testcase>
                  <testcase classname="shop.LedgerTest" name="saves"><error type="IOException"/></testcase>
                </testsuite>
                """);

        assertThat(r.passed()).isFalse();
        assertThat(r.detail()).isEqualTo("JUnit: 3 tests, 1 failure, 1 error; first: shop.LedgerTest.rounds");
    }

    @Test
    void a_junit_report_that_ran_no_test_fails() throws IOException {
        GateResult r = read("tests.xml", "typecheck", "<testsuites/>");

        assertThat(r.passed()).isFalse();
        assertThat(r.detail()).isEqualTo("JUnit: no test case ran (an empty report verifies nothing)");
    }

    @Test
    void a_sarif_result_of_level_error_fails_the_gate() throws IOException {
        GateResult r = read("eslint.sarif", "lint", """
                {"version": "2.1.0", "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
                 "runs": [{"tool": {"driver": {"name": "ESLint", "rules": [{"id": "no-eval", "defaultConfiguration": {"level": "error"}}]}},
                   "results": [
                     {"ruleId": "no-unused-vars", "level": "warning", "message": {"text": "x is unused"}},
                     {"ruleId": "no-eval", "ruleIndex": 0, "message": {"text": "eval is evil"},
                      "locations": [{"physicalLocation": {"artifactLocation": {"uri": "src/a.js"}, "region": {"startLine": 12}}}]}
                   ]}]}
                """);

        assertThat(r.passed()).isFalse();
        assertThat(r.detail()).isEqualTo("SARIF (ESLint): 1 error, 1 warning; first: no-eval at src/a.js:12: eval is evil");
    }

    @Test
    void sarif_warnings_notes_and_suppressed_errors_pass() throws IOException {
        GateResult r = read("scan.sarif", "security-scan", """
                {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "CodeQL"}}, "results": [
                  {"ruleId": "js/a", "message": {"text": "a"}},
                  {"ruleId": "js/b", "level": "note", "message": {"text": "b"}},
                  {"ruleId": "js/c", "level": "error", "suppressions": [{"kind": "inSource"}], "message": {"text": "c"}},
                  {"ruleId": "js/d", "level": "error", "kind": "pass", "message": {"text": "d"}}
                ]}]}
                """);

        assertThat(r).isEqualTo(new GateResult("security-scan", SHA, true, null, "scan.sarif",
                "SARIF (CodeQL): 0 errors, 1 warning, 1 note"));
    }

    @Test
    void a_sarif_log_whose_tool_failed_to_run_fails_the_gate_though_it_lists_no_error() throws IOException {
        GateResult crashed = read("scan.sarif", "security-scan", """
                {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "CodeScanner"}},
                  "invocations": [{"executionSuccessful": false,
                    "toolExecutionNotifications": [{"level": "error", "message": {"text": "Out of memory."}}]}]}]}
                """);
        GateResult noRun = read("none.sarif", "security-scan", "{\"version\": \"2.1.0\", \"runs\": null}");
        GateResult emptyRuns = read("empty.sarif", "security-scan", "{\"version\": \"2.1.0\", \"runs\": []}");
        GateResult noted = read("noted.sarif", "security-scan", """
                {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "CodeScanner"}},
                  "invocations": [{"executionSuccessful": true,
                    "toolConfigurationNotifications": [{"message": {"text": "rule X is deprecated"}}]}]}]}
                """);

        assertThat(crashed.passed()).isFalse();
        assertThat(crashed.detail()).isEqualTo("SARIF (CodeScanner): CodeScanner did not complete its run (Out of memory.):"
                + " it verified nothing");
        assertThat(noRun.detail()).isEqualTo("SARIF: no run (runs is null): the tool did not run, so it verified nothing");
        assertThat(noRun.passed()).isFalse();
        assertThat(emptyRuns.passed()).isFalse();
        assertThat(noted.passed()).isTrue(); // a notification is a warning unless it says error
    }

    @Test
    void a_sarif_log_of_another_version_is_refused_at_its_line() {
        assertRefused("old.sarif", "{\n\"version\": \"1.0.0\", \"runs\": []}",
                "old.sarif:2: SARIF version '1.0.0' is not supported: give a SARIF 2.1.0 log (most tools write it by default)");
    }

    @Test
    void a_checkstyle_error_fails_the_gate_and_warnings_do_not() throws IOException {
        String report = """
                <?xml version="1.0"?>
                <checkstyle version="10.12">
                  <file name="src/Ledger.java">
                    <error line="7" column="3" severity="warning" message="Line is longer than 120" source="LineLength"/>
                    <error line="9" severity="error" message="Missing javadoc" source="JavadocMethod"/>
                  </file>
                  <file name="src/Cart.java"/>
                </checkstyle>
                """;
        GateResult failing = read("checkstyle.xml", "lint", report);
        GateResult passing = read("warnings.xml", "lint", report.replace("severity=\"error\"", "severity=\"info\""));

        assertThat(failing.passed()).isFalse();
        assertThat(failing.detail()).isEqualTo("Checkstyle: 2 files, 1 error, 1 warning; first: src/Ledger.java:9 Missing javadoc");
        assertThat(passing.passed()).isTrue();
        assertThat(passing.detail()).isEqualTo("Checkstyle: 2 files, 0 errors, 1 warning, 1 info");
    }

    @Test
    void the_json_form_says_pass_or_fail_for_its_gate_and_sha() throws IOException {
        GateResult pass = read("scan.json", "security-scan",
                "{\"gate\": \"security-scan\", \"sha\": \"3f2a9c1d0b7e\", \"status\": \"pass\", \"url\": \"https://ci/1\"}");
        GateResult fail = read("scan.yml", "security-scan", "gate: security-scan\nsha: " + SHA + "\nstatus: fail\n");

        assertThat(pass).isEqualTo(new GateResult("security-scan", SHA, true, "https://ci/1", "scan.json", "status: pass"));
        assertThat(fail.passed()).isFalse();
    }

    @Test
    void a_json_result_for_another_sha_or_gate_is_refused() {
        assertRefused("lint.json", "{\"gate\": \"lint\",\n \"sha\": \"0000000\", \"status\": \"pass\"}",
                "lint.json:2: this result is for 0000000, not for " + SHA + " being signed off: give the result of this SHA");
        assertRefused("lint.json", "{\"gate\": \"tests\", \"sha\": \"3f2a9c1\", \"status\": \"pass\"}",
                "lint.json:1: this is the result of gate 'tests', given as gate 'lint': give it as tests=FILE, or fix 'gate'");
    }

    @Test
    void a_doctype_is_refused_so_no_external_entity_is_ever_read() throws IOException {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "token");
        assertRefused("junit.xml", """
                <?xml version="1.0"?>
                <!DOCTYPE testsuite [<!ENTITY xxe SYSTEM "%s">]>
                <testsuite><testcase name="&xxe;"/></testsuite>
                """.formatted(secret.toUri()),
                "junit.xml:2: a DOCTYPE is not accepted in a gate result (DTDs and entities are off, so that no file can"
                        + " make Governor read another or expand without bound): remove the DOCTYPE line");
    }

    @Test
    void malformed_xml_is_refused_with_its_line() {
        assertThatThrownBy(() -> read("junit.xml", "lint", "<testsuite>\n<testcase name=\"a\">\n</testsuite>"))
                .isInstanceOf(GovernanceException.class)
                .hasMessageStartingWith("junit.xml:3: not well-formed XML: ");
    }

    @Test
    void an_xml_file_of_another_kind_is_refused() {
        assertRefused("report.xml", "<coverage line-rate=\"1\"/>", "report.xml:1: root element <coverage> is neither"
                + " JUnit XML (<testsuites> or <testsuite>) nor Checkstyle XML (<checkstyle>): give one of those, or"
                + " Governor's {gate, sha, status} form as .json");
    }

    @Test
    void a_file_of_no_known_kind_or_missing_is_refused() {
        assertRefused("lint.txt", "ok", "lint.txt: cannot tell what kind of gate result this is: name it .xml (JUnit or"
                + " Checkstyle), .sarif (SARIF 2.1.0), or .json/.yml (Governor's {gate, sha, status} form)");
        assertThatThrownBy(() -> GateFiles.read(dir.resolve("none.xml"), "none.xml", "lint", SHA))
                .hasMessage("none.xml: gate result file not found: give the file your CI wrote for gate 'lint'");
    }

    @Test
    void the_gates_directory_of_a_sha_gives_each_file_as_the_gate_it_is_named_after() throws IOException {
        Path gates = Files.createDirectories(dir.resolve(".gov/gates/3f2a9c1d0b7e"));
        Files.writeString(gates.resolve("lint.json"), "{\"gate\": \"lint\", \"sha\": \"3f2a9c1\", \"status\": \"pass\"}");
        Files.writeString(gates.resolve("typecheck.junit.xml"), "<testsuite><testcase name=\"t\"/></testsuite>");
        Files.writeString(gates.resolve(".DS_Store"), "junk");
        Files.createDirectories(dir.resolve(".gov/gates/0000000000"));
        Files.writeString(dir.resolve(".gov/gates/0000000000/lint.json"), "not read");

        List<GateResult> found = GateFiles.forSha(dir, SHA);

        assertThat(found).extracting(GateResult::gate, GateResult::passed, GateResult::source).containsExactly(
                org.assertj.core.groups.Tuple.tuple("lint", true, ".gov/gates/3f2a9c1d0b7e/lint.json"),
                org.assertj.core.groups.Tuple.tuple("typecheck", true, ".gov/gates/3f2a9c1d0b7e/typecheck.junit.xml"));
    }
}

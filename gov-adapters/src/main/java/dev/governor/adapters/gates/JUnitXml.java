package dev.governor.adapters.gates;

import dev.governor.api.GateResult;
import javax.xml.stream.XMLStreamReader;

/**
 * JUnit XML as Surefire, Gradle, pytest, Jest and others write it: {@code <testsuites>} or {@code <testsuite>}
 * with {@code <testcase>}s holding {@code <failure>}, {@code <error>} or {@code <skipped>}. It fails on any
 * failure or error: a failing element, or a suite whose {@code failures}/{@code errors} counts say so (some
 * tools write only the counts). A report with no test case fails too: a gate that ran nothing verified nothing.
 */
final class JUnitXml implements SafeXml.Report {
    private int tests;
    private int failures;
    private int errors;
    private int skipped;
    private int declaredFailures;
    private int declaredErrors;
    private int declaredTests;
    private String currentCase;
    private String firstFailing;
    private boolean caseFailed;

    @Override
    public void start(XMLStreamReader xml, int depth) {
        switch (xml.getLocalName()) {
            case "testsuite", "testsuites" -> {
                declaredFailures = Math.max(declaredFailures, SafeXml.count(xml, "failures"));
                declaredErrors = Math.max(declaredErrors, SafeXml.count(xml, "errors"));
                declaredTests = Math.max(declaredTests, SafeXml.count(xml, "tests"));
            }
            case "testcase" -> {
                tests++;
                String cls = xml.getAttributeValue(null, "classname");
                String name = xml.getAttributeValue(null, "name");
                currentCase = (cls == null || cls.isBlank() ? "" : cls + ".") + (name == null ? "?" : name);
                caseFailed = false;
            }
            case "failure" -> failed(true);
            case "error" -> failed(false);
            case "skipped" -> skipped++;
            default -> {
                // properties, system-out … carry no verdict
            }
        }
    }

    private void failed(boolean failure) {
        if (caseFailed) {
            return; // a case with both a failure and an error (rerun reports) counts once
        }
        caseFailed = currentCase != null;
        if (failure) {
            failures++;
        } else {
            errors++;
        }
        if (firstFailing == null) {
            firstFailing = currentCase != null ? currentCase : "a suite-level " + (failure ? "failure" : "error");
        }
    }

    @Override
    public void end(XMLStreamReader xml, int depth) {
        if ("testcase".equals(xml.getLocalName())) {
            currentCase = null;
        }
    }

    @Override
    public GateResult result(String displayName, String gate, String sha) {
        if (tests == 0 && declaredTests == 0) {
            return new GateResult(gate, sha, false, null, displayName,
                    "JUnit: no test case ran (an empty report verifies nothing)");
        }
        int f = Math.max(failures, declaredFailures);
        int e = Math.max(errors, declaredErrors);
        int n = Math.max(tests, declaredTests);
        String detail = "JUnit: " + GateFiles.count(n, "test") + ", " + GateFiles.count(f, "failure") + ", "
                + GateFiles.count(e, "error") + (skipped > 0 ? ", " + skipped + " skipped" : "")
                + (firstFailing != null ? "; first: " + GateFiles.oneLine(firstFailing) : "");
        return new GateResult(gate, sha, f + e == 0, null, displayName, detail);
    }
}

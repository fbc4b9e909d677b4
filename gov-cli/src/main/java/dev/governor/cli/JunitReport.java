package dev.governor.cli;

import dev.governor.Report;
import dev.governor.RuleInfo;
import dev.governor.api.Finding;
import dev.governor.api.Layer;
import dev.governor.api.Ref;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * {@code gov check --format junit}: JUnit XML as CI servers read test reports (the Ant/Surefire shape:
 * {@code testsuites > testsuite > testcase > failure}). One test suite per layer, one test case per loaded
 * rule, and one {@code failure} per finding, whose {@code type} is the severity (a reader that fails only on
 * blocking ones filters on it). A rule turned off, or of a layer not in force, is a skipped test case; a rule
 * without findings passes.
 *
 * <pre>{@code
 * <testsuites name="governor" tests="12" failures="1" errors="0" skipped="0">
 *   <testsuite name="intent" tests="5" failures="1" errors="0" skipped="0" timestamp="2026-11-26T12:00:00Z">
 *     <testcase name="intent.tactical-hotspot" classname="governor.intent">
 *       <failure type="blocking" message="src/pay/Ledger.java: 3 tactical fixes within 7d …">…</failure>
 * }</pre>
 */
final class JunitReport {
    private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();

    private JunitReport() {
    }

    static String render(Report report, RuleCatalog rules) {
        StringWriter out = new StringWriter();
        try {
            write(report, rules, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** One rule's test case: its findings, and why it was skipped, if it was. */
    private record Case(RuleInfo rule, List<Finding> findings, String skipped) {
    }

    /** Writes the report to {@code out} (not flushed, not closed). */
    static void write(Report report, RuleCatalog rules, Writer out) throws IOException {
        Map<String, List<Finding>> byRule = new LinkedHashMap<>();
        for (Finding f : report.findings()) {
            byRule.computeIfAbsent(f.ruleId(), id -> new ArrayList<>()).add(f);
        }
        Map<Layer, List<Case>> suites = new EnumMap<>(Layer.class);
        for (RuleInfo rule : rules.all()) {
            List<Finding> findings = byRule.getOrDefault(rule.id(), List.of());
            String skipped = !findings.isEmpty() ? null
                    : rule.layer() != Layer.CUSTOM && !report.layers().contains(rule.layer())
                            ? "layer " + rule.layer().id() + " is not in force (layers: in governance.yml)"
                    : !rule.enabled() ? "turned off in governance.yml"
                    : null;
            suites.computeIfAbsent(rule.layer(), l -> new ArrayList<>()).add(new Case(rule, findings, skipped));
        }
        String timestamp = TextReport.instant(report.evaluatedAt());
        try {
            XMLStreamWriter xml = XML.createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuites");
            xml.writeAttribute("name", "governor");
            counts(xml, suites.values().stream().flatMap(List::stream).toList());
            xml.writeCharacters("\n");
            for (Map.Entry<Layer, List<Case>> suite : suites.entrySet()) {
                xml.writeCharacters("  ");
                xml.writeStartElement("testsuite");
                xml.writeAttribute("name", suite.getKey().id());
                counts(xml, suite.getValue());
                xml.writeAttribute("time", "0");
                xml.writeAttribute("timestamp", timestamp);
                xml.writeCharacters("\n");
                for (Case c : suite.getValue()) {
                    writeCase(xml, c);
                }
                xml.writeCharacters("  ");
                xml.writeEndElement();
                xml.writeCharacters("\n");
            }
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.flush();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write the JUnit report: " + e.getMessage(), e);
        }
    }

    private static void counts(XMLStreamWriter xml, List<Case> cases) throws XMLStreamException {
        long failures = cases.stream().filter(c -> !c.findings().isEmpty()).count();
        long skipped = cases.stream().filter(c -> c.skipped() != null).count();
        xml.writeAttribute("tests", String.valueOf(cases.size()));
        xml.writeAttribute("failures", String.valueOf(failures));
        xml.writeAttribute("errors", "0");
        xml.writeAttribute("skipped", String.valueOf(skipped));
    }

    private static void writeCase(XMLStreamWriter xml, Case c) throws XMLStreamException {
        xml.writeCharacters("    ");
        boolean empty = c.findings().isEmpty() && c.skipped() == null;
        if (empty) {
            xml.writeEmptyElement("testcase");
        } else {
            xml.writeStartElement("testcase");
        }
        xml.writeAttribute("name", c.rule().id());
        xml.writeAttribute("classname", "governor." + c.rule().layer().id());
        xml.writeAttribute("time", "0");
        if (empty) {
            xml.writeCharacters("\n");
            return;
        }
        xml.writeCharacters("\n");
        if (c.skipped() != null) {
            xml.writeCharacters("      ");
            xml.writeEmptyElement("skipped");
            xml.writeAttribute("message", c.skipped());
            xml.writeCharacters("\n");
        }
        for (Finding f : c.findings()) {
            xml.writeCharacters("      ");
            xml.writeStartElement("failure");
            xml.writeAttribute("type", f.severity().id());
            xml.writeAttribute("message", xmlSafe(TextReport.subject(f.subject()) + ": " + TextReport.oneLine(f.message())));
            xml.writeCharacters(xmlSafe(detail(f)));
            xml.writeEndElement();
            xml.writeCharacters("\n");
        }
        xml.writeCharacters("    ");
        xml.writeEndElement();
        xml.writeCharacters("\n");
    }

    /** The failure's text: the message, the evidence, the change and the fingerprint, one a line. */
    private static String detail(Finding f) {
        StringBuilder s = new StringBuilder(f.message());
        for (Ref ref : f.evidence()) {
            s.append("\nevidence: ").append(TextReport.ref(ref));
        }
        if (f.change() != null) {
            s.append("\nchange: ").append(f.change());
        }
        if (f.at() != null) {
            s.append("\nat: ").append(TextReport.instant(f.at()));
        }
        s.append("\nfingerprint: ").append(f.fingerprint());
        return s.toString();
    }

    /** XML 1.0 cannot hold most control characters, even escaped: a message with one must still make a valid file. */
    static String xmlSafe(String text) {
        StringBuilder s = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean ok = c == '\t' || c == '\n' || c == '\r' || c >= 0x20 && c <= 0xD7FF
                    || c >= 0xE000 && c <= 0xFFFD || Character.isSurrogate(c);
            if (!ok && s == null) {
                s = new StringBuilder(text.substring(0, i));
            }
            if (s != null) {
                s.append(ok ? c : '\uFFFD');
            }
        }
        return s == null ? text : s.toString();
    }
}

package dev.governor.adapters.gates;

import dev.governor.api.GateResult;
import dev.governor.api.GovernanceException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads a JUnit or Checkstyle XML report as a stream, with DTDs and external entities off: a file with a
 * {@code DOCTYPE} is refused at its line, so no entity can read a file or the network, and no entity can
 * multiply itself. The root element tells the kind.
 */
final class SafeXml {
    private static final XMLInputFactory FACTORY = factory();

    /** What a report's elements are turned into, one element at a time. */
    interface Report {
        void start(XMLStreamReader xml, int depth);

        void end(XMLStreamReader xml, int depth);

        GateResult result(String displayName, String gate, String sha);
    }

    private SafeXml() {
    }

    private static XMLInputFactory factory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        return f;
    }

    static GateResult read(Path file, String displayName, String gate, String sha) {
        try (InputStream in = Files.newInputStream(file)) {
            XMLStreamReader xml = FACTORY.createXMLStreamReader(in);
            try {
                return read(xml, displayName, gate, sha);
            } finally {
                xml.close();
            }
        } catch (XMLStreamException e) {
            throw malformed(displayName, e);
        } catch (IOException e) {
            throw new GovernanceException(displayName, 0, "cannot read gate result: " + e.getMessage(), e);
        }
    }

    private static GateResult read(XMLStreamReader xml, String displayName, String gate, String sha)
            throws XMLStreamException {
        Report report = null;
        int depth = 0;
        while (xml.hasNext()) {
            int event = xml.next();
            switch (event) {
                case XMLStreamConstants.DTD -> throw new GovernanceException(displayName, line(xml),
                        "a DOCTYPE is not accepted in a gate result (DTDs and entities are off, so that no file can"
                                + " make Governor read another or expand without bound): remove the DOCTYPE line");
                case XMLStreamConstants.ENTITY_REFERENCE -> throw new GovernanceException(displayName, line(xml),
                        "entity '&" + xml.getLocalName() + ";' is not accepted in a gate result: write the text itself");
                case XMLStreamConstants.START_ELEMENT -> {
                    depth++;
                    if (report == null) {
                        report = kind(xml, displayName);
                    }
                    report.start(xml, depth);
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    report.end(xml, depth);
                    depth--;
                }
                default -> {
                    // text, comments and processing instructions say nothing about the verdict
                }
            }
        }
        if (report == null) {
            throw new GovernanceException(displayName, 0, "the XML file has no root element: give the report your"
                    + " CI wrote (JUnit XML or Checkstyle XML)");
        }
        return report.result(displayName, gate, sha);
    }

    private static Report kind(XMLStreamReader xml, String displayName) {
        String root = xml.getLocalName();
        return switch (root) {
            case "testsuites", "testsuite" -> new JUnitXml();
            case "checkstyle" -> new CheckstyleXml();
            default -> throw new GovernanceException(displayName, line(xml), "root element <" + root + "> is neither"
                    + " JUnit XML (<testsuites> or <testsuite>) nor Checkstyle XML (<checkstyle>): give one of those,"
                    + " or Governor's {gate, sha, status} form as .json");
        };
    }

    private static GovernanceException malformed(String displayName, XMLStreamException e) {
        Location at = e.getLocation();
        String message = e.getMessage() == null ? "malformed XML" : e.getMessage();
        // the JDK's messages begin with "ParseError at [row,col]:[3,7]\nMessage: …": keep the message
        int cut = message.indexOf("Message: ");
        String text = cut >= 0 ? message.substring(cut + "Message: ".length()) : message;
        return new GovernanceException(displayName, at == null ? 0 : Math.max(0, at.getLineNumber()),
                "not well-formed XML: " + GateFiles.oneLine(text) + "; give the report your CI wrote", e);
    }

    static int line(XMLStreamReader xml) {
        Location at = xml.getLocation();
        return at == null ? 0 : Math.max(0, at.getLineNumber());
    }

    /** An attribute's value as a count, or 0 when absent or not a whole number. */
    static int count(XMLStreamReader xml, String attribute) {
        String value = xml.getAttributeValue(null, attribute);
        if (value == null) {
            return 0;
        }
        try {
            return (int) Math.max(0, Math.round(Double.parseDouble(value.strip())));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}

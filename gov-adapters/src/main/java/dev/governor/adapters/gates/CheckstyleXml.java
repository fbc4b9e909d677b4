package dev.governor.adapters.gates;

import dev.governor.api.GateResult;
import javax.xml.stream.XMLStreamReader;

/**
 * Checkstyle XML as Checkstyle, ESLint ({@code -f checkstyle}), ktlint and others write it:
 * {@code <checkstyle><file name><error line severity message source/></file></checkstyle>}. It fails on any
 * {@code error} of severity {@code error}; an {@code error} element without a severity counts as one, since
 * Checkstyle's own default severity is error.
 */
final class CheckstyleXml implements SafeXml.Report {
    private int files;
    private int errors;
    private int warnings;
    private int other;
    private String file;
    private String firstError;

    @Override
    public void start(XMLStreamReader xml, int depth) {
        switch (xml.getLocalName()) {
            case "file" -> {
                files++;
                file = xml.getAttributeValue(null, "name");
            }
            case "error" -> {
                String severity = xml.getAttributeValue(null, "severity");
                if (severity == null || severity.isBlank() || "error".equalsIgnoreCase(severity.strip())) {
                    errors++;
                    if (firstError == null) {
                        String line = xml.getAttributeValue(null, "line");
                        String message = xml.getAttributeValue(null, "message");
                        firstError = (file == null ? "?" : file) + (line == null ? "" : ":" + line)
                                + (message == null ? "" : " " + message);
                    }
                } else if ("warning".equalsIgnoreCase(severity.strip())) {
                    warnings++;
                } else {
                    other++;
                }
            }
            default -> {
                // the root element carries only the tool's version
            }
        }
    }

    @Override
    public void end(XMLStreamReader xml, int depth) {
        if ("file".equals(xml.getLocalName())) {
            file = null;
        }
    }

    @Override
    public GateResult result(String displayName, String gate, String sha) {
        String detail = "Checkstyle: " + GateFiles.count(files, "file") + ", " + GateFiles.count(errors, "error")
                + ", " + GateFiles.count(warnings, "warning") + (other > 0 ? ", " + other + " info" : "")
                + (firstError != null ? "; first: " + GateFiles.oneLine(firstError) : "");
        return new GateResult(gate, sha, errors == 0, null, displayName, detail);
    }
}

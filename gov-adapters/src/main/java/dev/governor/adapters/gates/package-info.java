/**
 * Gate results (formats.md, "Deployments, incidents, gate results"): JUnit XML, SARIF 2.1.0, Checkstyle XML
 * and Governor's own JSON (or YAML) form, read from {@code gov sign-off --gate NAME=FILE} or
 * {@code .gov/gates/<sha>/NAME.<ext>} into {@link dev.governor.api.GateResult} facts. XML is read with
 * DTDs and external entities off; JSON and YAML through gov-input. {@link dev.governor.adapters.gates.GateFiles}
 * is the entry point; everything else here is package-private.
 */
package dev.governor.adapters.gates;

package dev.governor.adapters.gates;

import dev.governor.api.GateResult;
import dev.governor.input.ListNode;
import dev.governor.input.MapNode;
import dev.governor.input.Node;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * SARIF 2.1.0 (CodeQL, Semgrep, ESLint, Trivy …): fails on any result of level {@code error}. A result's
 * level is its own {@code level}, else its rule's {@code defaultConfiguration.level}, else {@code warning}
 * (SARIF 2.1.0 §3.27.10); a result whose {@code kind} is not {@code fail} has level {@code none}. Suppressed
 * results (a {@code suppressions} entry that is not under review or rejected) do not count, as code scanning
 * tools do not show them. A log that shows the tool did not do its work fails too, whatever its results: no
 * run at all ({@code "runs": null} or {@code []}, §3.13.4), an invocation with {@code executionSuccessful: false},
 * or a tool execution or configuration notification of level {@code error} (§3.20): a scanner that ran out of
 * memory found nothing, and that must not read as "no error".
 */
final class Sarif {

    private Sarif() {
    }

    static GateResult read(Node root, String displayName, String gate, String sha) {
        MapNode log = root.asMap();
        Node version = log.require("version");
        if (!"2.1.0".equals(version.asString())) {
            throw version.error("SARIF version '" + version.asString() + "' is not supported: give a SARIF 2.1.0 log"
                    + " (most tools write it by default)");
        }
        int errors = 0;
        int warnings = 0;
        int notes = 0;
        String tools = null;
        String first = null;
        String broken = null;
        Node runs = log.opt("runs");
        if (runs == null || runs.asList().size() == 0) {
            return new GateResult(gate, sha, false, null, displayName, "SARIF: no run (runs is "
                    + (runs == null ? "null" : "empty") + "): the tool did not run, so it verified nothing");
        }
        for (Node runNode : runs.asList().items()) {
            MapNode run = runNode.asMap();
            MapNode driver = run.require("tool").asMap().require("driver").asMap();
            String tool = driver.require("name").asString();
            tools = tools == null ? tool : tools.contains(tool) ? tools : tools + ", " + tool;
            if (broken == null) {
                broken = failedInvocation(run, tool);
            }
            Defaults defaults = Defaults.of(driver.opt("rules"));
            Node results = run.opt("results");
            if (results == null) {
                continue;
            }
            for (Node resultNode : results.asList().items()) {
                MapNode result = resultNode.asMap();
                if (suppressed(result)) {
                    continue;
                }
                switch (level(result, defaults)) {
                    case "error" -> {
                        errors++;
                        if (first == null) {
                            first = describe(result);
                        }
                    }
                    case "warning" -> warnings++;
                    case "note" -> notes++;
                    default -> {
                        // none: informational, passes
                    }
                }
            }
        }
        if (broken != null) {
            return new GateResult(gate, sha, false, null, displayName, "SARIF (" + tools + "): " + broken);
        }
        String detail = "SARIF" + (tools == null ? "" : " (" + tools + ")") + ": " + GateFiles.count(errors, "error")
                + ", " + GateFiles.count(warnings, "warning") + (notes > 0 ? ", " + GateFiles.count(notes, "note") : "")
                + (first != null ? "; first: " + GateFiles.oneLine(first) : "");
        return new GateResult(gate, sha, errors == 0, null, displayName, detail);
    }

    /** The default levels of a driver's rules, by index and by id. */
    private record Defaults(List<String> byIndex, Map<String, String> byId) {
        static Defaults of(Node rules) {
            if (rules == null) {
                return new Defaults(List.of(), Map.of());
            }
            ListNode list = rules.asList();
            String[] levels = new String[list.size()];
            Map<String, String> byId = new HashMap<>();
            for (int i = 0; i < list.size(); i++) {
                MapNode rule = list.items().get(i).asMap();
                MapNode config = rule.opt("defaultConfiguration") == null ? null : rule.opt("defaultConfiguration").asMap();
                Node level = config == null ? null : config.opt("level");
                levels[i] = level == null ? null : level.asString();
                Node id = rule.opt("id");
                if (id != null && levels[i] != null) {
                    byId.put(id.asString(), levels[i]);
                }
            }
            return new Defaults(java.util.Arrays.asList(levels), byId);
        }

        String level(MapNode result) {
            Node index = result.opt("ruleIndex");
            if (index != null) {
                int i = index.asInt(0, Integer.MAX_VALUE);
                if (i < byIndex.size() && byIndex.get(i) != null) {
                    return byIndex.get(i);
                }
            }
            Node id = result.opt("ruleId");
            return id == null ? null : byId.get(id.asString());
        }
    }

    private static String level(MapNode result, Defaults defaults) {
        Node kind = result.opt("kind");
        if (kind != null && !"fail".equals(kind.asString())) {
            return "none";
        }
        Node level = result.opt("level");
        if (level != null) {
            String value = level.asString();
            if (!List.of("error", "warning", "note", "none").contains(value)) {
                throw level.error("SARIF level '" + value + "' is none of error, warning, note, none: fix the log");
            }
            return value;
        }
        String byRule = defaults.level(result);
        return byRule != null ? byRule : "warning";
    }

    /** Why a run shows its tool did not do its work, or {@code null}: a failed invocation or an error notification. */
    private static String failedInvocation(MapNode run, String tool) {
        Node invocations = run.opt("invocations");
        if (invocations == null) {
            return null;
        }
        for (Node node : invocations.asList().items()) {
            MapNode invocation = node.asMap();
            String said = null;
            for (String key : List.of("toolExecutionNotifications", "toolConfigurationNotifications")) {
                Node notifications = invocation.opt(key);
                for (Node n : notifications == null ? List.<Node>of() : notifications.asList().items()) {
                    MapNode notification = n.asMap();
                    Node level = notification.opt("level");
                    MapNode message = optMap(notification, "message");
                    Node text = message == null ? null : message.opt("text");
                    if (said == null && level != null && "error".equals(level.asString())) { // default: warning (§3.58.6)
                        said = text == null ? "an error notification" : text.asString();
                    }
                }
            }
            Node success = invocation.opt("executionSuccessful");
            boolean failed = success != null && !success.asBoolean();
            if (failed || said != null) {
                return tool + " did not complete its run" + (said == null ? "" : " (" + GateFiles.oneLine(said) + ")")
                        + ": it verified nothing";
            }
        }
        return null;
    }

    private static boolean suppressed(MapNode result) {
        Node suppressions = result.opt("suppressions");
        if (suppressions == null || suppressions.asList().size() == 0) {
            return false;
        }
        for (Node s : suppressions.asList().items()) {
            Node status = s.asMap().opt("status");
            if (status != null && !"accepted".equals(status.asString())) {
                return false; // under review or rejected: the result still stands
            }
        }
        return true;
    }

    /** {@code js/xss at src/a.js:12: message}. */
    private static String describe(MapNode result) {
        StringBuilder out = new StringBuilder();
        Node rule = result.opt("ruleId");
        out.append(rule == null ? "a result" : rule.asString());
        Node locations = result.opt("locations");
        if (locations != null && locations.asList().size() > 0) {
            MapNode physical = optMap(locations.asList().items().get(0).asMap(), "physicalLocation");
            MapNode artifact = physical == null ? null : optMap(physical, "artifactLocation");
            Node uri = artifact == null ? null : artifact.opt("uri");
            if (uri != null) {
                out.append(" at ").append(uri.asString());
                MapNode region = optMap(physical, "region");
                Node line = region == null ? null : region.opt("startLine");
                if (line != null) {
                    out.append(':').append(line.asString());
                }
            }
        }
        MapNode message = optMap(result, "message");
        Node text = message == null ? null : message.opt("text");
        if (text != null) {
            out.append(": ").append(text.asString());
        }
        return out.toString();
    }

    private static MapNode optMap(MapNode map, String key) {
        Node node = map.opt(key);
        return node == null ? null : node.asMap();
    }
}

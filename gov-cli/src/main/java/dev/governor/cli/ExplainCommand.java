package dev.governor.cli;

import dev.governor.Governor;
import dev.governor.RuleInfo;
import dev.governor.input.Suggestions;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code gov explain RULE_ID}: what a rule checks, its layer and severity, its thresholds, an example. */
@Command(name = "explain", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        footerHeading = "%nExamples:%n",
        footer = {
            "  gov explain intent.tactical-hotspot",
            "  gov explain ci.no-friday-deploys --rules governance/rules"},
        description = "Explain what a rule checks, its thresholds under the policy in force, and an example.")
final class ExplainCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private RepoOption repo;

    @Mixin
    private RulesOption rules;

    @Parameters(index = "0", paramLabel = "RULE_ID", description = "A rule id such as intent.tactical-hotspot.")
    private String ruleId;

    @Override
    public Integer call() {
        Governor.Builder builder = Governor.builder().repository(repo.repository());
        rules.addTo(builder);
        List<RuleInfo> loaded = builder.build().rules();
        RuleInfo rule = loaded.stream().filter(r -> r.id().equals(ruleId)).findFirst()
                .orElseThrow(() -> new ParameterException(spec.commandLine(), unknown(ruleId, loaded)));
        Output.write(render(rule), null, spec.commandLine().getOut());
        return Main.ExitCodes.OK;
    }

    static String unknown(String id, List<RuleInfo> loaded) {
        Optional<String> near = Optional.ofNullable(Suggestions.closest(id,
                loaded.stream().map(RuleInfo::id).sorted().toList(), Math.max(3, id.length() / 3)));
        return "unknown rule '" + id + "'" + near.map(n -> " (did you mean '" + n + "'?)").orElse("")
                + "; 'gov rules' lists the loaded rules";
    }

    static String render(RuleInfo rule) {
        StringBuilder out = new StringBuilder();
        out.append(rule.id()).append('\n');
        out.append("  layer:     ").append(rule.layer().id()).append('\n');
        out.append("  severity:  ").append(rule.severity() == null ? "-" : rule.severity().id())
                .append(rule.enabled() ? "" : " (disabled by the policy)").append('\n');
        out.append("  source:    ").append(rule.source()).append('\n');
        out.append('\n');
        out.append(rule.description() == null || rule.description().isBlank()
                ? "(no description: add @description(\"...\") to the rule)" : rule.description().strip()).append('\n');
        if (!rule.thresholds().isEmpty()) {
            out.append('\n').append("Thresholds:").append('\n');
            for (String t : rule.thresholds()) {
                out.append("  ").append(t).append('\n');
            }
        }
        if (rule.example() != null && !rule.example().isBlank()) {
            out.append('\n').append("Example:").append('\n');
            for (String line : rule.example().strip().split("\n", -1)) {
                out.append(line.isBlank() ? "" : "  " + line.stripTrailing()).append('\n');
            }
        }
        return out.toString();
    }
}

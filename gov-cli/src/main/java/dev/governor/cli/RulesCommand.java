package dev.governor.cli;

import dev.governor.Governor;
import dev.governor.RuleInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code gov rules}: the loaded rules, built-in and custom, with layer and severity under the policy. */
@Command(name = "rules", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        footerHeading = "%nExamples:%n",
        footer = {
            "  gov rules                        the built-in rules and the repository's own",
            "  gov rules --rules governance/rules"},
        description = "List the loaded rules with layer, severity, whether enabled, and where they come from.")
final class RulesCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private RepoOption repo;

    @Mixin
    private RulesOption rules;

    @Override
    public Integer call() {
        Governor.Builder builder = Governor.builder().repository(repo.repository());
        rules.addTo(builder);
        List<RuleInfo> loaded = builder.build().rules().stream()
                .sorted(Comparator.comparing(RuleInfo::layer).thenComparing(RuleInfo::id))
                .toList();
        Output.write(table(loaded), null, spec.commandLine().getOut());
        return Main.ExitCodes.OK;
    }

    static String table(List<RuleInfo> rules) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"RULE", "LAYER", "SEVERITY", "ENABLED", "SOURCE"});
        for (RuleInfo r : rules) {
            rows.add(new String[] {r.id(), r.layer().id(), r.severity() == null ? "-" : r.severity().id(),
                    r.enabled() ? "yes" : "no", r.source()});
        }
        int[] widths = new int[5];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                line.append(row[i]);
                if (i < row.length - 1) {
                    line.append(" ".repeat(widths[i] - row[i].length() + 2));
                }
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        out.append(rules.size()).append(rules.size() == 1 ? " rule" : " rules").append('\n');
        return out.toString();
    }
}

package dev.governor.cli;

import dev.governor.Governor;
import dev.governor.Report;
import dev.governor.api.Finding;
import dev.governor.api.GovernanceException;
import dev.governor.api.Layer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code gov demo [DIR]}: builds a sample repository whose history trips every layer, checks it and says what
 * the findings show. The history is an ordinary git history (commits with trailers, records under
 * {@code .gov/}, ADRs, a contract registry), written with fixed authors and times, so the repository, its
 * SHAs and the report are the same on every run; unless {@code GOV_NOW} is set, the check runs at the demo's
 * own "now", {@link #NOW}.
 *
 * <p>What each layer is given to find: Intent, three tactical fixes to one file within a week (a hotspot that
 * locks it) and a fourth after the lock; Contract, a path removed from a registered OpenAPI spec declared
 * non-breaking, its version not bumped; Change, a service directory renamed without an ADR, and a change
 * without a rollback step; Release, a deployment never signed off whose lint gate failed; Learning, a change
 * failure rate that degrades two weeks running (a release blocker in week three). A layer whose rules are not
 * in this build yet finds nothing, and the explanation says so.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = "Build a sample repository whose history trips every layer, check it, and explain the"
                + " findings. Exits 1: the demo has blocking findings.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  gov demo                  builds ./governor-demo, then checks it",
            "  gov demo /tmp/demo        another directory (it must not exist, or be empty)",
            "  cd governor-demo && gov check --format markdown   the same findings, as a PR comment"})
final class DemoCommand implements Callable<Integer> {
    /** The demo's "now": the end of its fourth week, so that every finding is within the reported 90 days. */
    static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");
    static final String DEFAULT_DIR = "governor-demo";

    private static final PersonIdent ADA = new PersonIdent("Ada Lovelace", "ada@example.com");
    private static final PersonIdent GRACE = new PersonIdent("Grace Hopper", "grace@example.com");
    private static final String COMPLETE = "Intent: keep orders right\nBlast-Radius: the orders service\n"
            + "Verification: unit tests\nRollback: revert the commit\n";

    @ParentCommand
    private GovCommand gov;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR",
            description = "Where to build the sample repository (default: ./" + DEFAULT_DIR + "); it must not exist,"
                    + " or be empty.")
    private Path dir;

    @Override
    public Integer call() {
        Path root = (dir != null ? dir : Path.of(DEFAULT_DIR)).toAbsolutePath().normalize();
        build(root);
        Clock clock = gov.environment().variables().containsKey(CliEnvironment.GOV_NOW)
                ? gov.environment().clock() : Clock.fixed(NOW, ZoneOffset.UTC);
        Governor governor = Governor.builder().repository(root).clock(clock).build();
        Report report = governor.check();
        PrintWriter out = spec.commandLine().getOut();
        Path shown = dir != null ? dir : Path.of(DEFAULT_DIR);
        out.println("Built a sample repository in " + shown + " (" + report.factCounts().getOrDefault("changes", 0)
                + " changes) and checked it:");
        out.println();
        out.print(TextReport.render(report, new RuleCatalog(governor.rules(), report.findings()),
                TextReport.DEFAULT_PER_RULE));
        out.println();
        out.print(explain(report));
        out.println();
        out.println("Try: cd " + shown + " && gov check --format markdown (a PR comment), gov hotspots, gov explain"
                + " intent.tactical-hotspot.");
        out.flush();
        return report.passed() ? Main.ExitCodes.OK : Main.ExitCodes.BLOCKING;
    }

    /** What each layer was given to find, and whether it found it in this build. */
    static String explain(Report report) {
        Map<Layer, List<String>> rules = new EnumMap<>(Layer.class);
        for (Finding f : report.findings()) {
            List<String> ids = rules.computeIfAbsent(f.layer(), l -> new ArrayList<>());
            if (!ids.contains(f.ruleId())) {
                ids.add(f.ruleId());
            }
        }
        StringBuilder s = new StringBuilder("What it shows, layer by layer (the seed's five questions):\n");
        line(s, rules, Layer.INTENT, "Why are we changing this, and how risky is it?",
                "#2, #3 and #4 are tactical fixes to services/orders/src/Orders.java within a week: the file is"
                        + " locked until a strategic fix, and #5, one more tactical fix, is stopped.");
        line(s, rules, Layer.CONTRACT, "What do other systems depend on?",
                "#6 removes GET /orders/{id} from the registered orders-api spec, declares Contract-Change:"
                        + " non-breaking and keeps version 1.0.0: checkout and billing break.");
        line(s, rules, Layer.CHANGE, "What changed, and can someone roll it back?",
                "#7 renames the billing service to invoicing with no ADR; #8 names no rollback step.");
        line(s, rules, Layer.RELEASE, "Is this verified, or just merged?",
                "no deployment to prod was signed off, and the lint gate of #8 (deployed twice) failed.");
        line(s, rules, Layer.LEARNING, "Is the system getting better at recovering?",
                "the change failure rate rose two weeks running (0% in W45, 25% in W46, 50% in W47): a release"
                        + " blocker for W48.");
        return s.toString();
    }

    private static void line(StringBuilder s, Map<Layer, List<String>> rules, Layer layer, String question,
                             String scenario) {
        List<String> found = rules.getOrDefault(layer, List.of());
        s.append("  ").append(layer.id()).append(": ").append(question).append('\n')
                .append("    ").append(scenario).append('\n')
                .append("    ").append(found.isEmpty()
                        ? "found: nothing yet (this build has no " + layer.id() + " rules that fire on it)"
                        : "found: " + String.join(", ", found)).append('\n');
    }

    /** Writes the sample history into {@code root}, which must not exist or be empty. */
    static void build(Path root) {
        try {
            if (Files.exists(root)) {
                try (Stream<Path> entries = Files.list(root)) {
                    if (entries.findAny().isPresent()) {
                        throw new GovernanceException(root.toString(), 0, "not empty: gov demo builds its sample"
                                + " repository only in a new or empty directory; give another DIR");
                    }
                }
            }
            Files.createDirectories(root);
            try (Git git = Git.init().setDirectory(root.toFile()).setInitialBranch("main").call()) {
                new Script(git, root).run();
            }
        } catch (IOException | GitAPIException e) {
            throw new GovernanceException(root.toString(), 0, "cannot build the sample repository ("
                    + e.getClass().getSimpleName() + "): choose a writable directory");
        }
    }

    /** The sample history, commit by commit; {@code made} holds each commit's SHA and time, oldest first. */
    private record Script(Git git, Path root, List<Map.Entry<Instant, String>> made) {

        Script(Git git, Path root) {
            this(git, root, new ArrayList<>());
        }

        void run() throws IOException, GitAPIException {
            write("governance.yml", "# all five layers in force: the demo shows each\n"
                    + "layers: [release, contract, change, learning, intent]\n"
                    + "services: [\"services/*\"]\n");
            write("services/orders/pom.xml", "<project><artifactId>orders</artifactId></project>\n");
            write("services/orders/src/Orders.java", "class Orders { }\n");
            write("services/billing/pom.xml", "<project><artifactId>billing</artifactId></project>\n");
            write("services/billing/src/Invoice.java", "class Invoice { }\n");
            write("services/billing/src/Tax.java", "class Tax { }\n");
            write("contracts/registry.yml", """
                    contracts:
                      - name: orders-api
                        spec: contracts/orders/openapi.yaml
                        provider: orders-service
                        consumers: [checkout-service, billing-service]
                    """);
            write("contracts/orders/openapi.yaml", spec(true));
            write("docs/adr/0001-record-architecture-decisions.md", """
                    # 1. Record architecture decisions

                    ## Status

                    Accepted

                    ## Context

                    Decisions made in one session are forgotten by the next.

                    ## Decision

                    We record every decision about service boundaries as an ADR.

                    ## Consequences

                    A boundary change names its ADR.
                    """);
            commit("Start the shop (#1)", "feature", "low", COMPLETE, ADA, "2026-11-02T09:00:00Z");

            write("services/orders/src/Orders.java", "class Orders { int total; }\n");
            commit("Fix the order total (#2)", "tactical-fix", "low", COMPLETE, ADA, "2026-11-03T10:00:00Z");
            write("services/orders/src/Orders.java", "class Orders { long total; }\n");
            commit("Fix the order total overflow (#3)", "tactical-fix", "low", COMPLETE, GRACE, "2026-11-04T10:00:00Z");
            write("services/orders/src/Orders.java", "class Orders { long totalCents; }\n");
            commit("Fix rounding of the order total (#4)", "tactical-fix", "low", COMPLETE, ADA, "2026-11-05T10:00:00Z");
            write("services/orders/src/Orders.java", "class Orders { long totalCents; long taxCents; }\n");
            commit("Fix tax in the order total (#5)", "tactical-fix", "low", COMPLETE, GRACE, "2026-11-10T10:00:00Z");

            write("contracts/orders/openapi.yaml", spec(false));
            commit("Drop the single-order endpoint (#6)", "feature", "medium",
                    COMPLETE + "Contract-Change: non-breaking\n", ADA, "2026-11-12T10:00:00Z");

            move("services/billing", "services/invoicing");
            commit("Rename billing to invoicing (#7)", "tech-debt", "medium", COMPLETE, GRACE, "2026-11-17T10:00:00Z");

            write("services/orders/src/Orders.java", "final class Orders { long totalCents; long taxCents; }\n");
            String last = commit("Make orders final (#8)", "strategic-fix", "low",
                    "Intent: end the tactical fixes\nBlast-Radius: the orders service\nVerification: unit tests\n",
                    ADA, "2026-11-19T10:00:00Z");

            // the delivery records: deployments with a degrading change failure rate, and the failed gate
            write(".gov/deployments.yml", deployments());
            write(".gov/incidents.yml", """
                    - { id: inc-1, env: prod, opened: 2026-11-11T17:00:00Z, resolved: 2026-11-11T20:00:00Z, cause: d-6 }
                    - { id: inc-2, env: prod, opened: 2026-11-19T18:00:00Z, resolved: 2026-11-20T02:00:00Z, cause: d-11 }
                    """);
            write(".gov/gates/" + last + "/lint.json", "{\"gate\": \"lint\", \"sha\": \"" + last
                    + "\", \"status\": \"fail\", \"url\": \"https://ci.example.com/lint/8\"}\n");
            commit("Record deployments, incidents and gates (#9)", "compliance", "low", COMPLETE, GRACE,
                    "2026-11-21T10:00:00Z");
        }

        private String commit(String subject, String type, String risk, String fields, PersonIdent who, String at)
                throws GitAPIException {
            git.add().addFilepattern(".").call();
            git.add().addFilepattern(".").setUpdate(true).call();
            PersonIdent when = new PersonIdent(who, Instant.parse(at), ZoneOffset.UTC);
            String message = subject + "\n\nChange-Type: " + type + "\nRisk: " + risk + "\n" + fields;
            String sha = git.commit().setMessage(message).setAuthor(when).setCommitter(when).setSign(false).call().getName();
            made.add(Map.entry(Instant.parse(at), sha));
            return sha;
        }

        private void write(String path, String text) throws IOException {
            Path file = root.resolve(path);
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        }

        private void move(String from, String to) throws IOException {
            Path source = root.resolve(from);
            List<Path> files;
            try (Stream<Path> walk = Files.walk(source)) {
                files = walk.filter(Files::isRegularFile).sorted().toList();
            }
            for (Path f : files) {
                Path target = root.resolve(to).resolve(source.relativize(f));
                Files.createDirectories(target.getParent());
                Files.move(f, target);
            }
            try (Stream<Path> walk = Files.walk(source)) {
                for (Path d : walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                    Files.delete(d);
                }
            }
        }

        /** The orders API, with or without the single-order endpoint; version 1.0.0 either way. */
        private static String spec(boolean withSingleOrder) {
            return """
                    openapi: 3.0.3
                    info: { title: Orders, version: 1.0.0 }
                    paths:
                      /orders:
                        get:
                          responses:
                            '200': { description: the orders }
                    """ + (withSingleOrder ? """
                      /orders/{id}:
                        get:
                          parameters:
                            - { name: id, in: path, required: true, schema: { type: string } }
                          responses:
                            '200': { description: one order }
                    """ : "");
        }

        /**
         * Four deployments a week to prod, each of the newest commit then: none failed in W45; in W46 one rolled
         * back (and caused inc-1); in W47 one failed and one caused inc-2. None was signed off.
         */
        private String deployments() {
            String[] status = {"success", "success", "success", "success", "success", "rolled-back", "success",
                "success", "success", "failed", "success", "success"};
            Instant monday = Instant.parse("2026-11-02T16:00:00Z");
            StringBuilder s = new StringBuilder();
            for (int n = 0; n < status.length; n++) {
                Instant at = monday.plus(java.time.Duration.ofDays(7L * (n / 4) + 1 + n % 4));
                String sha = made.get(0).getValue();
                for (Map.Entry<Instant, String> c : made) {
                    if (!c.getKey().isAfter(at)) {
                        sha = c.getValue();
                    }
                }
                s.append("- { id: d-").append(n + 1).append(", sha: ").append(sha).append(", env: prod, at: ")
                        .append(at).append(", status: ").append(status[n]).append(" }\n");
            }
            return s.toString();
        }
    }
}

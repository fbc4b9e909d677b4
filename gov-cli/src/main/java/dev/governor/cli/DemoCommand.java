package dev.governor.cli;

import dev.governor.Evaluation;
import dev.governor.Governor;
import dev.governor.Report;
import dev.governor.Scope;
import dev.governor.adapters.gates.SignOffRequest;
import dev.governor.adapters.notes.GovernanceNotes;
import dev.governor.api.Change;
import dev.governor.api.Finding;
import dev.governor.api.GovernanceException;
import dev.governor.api.Layer;
import dev.governor.api.SignOff;
import dev.governor.packs.release.ReleasePack;
import dev.governor.packs.release.ReleaseRange;
import dev.governor.packs.release.SignOffEvidence;
import dev.governor.packs.release.SignOffEvidence.Status;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.ConfigConstants;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.StoredConfig;
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
 * without a rollback step; Release, twelve deployments never signed off, a high-risk change nobody else
 * reviewed, and a sign-off of the change deployed last whose lint gate failed; Learning, a change failure rate
 * that degrades two weeks running (a release blocker in week three), with MTTR, a revert and cross-team review
 * waits so that all four metrics have values.
 *
 * <p>{@code gov check} reports only what was merged and deployed; a gate is judged when a SHA is signed off
 * (rules.md, "Release"). So after the check the demo signs off the change deployed last for prod, as
 * {@code gov sign-off --record} would, prints the verdict predicate by predicate, and keeps the evidence in
 * {@code refs/notes/governance} (its note commit has fixed times too). A layer whose rules find nothing is
 * named as such in the explanation.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = "Build a sample repository whose history trips every layer, check it, sign off its last"
                + " deployment, and explain the findings. Exits 1: the demo has blocking findings.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  gov demo                 builds ./governor-demo, then checks it",
            "  gov demo /tmp/demo       another directory (it must not exist, or be empty)",
            "  then, in governor-demo:",
            "    gov check --format markdown            the findings as a PR comment",
            "    gov metrics --weeks 4 --format html    the four metrics as one page"})
final class DemoCommand implements Callable<Integer> {
    /** The demo's "now": the end of its fourth week, so that every finding is within the reported 90 days. */
    static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");
    static final String DEFAULT_DIR = "governor-demo";
    /** Who signs off, and where to. */
    static final String SIGNER = "grace@example.com";
    static final String ENV = "prod";
    /** How many lines of a predicate's evidence the terminal shows; the recorded note keeps every one. */
    private static final int SIGN_OFF_LINES = 3;

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
        String deployed = build(root);
        Clock clock = gov.environment().variables().containsKey(CliEnvironment.GOV_NOW)
                ? gov.environment().clock() : Clock.fixed(NOW, ZoneOffset.UTC);
        Governor governor = Governor.builder().repository(root).clock(clock).build();
        Report report = governor.check();
        SignOffEvidence signOff = signOff(root, deployed, clock);
        PrintWriter out = spec.commandLine().getOut();
        Path shown = dir != null ? dir : Path.of(DEFAULT_DIR);
        out.println("Built a sample repository in " + shown + " (" + report.factCounts().getOrDefault("changes", 0)
                + " changes) and checked it:");
        out.println();
        out.print(TextReport.render(report, new RuleCatalog(governor.rules(), report.findings()),
                TextReport.DEFAULT_PER_RULE));
        out.println();
        out.print(signOffSummary(signOff));
        out.println();
        out.print(explain(report, signOff));
        out.println();
        out.println("Try, in " + shown + ": gov check --format markdown (a PR comment), gov hotspots, gov metrics"
                + " --weeks 4 --format html --output metrics.html, git notes --ref governance show " + abbreviate(deployed)
                + ", gov explain intent.tactical-hotspot.");
        out.flush();
        return report.passed() ? Main.ExitCodes.OK : Main.ExitCodes.BLOCKING;
    }

    /**
     * Signs off {@code sha} for prod as CI would before deploying it again, and records the evidence under
     * {@code refs/notes/governance}: {@code gov check} reports only the Release rules about what was merged and
     * deployed; whether a gate failed is decided when a SHA is signed off.
     */
    static SignOffEvidence signOff(Path root, String sha, Clock clock) {
        SignOffRequest request = SignOffRequest.of(sha, ENV, SIGNER);
        Governor governor = Governor.builder().repository(root).clock(clock)
                .since(Instant.MIN) // as gov sign-off: the evidence needs every finding of the range
                .facts(request).build();
        Evaluation run = governor.evaluate(Scope.all(), ReleasePack.RANGES, ReleasePack.GATES);
        List<ReleaseRange> ranges = run.view(ReleasePack.RANGES);
        SignOff requested = ranges.stream().map(ReleaseRange::signOff).filter(SignOff::isRequested).findFirst()
                .orElseThrow(() -> new GovernanceException(root.toString(), 0, "the demo's sign-off was not"
                        + " evaluated: its governance.yml must keep release in layers"));
        SignOffEvidence evidence = SignOffEvidence.of(requested, run.report().findings(), ranges,
                run.view(ReleasePack.GATES), governor.policy(), "governor " + GovCommand.version());
        GovernanceNotes.append(root, evidence.recorded(), evidence.toJsonLine());
        return evidence;
    }

    /** The sign-off for a terminal: the verdict, then each predicate (failed first) with its first lines. */
    static String signOffSummary(SignOffEvidence evidence) {
        SignOff s = evidence.signOff();
        List<SignOffEvidence.Predicate> predicates = new ArrayList<>(evidence.predicates());
        // as the recorded comment orders them: what failed first, then warnings, then what held
        predicates.sort(Comparator.comparingInt(p -> List.of(Status.FAILED, Status.WARNING, Status.PASSED, Status.INFO)
                .indexOf(p.status())));
        long failed = predicates.stream().filter(p -> p.status() == Status.FAILED).count();
        long counted = predicates.stream().filter(p -> p.status() != Status.INFO).count();
        List<Change> released = evidence.released();
        StringBuilder t = new StringBuilder("Then, as CI does before a deployment, it asked for a sign-off of ")
                .append(abbreviate(s.sha())).append(released.isEmpty() ? "" : " (" + released.get(released.size() - 1).id()
                        + ", deployed last)").append(" for ").append(s.env()).append(", by ").append(s.by())
                .append(" at ").append(s.at()).append(" (gov sign-off --sha ").append(abbreviate(s.sha()))
                .append(" --env ").append(s.env()).append(" --by ").append(s.by()).append(" --record):\n\n")
                .append(evidence.passed() ? "SIGNED OFF" : "SIGN-OFF FAILED").append("  ")
                .append(evidence.passed() ? "all " + counted + " predicates hold" : failed + " of " + counted
                        + " predicates failed").append(" · ").append(evidence.range().changes().size())
                .append(" changes released · the evidence is recorded in refs/notes/governance\n");
        for (SignOffEvidence.Predicate p : predicates) {
            t.append(String.format(Locale.ROOT, "%-8s  %s", p.status().id(), p.name())).append('\n');
            List<String> lines = p.evidence();
            int shown = Math.min(lines.size(), SIGN_OFF_LINES);
            for (int i = 0; i < shown; i++) {
                t.append("          ").append(lines.get(i)).append('\n');
            }
            if (lines.size() > shown) {
                t.append("          … and ").append(lines.size() - shown).append(" more (git notes --ref governance show ")
                        .append(abbreviate(s.sha())).append(" has them all)\n");
            }
        }
        return t.toString();
    }

    /** What each layer was given to find, why it matters, what to do, and which rules fired in this build. */
    static String explain(Report report, SignOffEvidence signOff) {
        Map<Layer, List<String>> rules = new EnumMap<>(Layer.class);
        for (Finding f : report.findings()) {
            List<String> ids = rules.computeIfAbsent(f.layer(), l -> new ArrayList<>());
            if (!ids.contains(f.ruleId())) {
                ids.add(f.ruleId());
            }
        }
        List<String> failedBy = new ArrayList<>();
        signOff.findings().stream().filter(Finding::isBlocking).map(Finding::ruleId).distinct().forEach(failedBy::add);
        StringBuilder s = new StringBuilder("What it shows, layer by layer (the seed's five questions):\n");
        layer(s, rules, Layer.INTENT, "Why are we changing this, and how risky is it?",
                "#2, #3 and #4 are tactical fixes to services/orders/src/Orders.java within a week, so the file is"
                        + " locked; #5, one more tactical fix, is stopped.",
                "patch on patch on one file is where the next incident comes from; the lock asks for a real fix.",
                "merge a Change-Type: strategic-fix that touches the file, as #10 does (gov hotspots shows the lock).");
        layer(s, rules, Layer.CONTRACT, "What do other systems depend on?",
                "#8 removes GET /orders/{id} from the registered orders-api spec, declares it non-breaking, keeps"
                        + " version 1.0.0 and names no rollout plan.",
                "checkout-service and billing-service call that path; a session changing the orders service cannot"
                        + " see them.",
                "declare Contract-Change: breaking, raise the major version and add a Rollout: plan (gov diff"
                        + " compares two specs).");
        layer(s, rules, Layer.CHANGE, "What changed, and can someone roll it back?",
                "#9 renames the billing service to invoicing with no ADR; #10 names no rollback step.",
                "a boundary moved without a record is forgotten by the next session, which may move it back.",
                "add a three-sentence ADR (title, decision, reason) or an ADR: trailer, and a Rollback: step.");
        layer(s, rules, Layer.RELEASE, "Is this verified, or just merged?",
                "twelve deployments to prod were never signed off; #9, high risk, had no second reviewer; and the"
                        + " sign-off of #10 above fails: its lint gate failed and the range carries blocking findings.",
                "a merge is not a verification: the sign-off is the evidence that the gates ran on what shipped.",
                "fix what each failed predicate names, then gov sign-off --record before deploying.");
        s.append("    sign-off: ").append(signOff.passed() ? "passed" : "failed by " + String.join(", ", failedBy))
                .append('\n');
        layer(s, rules, Layer.LEARNING, "Is the system getting better at recovering?",
                "the change failure rate rose two weeks running (0% in W45, 25% in W46, 50% in W47), so releases are"
                        + " blocked in W48; MTTR and the revert rate rose once.",
                "a team that ships more failures each week should stop adding risk until it recovers.",
                "find why deployments fail (gov metrics shows the four metrics week by week), and release when the"
                        + " week ends or the rate falls.");
        return s.toString();
    }

    private static void layer(StringBuilder s, Map<Layer, List<String>> rules, Layer layer, String question,
                              String tripped, String why, String next) {
        List<String> found = rules.getOrDefault(layer, List.of());
        s.append("  ").append(layer.id()).append(": ").append(question).append('\n')
                .append("    tripped:  ").append(tripped).append('\n')
                .append("    matters:  ").append(why).append('\n')
                .append("    do:       ").append(next).append('\n')
                .append("    found:    ").append(found.isEmpty()
                        ? "nothing (this build has no " + layer.id() + " rules that fire on it)"
                        : String.join(", ", found)).append('\n');
    }

    private static String abbreviate(String sha) {
        return sha.substring(0, Math.min(12, sha.length()));
    }

    /**
     * Writes the sample history into {@code root}, which must not exist or be empty.
     *
     * @return the SHA of the change deployed last (#10), which the demo signs off
     */
    static String build(Path root) {
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
                // the user's own git configuration must not change what is committed, or the SHAs would differ
                // between machines: no line-end conversion (core.autocrlf in ~/.gitconfig)
                StoredConfig config = git.getRepository().getConfig();
                config.setBoolean(ConfigConstants.CONFIG_CORE_SECTION, null, ConfigConstants.CONFIG_KEY_AUTOCRLF, false);
                config.save();
                return new Script(git, root).run();
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

        /** Writes and commits the history; returns the SHA of #10, the change deployed last, to be signed off. */
        String run() throws IOException, GitAPIException {
            write("governance.yml", """
                    # all five layers in force: the demo shows each
                    layers: [release, contract, change, learning, intent]
                    services: ["services/*"]
                    learning:
                      teams:   # who is in which team: a review asked of one's own team is no cross-team wait
                        shop: [ada@example.com, grace@example.com]
                        platform: [linus@example.com]
                    """);
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

            // Intent: three tactical fixes to one file within a week lock it; a fourth is stopped
            write("services/orders/src/Orders.java", "class Orders { int total; }\n");
            commit("Fix the order total (#2)", "tactical-fix", "low", COMPLETE, ADA, "2026-11-03T10:00:00Z");
            write("services/orders/src/Orders.java", "class Orders { long total; }\n");
            commit("Fix the order total overflow (#3)", "tactical-fix", "low", COMPLETE, GRACE, "2026-11-04T10:00:00Z");
            write("services/orders/src/Orders.java", "class Orders { long totalCents; }\n");
            commit("Fix rounding of the order total (#4)", "tactical-fix", "low", COMPLETE, ADA, "2026-11-05T10:00:00Z");
            write("services/orders/src/Orders.java", "class Orders { long totalCents; long taxCents; }\n");
            commit("Fix tax in the order total (#5)", "tactical-fix", "low", COMPLETE, GRACE, "2026-11-10T10:00:00Z");

            // Learning: a feature deployed, rolled back (d-6, inc-1) and reverted the next morning, as git reverts
            write("services/orders/src/Estimate.java", "class Estimate { int days = 2; }\n");
            String estimate = commit("Show a delivery estimate (#6)", "feature", "low", COMPLETE, ADA,
                    "2026-11-11T10:00:00Z");
            Files.delete(root.resolve("services/orders/src/Estimate.java"));
            commit("Revert \"Show a delivery estimate\" (#7)", "This reverts commit " + estimate + ".\n"
                    + "\nThe estimate timed out under load (inc-1).", "tactical-fix", "low", COMPLETE, GRACE,
                    "2026-11-12T09:00:00Z");

            // Contract: a path removed from a registered spec, declared non-breaking, its version kept
            write("contracts/orders/openapi.yaml", spec(false));
            commit("Drop the single-order endpoint (#8)", "feature", "medium",
                    COMPLETE + "Contract-Change: non-breaking\n", ADA, "2026-11-12T10:00:00Z");

            // Change: a service boundary renamed with no ADR; Release: high risk, and nobody else reviewed it
            move("services/billing", "services/invoicing");
            commit("Rename billing to invoicing (#9)", "tech-debt", "high", COMPLETE, GRACE, "2026-11-17T10:00:00Z");

            // Change: a change with no rollback step (a strategic fix, which lifts Intent's lock)
            write("services/orders/src/Orders.java", "final class Orders { long totalCents; long taxCents; }\n");
            String last = commit("Make orders final (#10)", "strategic-fix", "low",
                    "Intent: end the tactical fixes\nBlast-Radius: the orders service\nVerification: unit tests\n",
                    ADA, "2026-11-19T10:00:00Z");

            // the delivery records: deployments with a degrading change failure rate, incidents, cross-team
            // reviews, and the gates CI ran on #10 (deployed twice): lint failed
            write(".gov/deployments.yml", deployments());
            write(".gov/incidents.yml", """
                    # id, env, opened, resolved, cause: the deployment that caused it (inc-0 was the provider's outage)
                    - { id: inc-0, env: prod, opened: 2026-11-04T08:00:00Z, resolved: 2026-11-04T12:00:00Z }
                    - { id: inc-1, env: prod, opened: 2026-11-11T17:00:00Z, resolved: 2026-11-11T20:00:00Z, cause: d-6 }
                    - { id: inc-2, env: prod, opened: 2026-11-19T18:00:00Z, resolved: 2026-11-20T02:00:00Z, cause: d-11 }
                    """);
            write(".gov/reviews.yml", """
                    # reviews asked of the platform team (linus@example.com) by the shop team: cross-team waits
                    - { change: "#2", team: platform, requested: 2026-11-02T14:00:00Z, reviewed: 2026-11-02T20:00:00Z }
                    - { change: "#6", team: platform, requested: 2026-11-10T14:00:00Z, reviewed: 2026-11-10T18:00:00Z }
                    - { change: "#9", team: platform, requested: 2026-11-16T14:00:00Z, reviewed: 2026-11-16T16:00:00Z }
                    - { change: "#9", team: shop, requested: 2026-11-16T14:00:00Z, reviewed: 2026-11-16T23:00:00Z }
                    """);
            String gates = ".gov/gates/" + last + "/";
            write(gates + "lint.checkstyle.xml", """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <checkstyle version="10.12.5">
                      <file name="services/orders/src/Orders.java">
                        <error line="1" column="7" severity="error" message="Missing a Javadoc comment."
                               source="com.puppycrawl.tools.checkstyle.checks.javadoc.MissingJavadocTypeCheck"/>
                      </file>
                    </checkstyle>
                    """);
            write(gates + "typecheck.junit.xml", """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <testsuite name="dev.shop.orders.OrdersTest" tests="2" failures="0" errors="0" skipped="0" time="0.04">
                      <testcase classname="dev.shop.orders.OrdersTest" name="totals_are_in_cents" time="0.02"/>
                      <testcase classname="dev.shop.orders.OrdersTest" name="tax_is_added_once" time="0.02"/>
                    </testsuite>
                    """);
            write(gates + "security-scan.sarif", """
                    {
                      "version": "2.1.0",
                      "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
                      "runs": [ { "tool": { "driver": { "name": "CodeQL", "version": "2.19.3" } }, "results": [] } ]
                    }
                    """);
            commit("Record deployments, incidents, reviews and gates (#11)", "compliance", "low", COMPLETE, GRACE,
                    "2026-11-21T10:00:00Z");
            return last;
        }

        private String commit(String subject, String type, String risk, String fields, PersonIdent who, String at)
                throws GitAPIException {
            return commit(subject, null, type, risk, fields, who, at);
        }

        private String commit(String subject, String body, String type, String risk, String fields, PersonIdent who,
                              String at) throws GitAPIException {
            git.add().addFilepattern(".").call();
            git.add().addFilepattern(".").setUpdate(true).call();
            PersonIdent when = new PersonIdent(who, Instant.parse(at), ZoneOffset.UTC);
            String message = subject + "\n\n" + (body == null ? "" : body + "\n\n") + "Change-Type: " + type
                    + "\nRisk: " + risk + "\n" + fields;
            // no signing and no commit-msg hook (core.hooksPath may name the user's own): the same SHAs everywhere
            String sha = git.commit().setMessage(message).setAuthor(when).setCommitter(when).setSign(false)
                    .setNoVerify(true).call().getName();
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

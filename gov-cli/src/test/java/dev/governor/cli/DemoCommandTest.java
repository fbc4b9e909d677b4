package dev.governor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/** gov demo: a sample history that trips every layer, checked; and every format on it valid and stable. */
class DemoCommandTest {

    @TempDir
    static Path dir;

    static Path demo;
    static Gov.Result built;

    @BeforeAll
    static void build_the_demo() {
        demo = dir.resolve("demo");
        built = Gov.plain().run("demo", demo.toString());
    }

    static Gov.Result check(String format) {
        return Gov.plain().with(CliEnvironment.GOV_NOW, DemoCommand.NOW.toString())
                .run("check", "--repo", demo.toString(), "--format", format);
    }

    @Test
    void the_demo_exits_1_and_shows_the_intent_layers_lock() {
        assertThat(built.exitCode()).as(built.err()).isEqualTo(1);
        assertThat(built.out()).startsWith("Built a sample repository in " + demo + " (9 changes) and checked it:\n\n"
                + "BLOCKING  intent.strategic-fix-required  services/orders/src/Orders.java\n");
        assertThat(built.out()).contains("\nBLOCKING  intent.tactical-hotspot  services/orders/src/Orders.java\n");
    }

    @Test
    void the_demo_explains_each_of_the_five_layers_and_what_it_found() {
        assertThat(built.out()).contains("""
                What it shows, layer by layer (the seed's five questions):
                  intent: Why are we changing this, and how risky is it?
                """)
                .contains("    found: intent.strategic-fix-required, intent.tactical-hotspot\n")
                .contains("  contract: What do other systems depend on?\n")
                .contains("  change: What changed, and can someone roll it back?\n")
                .contains("  release: Is this verified, or just merged?\n")
                .contains("  learning: Is the system getting better at recovering?\n")
                .endsWith("Try: cd " + demo + " && gov check --format markdown (a PR comment), gov hotspots, gov explain"
                        + " intent.tactical-hotspot.\n");
    }

    @Test
    void the_demo_is_the_same_repository_and_report_on_every_run() {
        Path again = dir.resolve("again");

        Gov.Result second = Gov.plain().run("demo", again.toString());

        assertThat(second.out().replace(again.toString(), demo.toString())).isEqualTo(built.out());
        assertThat(check("json").out()).isEqualTo(Gov.plain().with(CliEnvironment.GOV_NOW, DemoCommand.NOW.toString())
                .run("check", "--repo", again.toString(), "--format", "json").out());
    }

    @Test
    void the_demo_writes_records_in_the_formats_of_the_spec() throws Exception {
        assertThat(Files.readString(demo.resolve("governance.yml")))
                .contains("layers: [release, contract, change, learning, intent]");
        assertThat(Files.readAllLines(demo.resolve(".gov/deployments.yml"))).hasSize(12)
                .allMatch(l -> l.matches("- \\{ id: d-\\d+, sha: [0-9a-f]{40}, env: prod, at: 2026-11-\\d\\dT16:00:00Z,"
                        + " status: (success|failed|rolled-back) }"));
        try (var gates = Files.list(demo.resolve(".gov/gates"))) {
            assertThat(gates.toList()).singleElement().satisfies(g -> assertThat(g.getFileName().toString()).matches("[0-9a-f]{40}"));
        }
        assertThat(demo.resolve("services/invoicing/src/Invoice.java")).exists();
        assertThat(demo.resolve("services/billing")).doesNotExist();
    }

    @Test
    void every_format_on_the_demo_is_valid_and_byte_identical_across_runs() throws Exception {
        for (String format : List.of("text", "json", "sarif", "junit", "markdown")) {
            assertThat(check(format).out()).as(format).isEqualTo(check(format).out());
        }
        assertThat(Schemas.reportErrors(check("json").out())).isEmpty();
        assertThat(Schemas.sarifErrors(check("sarif").out())).isEmpty();
        Document junit = OutputFormatsTest.parse(check("junit").out());
        assertThat(junit.getElementsByTagName("failure").getLength()).isEqualTo(check("json").out()
                .split("\"fingerprint\" : ", -1).length - 1);
    }

    @Test
    void the_demo_never_builds_over_a_directory_that_holds_something() throws Exception {
        Path taken = Files.createDirectories(dir.resolve("taken"));
        Files.writeString(taken.resolve("notes.txt"), "mine");

        Gov.Result r = Gov.plain().run("demo", taken.toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("gov: " + taken + ": not empty: gov demo builds its sample repository only in a"
                + " new or empty directory; give another DIR\n");
        assertThat(Files.readString(taken.resolve("notes.txt"))).isEqualTo("mine");
    }
}

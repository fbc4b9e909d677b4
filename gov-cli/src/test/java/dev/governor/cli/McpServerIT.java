package dev.governor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gov mcp} from the packaged gov.jar, driven over stdio by the MCP Java SDK's own client, on a
 * repository made with the plain git command line where src/a.txt just got its third tactical fix.
 */
class McpServerIT {

    static final Instant D0 = Instant.parse("2026-11-20T09:00:00Z");
    static final String NOW = "2026-11-24T12:00:00Z";

    @TempDir
    Path dir;
    PlainGitRepo repo;
    McpSyncClient client;

    @BeforeEach
    void a_session_starts_on_a_repository_with_a_locked_file() {
        repo = PlainGitRepo.init(dir);
        // the Change layer finds the covering ADR; its template fields are left out to keep these messages short
        repo.write("governance.yml", "layers: [intent, change]\nrules:\n  change.template-field-missing: {enabled: false}\n");
        repo.write("docs/adr/0001-keep-the-ledger-in-one-module.md", "# 1. Keep the ledger in one module\n\n"
                + "Status: Accepted\n\n## Decision\n\nThe ledger stays in src/a.txt.\n\n## Reason\n\nOne owner.\n");
        repo.write("contracts/v1.json", "{\"type\": \"object\", \"properties\": {\"id\": {\"type\": \"string\"}}}\n");
        repo.write("contracts/v2.json", "{\"type\": \"object\", \"properties\": {}}\n");
        repo.write("src/a.txt", "a\n");
        repo.commit(D0, "feat: start (#1)\n\nRisk: low");
        for (int i = 1; i <= 3; i++) {
            repo.write("src/a.txt", "a" + i + "\n");
            repo.commit(D0.plus(Duration.ofDays(i)), "fix: a, take " + i + " (#" + (i + 1) + ")\n\nRisk: low");
        }
        ServerParameters server = ServerParameters.builder(Path.of(System.getProperty("java.home"), "bin", "java").toString())
                .args("-jar", Path.of("target", "gov.jar").toAbsolutePath().toString(), "mcp", "--repo", dir.toString())
                .addEnvVar("GOV_NOW", NOW)
                .build();
        StdioClientTransport transport = new StdioClientTransport(server, McpJsonDefaults.getMapper());
        transport.setStdErrorHandler(line -> { }); // the server's stderr is the user's, not the protocol's
        // generous: a loaded CI machine starts a JVM slowly, and the first check reads the history
        client = McpClient.sync(transport).initializationTimeout(Duration.ofSeconds(120))
                .requestTimeout(Duration.ofSeconds(120)).build();
        client.initialize();
    }

    @AfterEach
    void the_session_ends() {
        client.closeGracefully();
    }

    @Test
    void the_client_lists_the_six_tools_each_read_only_with_a_schema_for_its_input() {
        var tools = client.listTools().tools();

        assertThat(tools).extracting(Tool::name)
                .containsExactlyInAnyOrder("context", "check_pending", "hotspots", "explain", "contract_diff", "adrs");
        for (Tool tool : tools) {
            assertThat(tool.annotations().readOnlyHint()).as(tool.name()).isTrue();
            assertThat(tool.inputSchema()).as(tool.name()).containsEntry("type", "object");
        }
        Tool context = tools.stream().filter(t -> t.name().equals("context")).findFirst().orElseThrow();
        assertThat(context.inputSchema()).containsEntry("required", java.util.List.of("paths"));
        Tool diff = tools.stream().filter(t -> t.name().equals("contract_diff")).findFirst().orElseThrow();
        assertThat(diff.inputSchema()).containsEntry("required", java.util.List.of("base", "revision"));
    }

    @Test
    void check_pending_refuses_a_tactical_fix_to_the_locked_file_and_answers_again_without_reading_the_history() {
        repo.write("src/a.txt", "a4\n");
        repo.git(D0, "add", "src/a.txt");

        CallToolResult first = call("check_pending", Map.of("message", "fix: a, take 4\n\nRisk: low"));
        CallToolResult second = call("check_pending", Map.of("message", "fix: a, for good\n\nChange-Type: strategic-fix"
                + "\nRisk: low"));

        assertThat(first.isError()).isFalse();
        assertThat(text(first)).contains("\"rule\" : \"intent.strategic-fix-required\"")
                .contains("staged is a tactical fix to src/a.txt, locked since 2026-11-23 by a hotspot (#2, #3, #4)");
        assertThat(text(second)).contains("\"blocking\" : 0,");
        // the second call found the history the first one read: the warm session read nothing again
        assertThat(second.meta()).containsEntry("pendingChecks", 2);
        assertThat(second.meta().get("historiesRead")).isEqualTo(first.meta().get("historiesRead"));

        repo.commit(D0.plus(Duration.ofDays(4)), "fix: a, for good (#5)\n\nChange-Type: strategic-fix\nRisk: low");
        repo.write("src/a.txt", "a5\n");
        repo.git(D0, "add", "src/a.txt");
        CallToolResult afterCommit = call("check_pending", Map.of("message", "fix: a, take 5\n\nRisk: low"));

        // the new commit is picked up (one more read, of the new head) and has unlocked the file
        assertThat(((Number) afterCommit.meta().get("historiesRead")).longValue())
                .isEqualTo(((Number) first.meta().get("historiesRead")).longValue() + 1);
        assertThat(text(afterCommit)).contains("\"blocking\" : 0,");
    }

    @Test
    void hotspots_explain_adrs_and_contract_diff_answer_as_gov_prints() {
        assertThat(text(call("hotspots", Map.of("top", 1)))).contains("\"path\" : \"src/a.txt\"");
        assertThat(text(call("explain", Map.of("rule", "intent.tactical-hotspot")))).startsWith("intent.tactical-hotspot");
        assertThat(text(call("adrs", Map.of()))).startsWith("{\n  \"adrs\" : [")
                .contains("docs/adr/0001-keep-the-ledger-in-one-module.md");
        assertThat(text(call("contract_diff", Map.of("base", "contracts/v1.json", "revision", "contracts/v2.json"))))
                .contains("\"breaking\" : true,").contains("\"kind\" : \"property-removed\"");
    }

    @Test
    void a_bad_argument_or_an_unknown_rule_is_a_tool_error_saying_what_to_give() {
        CallToolResult unknown = call("explain", Map.of("rule", "intent.no-such-rule"));

        assertThat(unknown.isError()).isTrue();
        assertThat(text(unknown)).isEqualTo("unknown rule 'intent.no-such-rule'; 'gov rules' lists the loaded rules");
    }

    @Test
    void context_on_the_locked_file_gives_the_lock_its_evidence_and_the_covering_adr_as_gov_context_prints() {
        CallToolResult context = call("context", Map.of("paths", java.util.List.of("src/a.txt")));
        Gov.Result cli = Gov.plain().with(CliEnvironment.GOV_NOW, NOW)
                .run("context", "src/a.txt", "--repo", dir.toString(), "--format", "json");

        assertThat(context.isError()).as(text(context)).isFalse();
        assertThat(text(context)).contains("\"kind\" : \"lock\"").contains("#2").contains("#3").contains("#4")
                .contains("docs/adr/0001-keep-the-ledger-in-one-module.md");
        assertThat(text(context)).isEqualTo(cli.out());
    }

    private CallToolResult call(String tool, Map<String, Object> arguments) {
        return client.callTool(new CallToolRequest(tool, arguments));
    }

    private static String text(CallToolResult result) {
        return ((TextContent) result.content().get(0)).text();
    }
}

package dev.governor.cli;

import dev.governor.Governor;
import dev.governor.Report;
import dev.governor.adapters.git.GitHistoryProvider;
import dev.governor.api.GovernanceException;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.ServerCapabilities;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import io.modelcontextprotocol.spec.McpSchema.ToolAnnotations;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * The tools of {@code gov mcp} on the official MCP Java SDK. One {@link Governor} is built when the session
 * starts and kept warm for it: every call opens the history through the history reader's cache, so an
 * unmoved head is not read again and new commits are diffed alone. The other tools run the command line's
 * own commands in this process and return what they print, so the answers are those of {@code gov}.
 */
final class GovMcpServer implements AutoCloseable {

    private final Path repository;
    private final CliEnvironment environment;
    /** Built on the first call that needs it: the client's initialize must not wait for the rule engine. */
    private volatile Governor governor;
    private final McpSyncServer server;
    private final AtomicLong pendingChecks = new AtomicLong();

    private GovMcpServer(Path repository, CliEnvironment environment, McpJsonMapper json, InputStream in,
                         OutputStream out) {
        this.repository = repository.toAbsolutePath().normalize();
        this.environment = environment;
        this.server = McpServer.sync(new StdioServerTransportProvider(json, in, out))
                .serverInfo("gov", GovCommand.version())
                .instructions("Governor's memory of this repository. Call context with the paths you are about to"
                        + " edit before editing them, and check_pending with your commit message before committing.")
                .capabilities(ServerCapabilities.builder().tools(false).build())
                .tools(tools(json))
                .build();
    }

    /** Serves on {@code in} and {@code out} until {@link #close()}. */
    static GovMcpServer start(Path repository, CliEnvironment environment, InputStream in, OutputStream out) {
        return new GovMcpServer(repository, environment, McpJsonDefaults.getMapper(), in, out);
    }

    private List<SyncToolSpecification> tools(McpJsonMapper json) {
        List<SyncToolSpecification> tools = new ArrayList<>();
        tools.add(tool(json, "context", "What Governor remembers about these paths: the ADRs and boundaries that cover"
                        + " them, the contracts they provide or consume, hotspot counts and locks with their evidence,"
                        + " recent reverts. Call it before editing them.",
                """
                {"type": "object", "properties": {"paths": {"type": "array", "minItems": 1,
                  "items": {"type": "string"},
                  "description": "Repository-relative paths of the files or directories about to be edited"}},
                 "required": ["paths"], "additionalProperties": false}""",
                args -> contextJson(strings(args, "paths"))));
        tools.add(tool(json, "check_pending", "The findings of gov check --pending: what is staged in the index,"
                        + " checked as one more change on top of HEAD with this commit message. Blocking findings"
                        + " would stop the commit; each says what to do. Call it before committing.",
                """
                {"type": "object", "properties": {"message": {"type": "string",
                  "description": "The commit message to be: trailers (Change-Type, Risk) and a Conventional Commits subject are read from it"}},
                 "additionalProperties": false}""",
                args -> checkPending(string(args, "message", "")), true));
        tools.add(tool(json, "hotspots", "Files that tactical fixes keep touching, and the locked ones (gov hotspots"
                        + " --format json).",
                """
                {"type": "object", "properties": {"top": {"type": "integer", "minimum": 1,
                  "description": "Show only the first N files"}}, "additionalProperties": false}""",
                args -> {
                    List<String> command = new ArrayList<>(List.of("hotspots", "--format", "json"));
                    Object top = args.get("top");
                    if (top != null) {
                        command.addAll(List.of("--top", integer(top, "top")));
                    }
                    return gov(command, true);
                }));
        tools.add(tool(json, "explain", "What a rule checks, its thresholds, an example and what to do (gov explain).",
                """
                {"type": "object", "properties": {"rule": {"type": "string",
                  "description": "A rule id such as intent.tactical-hotspot"}},
                 "required": ["rule"], "additionalProperties": false}""",
                args -> gov(List.of("explain", string(args, "rule", null)), false)));
        tools.add(tool(json, "contract_diff", "The breaking-change diff of two contract files, OpenAPI or JSON Schema"
                        + " (gov diff --format json). Paths are taken from the repository root.",
                """
                {"type": "object", "properties": {
                  "base": {"type": "string", "description": "The contract as clients hold it"},
                  "revision": {"type": "string", "description": "The contract as it will be"}},
                 "required": ["base", "revision"], "additionalProperties": false}""",
                args -> gov(List.of("diff", inRepository(string(args, "base", null)),
                        inRepository(string(args, "revision", null)), "--format", "json"), false)));
        tools.add(tool(json, "adrs", "The architecture decision records, their status, supersessions and boundaries"
                        + " (gov adr --format json).",
                """
                {"type": "object", "properties": {}, "additionalProperties": false}""",
                args -> gov(List.of("adr", "--format", "json"), true)));
        return tools;
    }

    private SyncToolSpecification tool(McpJsonMapper json, String name, String description, String schema,
                                       Function<Map<String, Object>, String> call) {
        return tool(json, name, description, schema, call, false);
    }

    /** A read-only tool; its answer is text (JSON for all but explain), a refusal an error result. */
    private SyncToolSpecification tool(McpJsonMapper json, String name, String description, String schema,
                                       Function<Map<String, Object>, String> call, boolean withSession) {
        Tool tool = Tool.builder().name(name).description(description).inputSchema(json, schema)
                .annotations(new ToolAnnotations(null, true, false, true, false, null)).build();
        return SyncToolSpecification.builder().tool(tool).callHandler((exchange, request) -> answer(request, call,
                withSession)).build();
    }

    private CallToolResult answer(CallToolRequest request, Function<Map<String, Object>, String> call,
                                  boolean withSession) {
        Map<String, Object> args = request.arguments() == null ? Map.of() : request.arguments();
        CallToolResult.Builder result = CallToolResult.builder();
        try {
            result.addTextContent(call.apply(args)).isError(false);
        } catch (ToolError | GovernanceException e) {
            result.addTextContent(e.getMessage()).isError(true);
        }
        if (withSession) {
            // what a client (and the tests) reads to see that the session answers from memory
            result.meta(Map.of("historiesRead", GitHistoryProvider.historiesRead(), "pendingChecks", pendingChecks.get()));
        }
        return result.build();
    }

    /**
     * The {@code context} tool's answer for {@code paths}: what {@code gov context --format json} prints, from the
     * session's warm Governor.
     */
    private String contextJson(List<String> paths) {
        return governor().context(paths).toJson();
    }

    /** The staged change's findings as {@code gov check --pending --format json} prints them. */
    private String checkPending(String message) {
        pendingChecks.incrementAndGet();
        Report report = governor().checkPending(message);
        return report.toJson();
    }

    /** The session's one Governor; a bad policy is reported by the call that needs it, as gov would. */
    private Governor governor() {
        Governor g = governor;
        if (g == null) {
            synchronized (this) {
                g = governor;
                if (g == null) {
                    g = Governor.builder().repository(repository).clock(environment.clock()).build();
                    governor = g;
                }
            }
        }
        return g;
    }

    /** Runs a {@code gov} command in this process against the session's repository; what it prints, or its error. */
    private String gov(List<String> args, boolean withRepo) {
        List<String> all = new ArrayList<>(args);
        if (withRepo) {
            all.addAll(List.of("--repo", repository.toString()));
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code;
        try (PrintWriter o = new PrintWriter(out); PrintWriter e = new PrintWriter(err)) {
            code = Main.run(environment, o, e, all.toArray(String[]::new));
        }
        if (code == Main.ExitCodes.USAGE) {
            // what gov says, without its prefix and its pointer to --help, which a tool call has no use for
            String said = err.toString().lines().filter(l -> !l.startsWith("Try 'gov "))
                    .map(l -> l.startsWith("gov: ") ? l.substring(5) : l).reduce((a, b) -> a + "\n" + b).orElse("");
            throw new ToolError(said.strip());
        }
        return out.toString();
    }

    private String inRepository(String path) {
        return repository.resolve(path).normalize().toString();
    }

    private static String string(Map<String, Object> args, String key, String fallback) {
        Object v = args.get(key);
        if (v == null && fallback != null) {
            return fallback;
        }
        if (!(v instanceof String s)) {
            throw new ToolError("'" + key + "' must be a string" + (v == null ? ": it is required" : ", was " + v));
        }
        return s;
    }

    private static List<String> strings(Map<String, Object> args, String key) {
        if (!(args.get(key) instanceof List<?> list) || list.isEmpty()
                || !list.stream().allMatch(String.class::isInstance)) {
            throw new ToolError("'" + key + "' must be a non-empty array of repository-relative paths, was "
                    + args.get(key));
        }
        return list.stream().map(String.class::cast).toList();
    }

    private static String integer(Object v, String key) {
        if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue()) && n.longValue() >= 1) {
            return Long.toString(n.longValue());
        }
        throw new ToolError("'" + key + "' must be a whole number of 1 or more, was " + v);
    }

    @Override
    public void close() {
        server.closeGracefully();
    }

    /** A tool call the server refuses: its message is the tool's error result. */
    static final class ToolError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ToolError(String message) {
            super(message);
        }
    }
}

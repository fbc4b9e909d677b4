package dev.governor.cli;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/**
 * {@code gov mcp}: a Model Context Protocol server on stdin and stdout for an AI coding session; it runs
 * until stdin closes. Read-only: it never writes to the repository.
 */
@Command(name = "mcp", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = "Serve the Model Context Protocol on stdio (JSON-RPC 2.0, one message a line) so an AI coding"
                + " session can ask before it edits: tools context, check_pending, hotspots, explain, contract_diff"
                + " and adrs. Read-only; runs until stdin closes.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  gov mcp --repo .     register this command as a stdio MCP server in your AI coding tool"})
final class McpCommand implements Callable<Integer> {

    @ParentCommand
    private GovCommand gov;

    @Mixin
    private RepoOption repo;

    @Override
    public Integer call() throws InterruptedException {
        CountDownLatch closed = new CountDownLatch(1);
        InputStream in = new FilterInputStream(System.in) {
            @Override
            public int read() throws IOException {
                return ended(super.read());
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return ended(super.read(b, off, len));
            }

            private int ended(int n) {
                if (n < 0) {
                    closed.countDown();
                }
                return n;
            }
        };
        GovMcpServer server = GovMcpServer.start(repo.repository(), gov.environment(), in, System.out);
        try {
            closed.await(); // the client closes stdin to end the session
        } finally {
            server.close();
        }
        return Main.ExitCodes.OK;
    }
}

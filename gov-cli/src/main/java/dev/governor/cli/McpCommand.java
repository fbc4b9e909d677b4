package dev.governor.cli;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

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

    @Spec
    private CommandSpec spec;

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
        GovMcpServer server = GovMcpServer.start(repo.repository(), gov.environment(), in,
                new WriterStream(spec.commandLine().getOut()));
        try {
            closed.await(); // the client closes stdin to end the session
        } finally {
            server.close();
        }
        return Main.ExitCodes.OK;
    }

    /**
     * The command's writer as the byte stream the SDK's transport writes to: the transport writes whole UTF-8
     * messages and flushes after each, so each flush decodes whole characters. Through the writer, tests
     * capture every byte as they do for every other command.
     */
    static final class WriterStream extends OutputStream {
        private final PrintWriter out;
        private final java.io.ByteArrayOutputStream pending = new java.io.ByteArrayOutputStream();

        WriterStream(PrintWriter out) {
            this.out = out;
        }

        @Override
        public synchronized void write(int b) {
            pending.write(b);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            pending.write(b, off, len);
        }

        @Override
        public synchronized void flush() {
            out.write(pending.toString(StandardCharsets.UTF_8));
            pending.reset();
            out.flush();
        }

        @Override
        public void close() {
            flush();
        }
    }
}

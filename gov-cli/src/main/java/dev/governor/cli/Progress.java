package dev.governor.cli;

import java.io.PrintWriter;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A status line on stderr while long work runs (reading a long history), only when a person watches a
 * terminal: never in pipes, files or tests, so machine-readable output and determinism are untouched.
 * The engine reports no steps, so the line shows what is being done and for how long.
 */
final class Progress implements AutoCloseable {
    /** Quick runs show nothing: a line that flickers for a moment only distracts. */
    private static final long DELAY_MS = 800;

    private final PrintWriter err;
    private final ScheduledExecutorService timer;
    private final long started = System.nanoTime();
    private volatile boolean shown;

    private Progress() {
        this.err = null;
        this.timer = null;
    }

    private Progress(PrintWriter err, String what) {
        this.err = err;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "gov-progress");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleAtFixedRate(() -> show(what), DELAY_MS, 1000, TimeUnit.MILLISECONDS);
    }

    /** Starts a status line for {@code what} when {@code environment} is interactive, else does nothing. */
    static Progress start(CliEnvironment environment, PrintWriter err, String what) {
        return environment.interactive() ? new Progress(err, what) : new Progress();
    }

    private synchronized void show(String what) {
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
        err.print("\r\033[Kgov: " + what + " ... " + seconds + "s");
        err.flush();
        shown = true;
    }

    @Override
    public void close() {
        if (timer == null) {
            return;
        }
        timer.shutdownNow();
        try {
            timer.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            if (shown) {
                err.print("\r\033[K");
                err.flush();
            }
        }
    }
}

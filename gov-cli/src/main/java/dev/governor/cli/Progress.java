package dev.governor.cli;

import java.io.PrintWriter;
import java.time.Duration;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarConsumer;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar on stderr while long work runs (reading a long history), drawn by the progressbar library,
 * only when a person watches stderr on a terminal: never in pipes, files or tests, so machine-readable output
 * and determinism are untouched. The engine reports no steps, so the bar is indefinite: it shows what is being
 * done and for how long. It appears only after a moment (a quick run shows nothing) and is erased before the
 * report is printed.
 */
final class Progress implements AutoCloseable {
    /** Quick runs show nothing: a bar that flickers for a moment only distracts. */
    static final Duration DELAY = Duration.ofMillis(800);

    private final ProgressBar bar;

    private Progress(ProgressBar bar) {
        this.bar = bar;
    }

    /** Starts a bar for {@code what} when {@code environment} is interactive, else does nothing. */
    static Progress start(CliEnvironment environment, PrintWriter err, String what) {
        if (!environment.interactive()) {
            return new Progress(null);
        }
        ProgressBar bar = new ProgressBarBuilder()
                .setTaskName(what)
                .setInitialMax(-1) // indefinite: how much history is left is not known
                .setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(250)
                // redraw although no step is ever counted: the elapsed time must move, and the line appears
                // only after DELAY (without this, the library draws again only when the count changes)
                .continuousUpdate()
                .hideEta()
                .clearDisplayOnFinish()
                .setConsumer(new Line(err, environment.columns(), DELAY))
                .build();
        return new Progress(bar);
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }

    /**
     * Draws the bar on one line of the command's own stderr writer (the library's console consumer would take
     * System.err, which the command line never writes to directly), from {@code delay} on.
     */
    static final class Line implements ProgressBarConsumer {
        private final PrintWriter err;
        private final int width;
        private final long showFrom;
        private boolean shown;

        Line(PrintWriter err, int width, Duration delay) {
            this.err = err;
            this.width = width;
            this.showFrom = System.nanoTime() + delay.toNanos();
        }

        @Override
        public int getMaxRenderedLength() {
            return width;
        }

        @Override
        public synchronized void accept(String rendered) {
            if (System.nanoTime() < showFrom) {
                return;
            }
            String line = rendered.length() > width ? rendered.substring(0, width) : rendered;
            err.print("\r" + line);
            err.flush();
            shown = true;
        }

        @Override
        public synchronized void clear() {
            if (shown) {
                err.print("\r\033[K");
                err.flush();
                shown = false;
            }
        }

        @Override
        public void close() {
            clear();
        }
    }
}

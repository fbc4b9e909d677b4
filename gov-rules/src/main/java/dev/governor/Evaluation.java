package dev.governor;

import dev.governor.pack.View;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One run of the rules, read two ways: the {@link Report} of its findings, and the rows of the views asked
 * for (a pack's queries, such as the Intent pack's hotspots).
 *
 * <pre>{@code
 * Evaluation run = governor.evaluate(Scope.all(), IntentPack.HOTSPOTS);
 * List<HotspotStatus> hotspots = run.view(IntentPack.HOTSPOTS);
 * Report report = run.report();
 * }</pre>
 */
public final class Evaluation {
    private final Report report;
    private final Map<View<?>, List<?>> views;

    Evaluation(Report report, Map<View<?>, List<?>> views) {
        this.report = report;
        this.views = Map.copyOf(views);
    }

    /** The findings. */
    public Report report() {
        return report;
    }

    /**
     * The rows of a view asked for in {@code evaluate}; empty when its pack is not in force.
     *
     * @throws IllegalArgumentException when the view was not asked for
     */
    public <T> List<T> view(View<T> view) {
        Objects.requireNonNull(view, "view");
        List<?> rows = views.get(view);
        if (rows == null) {
            throw new IllegalArgumentException("view " + view.query() + " was not asked for: pass it to "
                    + "Governor.evaluate(scope, views…)");
        }
        @SuppressWarnings("unchecked") // the engine put rows of this view's type under its key
        List<T> typed = (List<T>) rows;
        return typed;
    }
}

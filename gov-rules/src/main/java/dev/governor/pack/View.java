package dev.governor.pack;

import java.util.Objects;
import java.util.function.Function;

/**
 * A query behind one of a pack's views ({@code gov hotspots} is the Intent pack's): the DRL query, the
 * binding it returns, and how a row becomes the view's public record. Read with
 * {@code Governor.evaluate(scope, view)}.
 *
 * <pre>{@code
 * Evaluation e = governor.evaluate(Scope.all(), IntentPack.HOTSPOTS);
 * List<HotspotStatus> hotspots = e.view(IntentPack.HOTSPOTS);
 * }</pre>
 *
 * @param pack    the id of the pack whose rules keep the queried facts
 * @param query   the DRL query's name
 * @param binding the query's binding to read
 * @param map     turns the bound fact into the view's record
 * @param <T>     the view's record
 */
public record View<T>(String pack, String query, String binding, Function<Object, T> map) {
    public View {
        Objects.requireNonNull(pack, "pack");
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(binding, "binding");
        Objects.requireNonNull(map, "map");
    }

    /** The view of {@code pack} that reads {@code query}'s {@code binding} in each row and maps it to a record. */
    public static <T> View<T> of(String pack, String query, String binding, Function<Object, T> map) {
        return new View<>(pack, query, binding, map);
    }
}

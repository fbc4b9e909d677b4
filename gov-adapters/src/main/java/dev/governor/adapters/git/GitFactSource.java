package dev.governor.adapters.git;

import dev.governor.api.Change;
import dev.governor.api.FactContext;
import dev.governor.api.FactSource;
import dev.governor.api.Facts;
import dev.governor.api.History;
import dev.governor.api.Review;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The embedded default fact source: the {@link Change}s of the repository's first-parent history and
 * the {@link Review}s of its PR records, as the governed {@link History} of the check has them
 * ({@link FactContext#history()}); when the engine passes none, it opens that history itself through
 * {@link GitHistoryProvider}. Found through {@link java.util.ServiceLoader}; with no repository in the
 * context it has nothing to say.
 *
 * <pre>{@code
 * Facts facts = new GitFactSource().read(new FactContext(Path.of("."), null, null, Instant.now(), Policy.defaults()));
 * }</pre>
 */
public final class GitFactSource implements FactSource {

    @Override
    public Facts read(FactContext context) {
        History history = context.history();
        if (history == null) {
            if (context.repository() == null) {
                return Facts.empty();
            }
            history = new GitHistoryProvider().open(context.repository(), context.branch(), context.since(),
                    context.policy());
        }
        Map<String, List<Review>> reviews = history.reviews().stream().collect(Collectors.groupingBy(Review::change));
        Facts.Builder facts = Facts.builder().repository(history.head(), history.branch());
        for (Change change : history.changes()) {
            facts.change(change);
            facts.addAll(reviews.getOrDefault(change.id(), List.of()));
        }
        return facts.build();
    }
}

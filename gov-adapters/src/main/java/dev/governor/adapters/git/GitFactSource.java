package dev.governor.adapters.git;

import dev.governor.api.Change;
import dev.governor.api.FactContext;
import dev.governor.api.FactSource;
import dev.governor.api.Facts;
import dev.governor.api.Review;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The embedded default fact source: the {@link Change}s of the repository's first-parent history and
 * the {@link Review}s of its PR records, read with JGit by {@link GitHistory}. Found through
 * {@link java.util.ServiceLoader}; with no repository in the context it has nothing to say.
 *
 * <pre>{@code
 * Facts facts = new GitFactSource().read(new FactContext(Path.of("."), null, null, Instant.now(), Policy.defaults()));
 * }</pre>
 */
public final class GitFactSource implements FactSource {

    @Override
    public Facts read(FactContext context) {
        if (context.repository() == null) {
            return Facts.empty();
        }
        try (GitHistory git = GitHistory.open(context.repository())) {
            GitHistory.Result history = git.read(context.branch(), context.since(), context.policy());
            Map<String, List<Review>> reviews = history.reviews().stream()
                    .collect(Collectors.groupingBy(Review::change));
            Facts.Builder facts = Facts.builder().repository(history.head(), history.branch());
            for (Change change : history.changes()) {
                facts.change(change);
                facts.addAll(reviews.getOrDefault(change.id(), new ArrayList<>()));
            }
            return facts.build();
        }
    }
}

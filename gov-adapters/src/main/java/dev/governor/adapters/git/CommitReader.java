package dev.governor.adapters.git;

import dev.governor.api.FileChange;
import dev.governor.api.GovernanceException;
import dev.governor.api.Trailer;
import org.eclipse.jgit.lib.AnyObjectId;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevSort;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.WindowCacheConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Reads the raw {@link CommitData} of a branch's first-parent history, oldest first. Commits found in
 * the {@link FactCache} are not diffed again; the others are diffed on two threads, each with its own
 * {@link ObjectReader} (readers are not thread-safe) and its own reusable tree walk and rename detector.
 */
final class CommitReader {

    private static final int THREADS = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));
    // below this many commits a second thread costs more than it saves
    private static final int PARALLEL_FROM = 64;
    private static final int CHUNK = 32;
    private static volatile boolean windowCacheTuned;

    private CommitReader() {
    }

    /**
     * JGit's default pack window cache (10 MiB) thrashes on a long history; a larger one was measured
     * to roughly halve the read time. It is JVM-wide, so it is installed once and only ever enlarged.
     */
    static synchronized void tuneWindowCache() {
        if (windowCacheTuned) {
            return;
        }
        WindowCacheConfig config = new WindowCacheConfig();
        long max = Runtime.getRuntime().maxMemory();
        long limit = Math.max(config.getPackedGitLimit(), Math.min(256L << 20, max / 8));
        config.setPackedGitLimit(limit);
        config.setPackedGitOpenFiles(Math.max(config.getPackedGitOpenFiles(), 256));
        config.setDeltaBaseCacheLimit((int) Math.max(config.getDeltaBaseCacheLimit(), Math.min(64L << 20, max / 16)));
        config.install();
        windowCacheTuned = true;
    }

    /**
     * What one read of a branch found.
     *
     * @param commits  the commits merged since {@code since}, oldest first (branch order)
     * @param ids      their change ids, unique on the branch (see {@link Changes#id})
     * @param boundary the SHA of a shallow clone's boundary commit among them (its parents are not in the
     *                 repository, so its files are unknown: it has none), or {@code null}
     * @param computed how many commits were diffed rather than found in the known ones
     */
    record Walk(List<CommitData> commits, List<String> ids, String boundary, int computed) {
        Walk {
            commits = List.copyOf(commits);
            ids = List.copyOf(ids);
        }
    }

    /**
     * The first-parent history from {@code head}, oldest first, without commits merged before {@code since}.
     * Ids are made unique over the whole first-parent history, {@code since} or not, so that a change keeps
     * its id whatever window is read.
     *
     * @param known commits already read, by SHA (a fact cache); those diffed now are added to it
     */
    static Walk read(Repository repo, ObjectId head, Instant since, Map<String, CommitData> known) throws IOException {
        tuneWindowCache();
        List<Job> jobs = new ArrayList<>();
        List<CommitData> result = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        String boundary = null;
        try (RevWalk walk = new RevWalk(repo)) {
            walk.setFirstParent(true);
            walk.markStart(walk.parseCommit(head));
            List<RevCommit> chain = new ArrayList<>();
            for (RevCommit c : walk) {
                chain.add(c);
            }
            // JGit gives a shallow clone's boundary commits no parents: only the shallow file tells them from a root
            Set<ObjectId> shallow = walk.getObjectReader().getShallowCommits();
            Set<String> numbers = new HashSet<>();
            for (int i = chain.size() - 1; i >= 0; i--) {
                RevCommit c = chain.get(i);
                boolean inWindow = since == null || !Instant.ofEpochSecond(c.getCommitTime()).isBefore(since);
                CommitData hit = inWindow ? known.get(c.name()) : null;
                String number = Changes.number(hit != null ? hit.subject() : c.getShortMessage());
                // a number already taken by an earlier change (reused, cherry-picked) is no id: the SHA is
                String id = number != null && numbers.add(number) ? number : Changes.abbreviate(c.name());
                if (!inWindow) {
                    continue;
                }
                boolean isBoundary = i == chain.size() - 1 && c.getParentCount() == 0 && shallow.contains(c);
                if (isBoundary) {
                    boundary = c.name();
                }
                ids.add(id);
                result.add(hit);
                if (hit == null) {
                    ObjectId parentTree = null;
                    if (c.getParentCount() > 0) {
                        RevCommit parent = c.getParent(0);
                        walk.parseHeaders(parent);
                        parentTree = parent.getTree();
                    }
                    jobs.add(new Job(result.size() - 1, c, parentTree, isBoundary));
                }
            }
            if (!jobs.isEmpty()) {
                CommitData[] computed = compute(repo, jobs);
                for (int j = 0; j < jobs.size(); j++) {
                    result.set(jobs.get(j).index, computed[j]);
                    known.put(computed[j].sha(), computed[j]);
                }
            }
        }
        return new Walk(result, ids, boundary, jobs.size());
    }

    /** What shapes the raw data of a commit besides its SHA: the fact cache is keyed on it. */
    static String settings(Repository repo) throws IOException {
        try (ObjectReader reader = repo.newObjectReader()) {
            List<String> shallow = new ArrayList<>();
            for (ObjectId id : reader.getShallowCommits()) {
                shallow.add(id.name());
            }
            Collections.sort(shallow);
            // a deepened or unshallowed clone knows more of its boundary commits and merged sides
            return Renames.SETTINGS + ";shallow=" + (shallow.isEmpty() ? "none" : String.join(",", shallow));
        }
    }

    /** One commit to diff; a boundary commit is not diffed: its files are unknown. */
    private record Job(int index, RevCommit commit, ObjectId parentTree, boolean boundary) {}

    private static CommitData[] compute(Repository repo, List<Job> jobs) throws IOException {
        CommitData[] out = new CommitData[jobs.size()];
        AtomicInteger next = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        int threads = jobs.size() < PARALLEL_FROM ? 1 : THREADS;
        // long runs of neighbouring commits per thread: a commit's old trees are its parent's new trees
        int chunk = Math.max(CHUNK, jobs.size() / (threads * 8));
        Runnable work = () -> {
            try (Differ differ = new Differ(repo)) {
                for (int start = next.getAndAdd(chunk); start < jobs.size() && failure.get() == null;
                     start = next.getAndAdd(chunk)) {
                    int end = Math.min(jobs.size(), start + chunk);
                    // jobs are oldest first: measured a third cheaper, JGit keeps only the last delta base per read
                    for (int j = start; j < end; j++) {
                        out[j] = differ.data(jobs.get(j));
                    }
                }
            } catch (IOException e) {
                failure.compareAndSet(null, new UncheckedIOException(e));
            } catch (RuntimeException | Error e) {
                failure.compareAndSet(null, e);
            }
        };
        List<Thread> helpers = new ArrayList<>();
        for (int t = 1; t < threads; t++) {
            Thread helper = new Thread(work, "governor-git-diff-" + t);
            helper.setDaemon(true);
            helper.start();
            helpers.add(helper);
        }
        work.run();
        for (Thread helper : helpers) {
            try {
                helper.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while reading git history", e);
            }
        }
        Throwable t = failure.get();
        if (t instanceof UncheckedIOException u) {
            throw u.getCause();
        }
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return out;
    }

    /** One thread's diff machinery: nothing in it may be shared between threads. */
    private static final class Differ implements AutoCloseable {
        private final ObjectReader reader;
        private final TreeDiff treeDiff;
        private final Renames renames;
        private final RevWalk sideWalk;

        Differ(Repository repo) {
            reader = new TreeCachingReader(repo.newObjectReader());
            treeDiff = new TreeDiff(reader);
            renames = new Renames(reader);
            sideWalk = new RevWalk(reader);
        }

        CommitData data(Job job) throws IOException {
            RevCommit c = job.commit;
            String message = c.getFullMessage();
            String subject = c.getShortMessage();
            // a shallow clone's boundary has no known parent: its files are unknown, not all added
            List<FileChange> files = job.boundary ? List.of() : files(job.parentTree, c.getTree());
            return new CommitData(c.name(), c.getCommitTime(), email(c.getAuthorIdent()), subject,
                    Changes.mergeTitle(subject, message), Trailers.parse(message), Trailers.revertedCommit(message),
                    files, merged(c), authorTime(c));
        }

        private List<FileChange> files(ObjectId parentTree, ObjectId tree) throws IOException {
            List<TreeDiff.Delta> queue = new ArrayList<>();
            treeDiff.diff(parentTree, tree, queue);
            return renames.detect(queue);
        }

        /** The merged side of a merge: reachable from its other parents but not from the first, newest first. */
        private List<CommitData.Merged> merged(RevCommit merge) throws IOException {
            if (merge.getParentCount() < 2) {
                return List.of();
            }
            sideWalk.reset();
            sideWalk.sort(RevSort.COMMIT_TIME_DESC);
            for (int p = 1; p < merge.getParentCount(); p++) {
                sideWalk.markStart(sideWalk.parseCommit(merge.getParent(p)));
            }
            sideWalk.markUninteresting(sideWalk.parseCommit(merge.getParent(0)));
            List<CommitData.Merged> merged = new ArrayList<>();
            for (RevCommit side : sideWalk) {
                String message = side.getFullMessage();
                List<Trailer> trailers = Trailers.parse(message);
                merged.add(new CommitData.Merged(email(side.getAuthorIdent()), trailers, Trailers.revertedCommit(message),
                        authorTime(side)));
            }
            return merged;
        }

        /** The author time, epoch seconds; a commit without a readable author line was written when committed. */
        private static long authorTime(RevCommit c) {
            PersonIdent who = c.getAuthorIdent();
            return who == null ? c.getCommitTime() : who.getWhenAsInstant().getEpochSecond();
        }

        private static String email(PersonIdent who) {
            if (who == null) {
                return null;
            }
            String email = who.getEmailAddress();
            return email == null || email.isEmpty() ? null : email;
        }

        @Override
        public void close() {
            sideWalk.close();
            reader.close();
        }
    }

    /**
     * Keeps the last trees read: walking the history, a commit's old side is the next commit's new
     * side, so without it every tree would be inflated (and its delta chain applied) twice.
     */
    private static final class TreeCachingReader extends ObjectReader.Filter {
        private static final int TREES = 256;
        private final ObjectReader delegate;
        private final Map<ObjectId, ObjectLoader> trees = new LinkedHashMap<>(TREES * 2, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<ObjectId, ObjectLoader> eldest) {
                return size() > TREES;
            }
        };

        TreeCachingReader(ObjectReader delegate) {
            this.delegate = delegate;
        }

        @Override
        protected ObjectReader delegate() {
            return delegate;
        }

        @Override
        public ObjectLoader open(AnyObjectId id, int typeHint) throws IOException {
            if (typeHint != Constants.OBJ_TREE) {
                return delegate.open(id, typeHint);
            }
            ObjectLoader tree = trees.get(id);
            if (tree == null) {
                tree = new ObjectLoader.SmallObject(Constants.OBJ_TREE, delegate.open(id, typeHint).getCachedBytes());
                trees.put(id.copy(), tree);
            }
            return tree;
        }

        @Override
        public ObjectReader newReader() {
            return new TreeCachingReader(delegate.newReader());
        }
    }

    /** A read failure, as a {@link GovernanceException} naming the repository. */
    static GovernanceException failure(String repo, IOException e) {
        return new GovernanceException(repo, 0, "cannot read the git history: " + e.getMessage()
                + " (is the repository complete? a shallow or partial clone lacks objects: fetch the full history)", e);
    }
}

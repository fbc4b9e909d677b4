package dev.governor.internal.engine;

import dev.governor.api.Change;
import dev.governor.api.Fact;
import dev.governor.api.FactContext;
import dev.governor.api.FactSource;
import dev.governor.api.Facts;
import dev.governor.api.Finding;
import dev.governor.api.GovernanceException;
import dev.governor.api.History;
import dev.governor.api.HistoryProvider;
import dev.governor.api.Policy;
import dev.governor.api.Severity;
import dev.governor.api.FileTree;
import dev.governor.pack.ContextEntry;
import dev.governor.pack.ContextRequest;
import dev.governor.pack.Derivation;
import dev.governor.pack.Findings;
import dev.governor.pack.Now;
import dev.governor.pack.Pack;
import dev.governor.pack.SectionReader;
import dev.governor.pack.View;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionConfiguration;
import org.kie.api.runtime.conf.ClockTypeOption;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.runtime.rule.QueryResults;
import org.kie.api.runtime.rule.QueryResultsRow;
import org.kie.api.time.SessionPseudoClock;

/**
 * One run of the rules. Opens the repository's governed history once (through a {@link HistoryProvider}),
 * reads the facts from every source, lets each pack in force derive its facts, and fires the packs'
 * agenda groups in run order in a fresh session of the precompiled base, then of the compiled one (packs
 * from other jars and custom rules, which also see the first session's findings). Knows packs only
 * through the SPI: it names none of them.
 */
public final class Engine {

    private final RuleSet rules;
    private final Packs packs;
    private final Policy policy;
    private final Path repository;
    private final String branch;
    private final Clock clock;
    private final List<FactSource> sources;
    private final ClassLoader loader;
    /** The commit message of the staged change to add on top of the head, or {@code null} for none. */
    private String stagedMessage;

    public Engine(RuleSet rules, Packs packs, Policy policy, Path repository, String branch, Clock clock,
                  List<FactSource> sources, ClassLoader loader) {
        this.rules = rules;
        this.packs = packs;
        this.policy = policy;
        this.repository = repository;
        this.branch = branch;
        this.clock = clock;
        this.sources = List.copyOf(sources);
        this.loader = loader;
    }

    /**
     * Adds what is staged in the repository's index as one more change on top of the head, with this commit
     * message ({@link HistoryProvider#staged}).
     */
    public Engine staged(String message) {
        this.stagedMessage = java.util.Objects.requireNonNull(message, "message");
        return this;
    }

    /** Every {@link FactSource} registered with {@link ServiceLoader} on this class loader, by class name. */
    public static List<FactSource> serviceLoadedSources(ClassLoader loader) {
        List<FactSource> found = new ArrayList<>();
        ServiceLoader.load(FactSource.class, loader).forEach(found::add);
        found.sort((a, b) -> a.getClass().getName().compareTo(b.getClass().getName()));
        return found;
    }

    /**
     * What one run produced.
     *
     * @param findings    every finding, after the policy's overrides, of the packs in force
     * @param evaluatedAt the clock's reading
     * @param origin      the repository state read, or {@code null}
     * @param shallow     whether the history read is a shallow clone's
     * @param factCounts  facts seen, by kind
     * @param changes     the changes seen, in branch order
     * @param views       the rows of each view asked for
     */
    public record Outcome(List<Finding> findings, Instant evaluatedAt, Facts.Origin origin, boolean shallow,
                          Map<String, Integer> factCounts, List<Change> changes, Map<View<?>, List<?>> views,
                          ContextAnswer context) {
        /** An outcome with no context asked for. */
        public Outcome(List<Finding> findings, Instant evaluatedAt, Facts.Origin origin, boolean shallow,
                       Map<String, Integer> factCounts, List<Change> changes, Map<View<?>, List<?>> views) {
            this(findings, evaluatedAt, origin, shallow, factCounts, changes, views, null);
        }
    }

    /**
     * A question for every pack in force: what must a change to these paths know ({@link Pack#context}).
     *
     * @param paths       repository-relative paths, already checked
     * @param recentSince where "recent" starts
     */
    public record ContextAsk(List<String> paths, Instant recentSince) {
        public ContextAsk {
            paths = List.copyOf(paths);
        }
    }

    /**
     * The packs' answers to a {@link ContextAsk}.
     *
     * @param byPack each pack in force, in run order, with what it told
     * @param heads  each path asked about: {@code file}, {@code directory} or {@code missing} at the head, or
     *               {@code unknown} when no repository is read
     */
    public record ContextAnswer(Map<String, List<ContextEntry>> byPack, Map<String, String> heads) {}

    /** Reads the facts and runs the rules; also reads the rows of {@code views}. */
    public Outcome run(List<View<?>> views) {
        return run(views, null);
    }

    /**
     * Reads the facts and runs the rules; also reads the rows of {@code views}, and, when {@code ask} is given,
     * asks every pack in force what a change to its paths must know.
     */
    public Outcome run(List<View<?>> views, ContextAsk ask) {
        Instant now = clock.instant();
        Instant governedFrom = policy.since() == null ? null : policy.since().atStartOfDay(ZoneOffset.UTC).toInstant();
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(loader);
        try {
            RuleSet.preload();
            History history = repository == null ? null : openHistory(governedFrom, now);
            FactContext context = new FactContext(repository, branch, governedFrom, now, policy, history);
            Facts facts = Facts.empty();
            for (FactSource source : sources) {
                Facts more = source.read(context);
                if (more == null) {
                    throw new GovernanceException(name(source), 0, "this FactSource returned null from read(…): "
                            + "return Facts.empty() when it has nothing to say");
                }
                facts = facts.plus(more);
            }
            Facts.Origin origin = history != null ? new Facts.Origin(history.head(), history.branch()) : facts.repository();
            return evaluate(facts, history, now, views, origin, ask);
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    /**
     * A fact source as its author knows it: its class, or for a lambda or an anonymous class the class that
     * declares it (the JVM's name for a lambda changes from run to run).
     */
    static String name(FactSource source) {
        Class<?> type = source.getClass();
        String name = type.getName();
        int lambda = name.indexOf("$$Lambda");
        if (lambda >= 0) {
            return "a FactSource lambda in " + name.substring(0, lambda);
        }
        if (type.isAnonymousClass()) {
            return "an anonymous FactSource in " + type.getEnclosingClass().getName();
        }
        return name;
    }

    private History openHistory(Instant governedFrom, Instant now) {
        List<HistoryProvider> providers = new ArrayList<>();
        ServiceLoader.load(HistoryProvider.class, loader).forEach(providers::add);
        if (providers.isEmpty()) {
            throw new GovernanceException(repository.toString(), 0, "cannot read this repository: no history reader "
                    + "is on the class path; add dev.governor:gov-adapters (the git adapter) as a dependency");
        }
        providers.sort((a, b) -> a.getClass().getName().compareTo(b.getClass().getName()));
        HistoryProvider provider = providers.get(0);
        return stagedMessage == null ? provider.open(repository, branch, governedFrom, policy)
                : provider.staged(repository, branch, governedFrom, policy, stagedMessage, now);
    }

    private Outcome evaluate(Facts facts, History history, Instant now, List<View<?>> views, Facts.Origin origin,
                             ContextAsk ask) {
        List<Change> ordered = BranchOrder.sort(facts.changes());
        List<Pack> inForce = packs.inForce(policy);
        List<Object> common = new ArrayList<>();
        common.add(new Now(now));
        Set<String> sectionKeys = new HashSet<>();
        for (Pack pack : inForce) {
            for (SectionReader<?> section : pack.sections()) {
                if (sectionKeys.add(section.section().key())) {
                    common.add(policy.section(section.section()));
                }
            }
        }
        Map<View<?>, List<?>> rows = new LinkedHashMap<>();
        Map<String, List<ContextEntry>> told = ask == null ? null : new LinkedHashMap<>();
        List<Pack> first = inForce.stream().filter(p -> rules.precompiled(p.id())).toList();
        List<Finding> builtIn = session(RuleSet.builtIn(), first, common, facts, history, ordered, List.of(), now, views,
                rows, ask, told);
        List<Finding> all = new ArrayList<>(builtIn);
        KieBase compiled = rules.compiled();
        if (compiled != null) {
            List<Pack> second = inForce.stream().filter(p -> !rules.precompiled(p.id())).toList();
            all.addAll(session(compiled, second, common, facts, history, ordered, builtIn, now, views, rows, ask,
                    told));
        }
        for (View<?> view : views) {
            rows.putIfAbsent(view, List.of()); // its pack is not in force
        }
        ContextAnswer answer = null;
        if (ask != null) {
            Map<String, List<ContextEntry>> byPack = new LinkedHashMap<>();
            for (Pack pack : inForce) { // run order, whichever session each ran in
                byPack.put(pack.id(), told.getOrDefault(pack.id(), List.of()));
            }
            answer = new ContextAnswer(byPack, heads(ask.paths(), history, ordered));
        }
        return new Outcome(applyPolicy(all), now, origin, history != null && history.shallow(), counts(facts), ordered,
                rows, answer);
    }

    /** One session: facts in, each pack's derivation, agenda groups in run order, findings and views out. */
    private List<Finding> session(KieBase base, List<Pack> running, List<Object> common, Facts facts, History history,
                                  List<Change> ordered, List<Finding> earlier, Instant now, List<View<?>> views,
                                  Map<View<?>, List<?>> rows, ContextAsk ask, Map<String, List<ContextEntry>> told) {
        KieSession session = newSession(base, now);
        try {
            // the compiled base holds custom rules: hold each finding to the rule that inserted it
            ReportedBy reportedBy = base == RuleSet.builtIn() ? null : new ReportedBy(policy);
            if (reportedBy != null) {
                session.addEventListener(reportedBy);
            }
            session.setGlobal(Findings.POLICY_GLOBAL, policy);
            common.forEach(session::insert);
            for (Fact fact : facts.facts()) {
                session.insert(fact);
            }
            Set<Finding> seen = Collections.newSetFromMap(new IdentityHashMap<>());
            for (Finding f : earlier) {
                session.insert(f);
                seen.add(f);
            }
            Derivation derivation = new SessionDerivation(policy, now, facts, ordered, history, session);
            for (Pack pack : running) {
                pack.derive(derivation);
            }
            for (int i = running.size() - 1; i >= 0; i--) {
                session.getAgenda().getAgendaGroup(running.get(i).id()).setFocus();
            }
            session.fireAllRules();
            if (reportedBy != null) {
                reportedBy.check(rules);
            }
            Set<String> here = new HashSet<>();
            running.forEach(p -> here.add(p.id()));
            for (View<?> view : views) {
                if (here.contains(view.pack())) {
                    rows.put(view, query(session, view.query(), view.binding()).stream().map(view.map()).toList());
                }
            }
            List<Finding> found = query(session, RuleSet.FINDINGS_QUERY, "$finding").stream().map(Finding.class::cast)
                    .filter(f -> !seen.contains(f)).toList();
            if (ask != null) {
                List<Finding> sofar = new ArrayList<>(earlier);
                sofar.addAll(found);
                SessionContext request = new SessionContext(ask, policy, now, facts, ordered, history,
                        applyPolicy(sofar), here, session);
                for (Pack pack : running) {
                    told.put(pack.id(), told(pack, request));
                }
            }
            return found;
        } catch (RuntimeException e) {
            GovernanceException named = RuleDiagnostics.whileRunning(e, rules::fileOf);
            throw named != null ? named : e;
        } finally {
            session.dispose();
        }
    }

    /**
     * Watches which rule inserts each finding: a rule reports under its own id, with the severity its
     * {@code @severity} declares (or the policy's override of it). The first that does not is the error.
     */
    private static final class ReportedBy extends DefaultRuleRuntimeEventListener {
        private final Policy policy;
        private String ruleId;
        private Severity declared;
        private Finding finding;

        ReportedBy(Policy policy) {
            this.policy = policy;
        }

        @Override
        public void objectInserted(ObjectInsertedEvent event) {
            if (finding != null || event.getRule() == null || !(event.getObject() instanceof Finding f)) {
                return;
            }
            String id = event.getRule().getName();
            Severity declared = RuleSet.declared(event.getRule());
            Severity override = policy.rule(id).severity();
            if (!f.ruleId().equals(id) || declared != null && f.severity() != declared && f.severity() != override) {
                ruleId = id;
                this.declared = declared;
                finding = f;
            }
        }

        void check(RuleSet rules) {
            if (finding == null) {
                return;
            }
            DrlFile file = rules.fileOf(ruleId);
            DrlFile.Rule rule = file == null ? null : file.rule(ruleId);
            String source = file != null ? file.name() : "rules";
            int line = rule != null ? rule.thenLine() : 0;
            if (!finding.ruleId().equals(ruleId)) {
                throw new GovernanceException(source, line, "rule '" + ruleId + "' reported a finding of '"
                        + finding.ruleId() + "': a rule reports under its own id, so that governance.yml, gov rules "
                        + "and GovRules find it; write Finding.of(\"" + ruleId + "\", …)");
            }
            throw new GovernanceException(source, line, RuleDiagnostics.disagree(ruleId, declared.id(),
                    finding.severity().id()));
        }
    }

    /** A session on the pseudo clock set to now: rules never see the wall clock. */
    private static KieSession newSession(KieBase base, Instant now) {
        KieSessionConfiguration conf = KieServices.get().newKieSessionConfiguration();
        conf.setOption(ClockTypeOption.PSEUDO);
        KieSession session = base.newKieSession(conf, null);
        SessionPseudoClock pseudo = session.getSessionClock();
        pseudo.advanceTime(now.toEpochMilli(), TimeUnit.MILLISECONDS);
        return session;
    }

    private static List<Object> query(KieSession session, String query, String binding) {
        QueryResults results = session.getQueryResults(query);
        List<Object> out = new ArrayList<>(results.size());
        for (QueryResultsRow row : results) {
            out.add(row.get(binding));
        }
        return out;
    }

    /** The policy's word on each finding: rules turned off, severities changed, layers not in force. */
    private List<Finding> applyPolicy(List<Finding> findings) {
        List<Finding> out = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            Policy.RuleSetting setting = policy.rule(f.ruleId());
            if (!setting.enabled() || !policy.inForce(f.layer())) {
                continue;
            }
            out.add(setting.severity() != null && setting.severity() != f.severity() ? f.withSeverity(setting.severity()) : f);
        }
        return out;
    }

    /** Facts seen by kind ({@code changes}, {@code adrs} …): every kind of fact, in one pass. */
    private static Map<String, Integer> counts(Facts facts) {
        Map<Class<?>, int[]> byKind = new LinkedHashMap<>();
        for (Class<?> kind : Fact.class.getPermittedSubclasses()) {
            byKind.put(kind, new int[1]);
        }
        Class<?> last = null;
        int[] counter = null;
        for (Fact fact : facts.facts()) {
            if (fact.getClass() != last) { // facts come in runs of one kind: look the counter up once a run
                last = fact.getClass();
                counter = byKind.get(last);
            }
            counter[0]++;
        }
        Map<String, Integer> counts = new TreeMap<>();
        byKind.forEach((kind, n) -> counts.put(name(kind), n[0]));
        return counts;
    }

    /** {@code ContractDiff} → {@code contractDiffs}. */
    private static String name(Class<?> kind) {
        String simple = kind.getSimpleName();
        return Character.toLowerCase(simple.charAt(0)) + simple.substring(1) + "s";
    }

    /**
     * What a pack told, sorted so that the same run gives the same answer whatever order the pack found things in:
     * by path (entries about every path first), then kind, then text.
     */
    private static List<ContextEntry> told(Pack pack, ContextRequest request) {
        List<ContextEntry> entries = pack.context(request);
        if (entries == null) {
            throw new GovernanceException(pack.getClass().getName(), 0, "pack '" + pack.id() + "' returned null from "
                    + "context(…): return an empty list when it has nothing to tell");
        }
        List<ContextEntry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparing((ContextEntry e) -> e.path() == null ? "" : e.path())
                .thenComparing(ContextEntry::kind).thenComparing(ContextEntry::text));
        return List.copyOf(sorted);
    }

    /** Each path asked about as the head has it: a file, a directory, missing, or unknown without a repository. */
    private static Map<String, String> heads(List<String> paths, History history, List<Change> ordered) {
        Map<String, String> heads = new LinkedHashMap<>();
        FileTree tree = history == null || ordered.isEmpty() ? null : history.tree(ordered.get(ordered.size() - 1));
        for (String path : paths) {
            if (history == null) {
                heads.put(path, "unknown");
            } else if (tree != null && tree.contains(path)) {
                heads.put(path, "file");
            } else if (tree != null && !tree.files(path).isEmpty()) {
                heads.put(path, "directory");
            } else {
                heads.put(path, "missing");
            }
        }
        return heads;
    }

    /** A pack's view of one finished session, for {@link Pack#context}. */
    private record SessionContext(ContextAsk ask, Policy policy, Instant now, Facts facts, List<Change> changes,
                                  History history, List<Finding> findings, Set<String> here, KieSession session)
            implements ContextRequest {
        @Override
        public List<String> paths() {
            return ask.paths();
        }

        @Override
        public Instant recentSince() {
            return ask.recentSince();
        }

        @Override
        public <T> List<T> rows(View<T> view) {
            if (!here.contains(view.pack())) {
                return List.of();
            }
            return query(session, view.query(), view.binding()).stream().map(view.map()).toList();
        }
    }

    /** The derivation step's view of one session. */
    private record SessionDerivation(Policy policy, Instant now, Facts facts, List<Change> changes, History history,
                                     KieSession session) implements Derivation {
        @Override
        public void insert(Object fact) {
            session.insert(fact);
        }
    }
}

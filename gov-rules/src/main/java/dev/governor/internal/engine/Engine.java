package dev.governor.internal.engine;

import dev.governor.Governor;
import dev.governor.HotspotStatus;
import dev.governor.api.Adr;
import dev.governor.api.Change;
import dev.governor.api.Contract;
import dev.governor.api.ContractDiff;
import dev.governor.api.Deployment;
import dev.governor.api.Fact;
import dev.governor.api.FactContext;
import dev.governor.api.FactSource;
import dev.governor.api.Facts;
import dev.governor.api.Finding;
import dev.governor.api.GateResult;
import dev.governor.api.Incident;
import dev.governor.api.Layer;
import dev.governor.api.Policy;
import dev.governor.api.Review;
import dev.governor.rules.FileState;
import dev.governor.rules.Now;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionConfiguration;
import org.kie.api.runtime.conf.ClockTypeOption;
import org.kie.api.runtime.rule.QueryResults;
import org.kie.api.runtime.rule.QueryResultsRow;
import org.kie.api.time.SessionPseudoClock;

/**
 * One run of the rules: reads facts from the sources, inserts them into a fresh session of the
 * built-in pack (then of the custom rules, which also see the built-in findings), and reads the
 * findings back with a query. Sessions live for one run; knowledge bases are shared.
 */
public final class Engine {

    /** History read when neither the caller nor the policy says {@code since} (spec/cli.md). */
    static final Duration DEFAULT_HISTORY = Duration.ofDays(90);
    /** The order layers run in: Release reads the findings of the others, so it runs last. */
    private static final List<Layer> RUN_ORDER = List.of(Layer.INTENT, Layer.CONTRACT, Layer.CHANGE, Layer.LEARNING,
            Layer.RELEASE);

    private final RuleSet rules;
    private final Policy policy;
    private final Path repository;
    private final String branch;
    private final Instant since;
    private final Clock clock;
    private final List<FactSource> sources;

    public Engine(RuleSet rules, Policy policy, Path repository, String branch, Instant since, Clock clock,
                  List<FactSource> sources) {
        this.rules = rules;
        this.policy = policy;
        this.repository = repository;
        this.branch = branch;
        this.since = since;
        this.clock = clock;
        this.sources = sources;
    }

    /** Every {@link FactSource} registered with {@link ServiceLoader} on gov-rules' class path. */
    public static List<FactSource> serviceLoadedSources() {
        List<FactSource> found = new ArrayList<>();
        ServiceLoader.load(FactSource.class, Governor.class.getClassLoader()).forEach(found::add);
        found.sort((a, b) -> a.getClass().getName().compareTo(b.getClass().getName()));
        return found;
    }

    /**
     * What one run produced.
     *
     * @param findings    every finding, after the policy's overrides, of the layers in force
     * @param evaluatedAt the clock's reading
     * @param origin      the repository state read, or {@code null}
     * @param factCounts  facts seen, by kind
     * @param states      the Intent layer's per-subject state, when asked for (else empty)
     * @param changes     the changes seen, by id, for scoping by SHA
     */
    public record Outcome(List<Finding> findings, Instant evaluatedAt, Facts.Origin origin,
                          Map<String, Integer> factCounts, List<HotspotStatus> states, List<Change> changes) {}

    /** Reads the facts and runs the rules; {@code withStates} also reads back each subject's hotspot state. */
    public Outcome run(boolean withStates) {
        Instant now = clock.instant();
        Instant from = since != null ? since
                : policy.since() != null ? policy.since().atStartOfDay(ZoneOffset.UTC).toInstant()
                : now.minus(DEFAULT_HISTORY);
        FactContext context = new FactContext(repository, branch, from, now, policy);
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(Governor.class.getClassLoader());
        try {
            RuleSet.preload();
            Facts facts = Facts.empty();
            for (FactSource source : sources) {
                facts = facts.plus(source.read(context));
            }
            return evaluate(facts, now, withStates);
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    private Outcome evaluate(Facts facts, Instant now, boolean withStates) {
        List<Change> ordered = new ArrayList<>(facts.changes());
        ordered.sort(Touches.MERGE_ORDER);
        List<Object> common = new ArrayList<>();
        common.add(new Now(now));
        common.add(policy.hotspot());
        common.add(policy.intent());
        common.add(policy.release());
        common.add(policy.learning());

        KieSession session = newSession(RuleSet.builtIn(), now);
        List<Finding> builtIn;
        List<HotspotStatus> states;
        try {
            common.forEach(session::insert);
            for (Fact fact : facts.facts()) {
                session.insert(fact);
            }
            if (policy.inForce(Layer.INTENT) && !ordered.isEmpty()) {
                for (FileState state : Touches.states(ordered, policy.hotspot(), now.minus(policy.hotspot().window()))) {
                    session.insert(state);
                }
            }
            for (int i = RUN_ORDER.size() - 1; i >= 0; i--) {
                if (policy.inForce(RUN_ORDER.get(i))) {
                    session.getAgenda().getAgendaGroup(RUN_ORDER.get(i).id()).setFocus();
                }
            }
            session.fireAllRules();
            builtIn = query(session, RuleSet.FINDINGS_QUERY, "$finding", Finding.class);
            states = !withStates ? List.of() : query(session, RuleSet.STATES_QUERY, "$state", FileState.class).stream()
                    .map(Engine::status).toList();
        } finally {
            session.dispose();
        }

        List<Finding> all = new ArrayList<>(builtIn);
        KieBase custom = rules.custom();
        if (custom != null) {
            all.addAll(runCustom(custom, common, facts, builtIn, now));
        }
        return new Outcome(applyPolicy(all), now, facts.repository(), counts(facts), states, ordered);
    }

    private List<Finding> runCustom(KieBase custom, List<Object> common, Facts facts, List<Finding> builtIn, Instant now) {
        KieSession session = newSession(custom, now);
        try {
            common.forEach(session::insert);
            for (Fact fact : facts.facts()) {
                session.insert(fact);
            }
            Set<Finding> seen = Collections.newSetFromMap(new IdentityHashMap<>());
            for (Finding f : builtIn) {
                session.insert(f);
                seen.add(f);
            }
            session.fireAllRules();
            return query(session, RuleSet.FINDINGS_QUERY, "$finding", Finding.class).stream()
                    .filter(f -> !seen.contains(f)).toList();
        } finally {
            session.dispose();
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

    private static <T> List<T> query(KieSession session, String query, String binding, Class<T> type) {
        QueryResults results = session.getQueryResults(query);
        List<T> out = new ArrayList<>(results.size());
        for (QueryResultsRow row : results) {
            out.add(type.cast(row.get(binding)));
        }
        return out;
    }

    /** The policy's word on each finding: layers in force, rules turned off, severities changed. */
    private List<Finding> applyPolicy(List<Finding> findings) {
        List<Finding> out = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            Policy.RuleSetting setting = policy.rule(f.ruleId());
            if (!setting.enabled() || !policy.inForce(f.layer())) {
                continue;
            }
            out.add(setting.severity() != null ? f.withSeverity(setting.severity()) : f);
        }
        return out;
    }

    private static HotspotStatus status(FileState s) {
        Finding lock = s.getLockFinding();
        return new HotspotStatus(s.getPath(), s.getRecentTactical(),
                s.getCounted().stream().map(t -> t.change().id()).toList(), s.isLocked(),
                lock == null ? null : lock.at(),
                lock == null ? List.of() : lock.evidence().stream().map(r -> r.id()).toList());
    }

    /** Facts seen by kind, in one pass: the five the schema names always, the others when present. */
    private static Map<String, Integer> counts(Facts facts) {
        int[] n = new int[8];
        for (Fact fact : facts.facts()) {
            // Java 17: no pattern switch yet; the sealed Fact keeps this list complete
            if (fact instanceof Change) {
                n[0]++;
            } else if (fact instanceof Adr) {
                n[1]++;
            } else if (fact instanceof Contract) {
                n[2]++;
            } else if (fact instanceof Deployment) {
                n[3]++;
            } else if (fact instanceof Incident) {
                n[4]++;
            } else if (fact instanceof ContractDiff) {
                n[5]++;
            } else if (fact instanceof GateResult) {
                n[6]++;
            } else if (fact instanceof Review) {
                n[7]++;
            }
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("changes", n[0]);
        counts.put("adrs", n[1]);
        counts.put("contracts", n[2]);
        counts.put("deployments", n[3]);
        counts.put("incidents", n[4]);
        putIfAny(counts, "contractDiffs", n[5]);
        putIfAny(counts, "gateResults", n[6]);
        putIfAny(counts, "reviews", n[7]);
        return counts;
    }

    private static void putIfAny(Map<String, Integer> counts, String key, int n) {
        if (n > 0) {
            counts.put(key, n);
        }
    }
}

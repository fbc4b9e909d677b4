package dev.governor.api;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * An immutable set of facts: what a {@link FactSource} yields and what the rules see. Built in memory
 * for tests of custom rules, no repository needed:
 *
 * <pre>{@code
 * Facts facts = Facts.builder()
 *     .change(Change.builder("#1").mergedAt(now).declaredType("tactical-fix").build())
 *     .deployment(new Deployment("d1", sha, "prod", friday, Deployment.Status.SUCCESS))
 *     .build();
 * }</pre>
 *
 * @param repository where the facts were read from, or {@code null} for facts built in memory
 * @param facts      every fact, in the order they were added
 */
public record Facts(Origin repository, List<Fact> facts) {

    /**
     * The repository state facts were read from.
     *
     * @param head   the full SHA of the branch's head commit
     * @param branch the branch whose history was read
     */
    public record Origin(String head, String branch) {
        public Origin {
            Objects.requireNonNull(head, "head");
            Objects.requireNonNull(branch, "branch");
        }
    }

    public Facts {
        facts = List.copyOf(facts);
    }

    /** No facts at all. */
    public static Facts empty() {
        return new Facts(null, List.of());
    }

    /** The facts of the given type, in order. */
    public <T extends Fact> List<T> of(Class<T> type) {
        List<T> out = new ArrayList<>();
        for (Fact f : facts) {
            if (type.isInstance(f)) {
                out.add(type.cast(f));
            }
        }
        return out;
    }

    /** The changes, in the order they were added (the engine puts them in branch order itself). */
    public List<Change> changes() {
        return of(Change.class);
    }

    /** These facts followed by {@code more}'s; the first known repository wins. */
    public Facts plus(Facts more) {
        List<Fact> all = new ArrayList<>(facts);
        all.addAll(more.facts);
        return new Facts(repository != null ? repository : more.repository, all);
    }

    /** Only the facts that pass {@code keep}. */
    public Facts filter(Predicate<Fact> keep) {
        return new Facts(repository, facts.stream().filter(keep).toList());
    }

    /** A builder of facts in memory: {@code Facts.builder().change(…).deployment(…).build()}. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link Facts}; every method returns this builder. */
    public static final class Builder {
        private Origin repository;
        private final List<Fact> facts = new ArrayList<>();

        private Builder() {
        }

        /** The repository state the facts describe (reports show it); leave unset for facts of no repository. */
        public Builder repository(String head, String branch) { this.repository = new Origin(head, branch); return this; }
        /** Adds a fact of any kind. */
        public Builder add(Fact fact) { facts.add(Objects.requireNonNull(fact, "fact")); return this; }
        /** Adds facts of any kind, in order. */
        public Builder addAll(Collection<? extends Fact> more) { more.forEach(this::add); return this; }
        /** Adds a change: {@code Change.builder("#42").mergedAt(t).declaredType("feature").build()}. */
        public Builder change(Change change) { return add(change); }
        /** Adds an ADR. */
        public Builder adr(Adr adr) { return add(adr); }
        /** Adds a contract of the registry. */
        public Builder contract(Contract contract) { return add(contract); }
        /** Adds the diff of a contract's spec at a change. */
        public Builder contractDiff(ContractDiff diff) { return add(diff); }
        /** Adds a spec file found under a contracts directory, registered or not. */
        public Builder specFile(SpecFile file) { return add(file); }
        /** Adds the result of a CI gate. */
        public Builder gateResult(GateResult gate) { return add(gate); }
        /** Adds a deployment: {@code new Deployment("d1", sha, "prod", at, Deployment.Status.SUCCESS)}. */
        public Builder deployment(Deployment deployment) { return add(deployment); }
        /** Adds an incident. */
        public Builder incident(Incident incident) { return add(incident); }
        /** Adds a review of a change. */
        public Builder review(Review review) { return add(review); }
        /** Adds a sign-off: one being made, or one recorded earlier. */
        public Builder signOff(SignOff signOff) { return add(signOff); }
        /** Adds an ADR as one change left it. */
        public Builder adrChange(AdrChange change) { return add(change); }
        /** Adds a classified move of a service boundary. */
        public Builder boundaryChange(BoundaryChange change) { return add(change); }

        /** The facts added, in order. */
        public Facts build() {
            return new Facts(repository, facts);
        }
    }
}

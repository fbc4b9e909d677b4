package dev.governor.archunit;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import dev.governor.api.Adr;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The Change layer's memory in a Java team's own unit tests: each accepted ADR whose boundary lists
 * {@code removed} code becomes an ArchUnit rule that no class may come back there. An AI session that
 * re-extracts code an earlier session moved out then fails the team's ArchUnit suite, not only
 * {@code gov check}.
 *
 * <p>A removed glob under a Java source root ({@code src/main/java/com/acme/billing/**}) names a package:
 * no class may reside in {@code com.acme.billing..}. Any other glob without wildcards before its end
 * ({@code services/billing/**}) names a directory: no class may be compiled from under it (its class file's
 * location, as a multi-module build lays them out).
 *
 * <pre>{@code
 * @Test
 * void extracted_code_stays_out() {
 *     List<Adr> adrs = AdrFiles.read(Path.of("."));           // gov-adapters: docs/adr, doc/adr, docs/decisions
 *     AdrArchRules.noRemovedCode(adrs).check(new ClassFileImporter().importPackages("com.acme"));
 * }
 * }</pre>
 */
public final class AdrArchRules {

    private static final List<String> SOURCE_ROOTS = List.of("src/main/java/", "src/test/java/", "src/main/kotlin/",
            "src/test/kotlin/", "src/java/", "src/");
    private static final Pattern PACKAGE = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*(/[A-Za-z_$][A-Za-z0-9_$]*)*");

    private AdrArchRules() {
    }

    /**
     * One rule per accepted ADR with removed code it can map to classes; ADRs in any other status, and
     * globs that name neither a package nor a directory, give none.
     */
    public static List<ArchRule> removedBoundaries(List<Adr> adrs) {
        List<ArchRule> rules = new ArrayList<>();
        for (Adr adr : adrs) {
            if (!adr.accepted()) {
                continue;
            }
            List<String> packages = new ArrayList<>();
            List<String> directories = new ArrayList<>();
            for (String glob : adr.removed()) {
                Optional<String> pkg = packageOf(glob);
                if (pkg.isPresent()) {
                    packages.add(pkg.get());
                } else {
                    directoryOf(glob).ifPresent(directories::add);
                }
            }
            String because = because(adr);
            if (!packages.isEmpty()) {
                rules.add(ArchRuleDefinition.noClasses().should().resideInAnyPackage(packages.toArray(String[]::new))
                        .because(because));
            }
            if (!directories.isEmpty()) {
                rules.add(ArchRuleDefinition.noClasses().should(comeFrom(directories)).because(because));
            }
        }
        return rules;
    }

    /**
     * All of {@link #removedBoundaries(List)} as one rule.
     *
     * @throws IllegalStateException when no accepted ADR lists removed code: a rule that could check nothing
     *                               would pass whatever the code does
     */
    public static ArchRule noRemovedCode(List<Adr> adrs) {
        List<ArchRule> rules = removedBoundaries(adrs);
        if (rules.isEmpty()) {
            throw new IllegalStateException("no accepted ADR of the " + adrs.size() + " given lists removed code "
                    + "(boundary.removed: a package under a source root, or a directory), so there is nothing to check: "
                    + "add the boundary to the ADR that moved code out, or leave this rule out until one does");
        }
        CompositeArchRule all = CompositeArchRule.of(rules.get(0));
        for (int i = 1; i < rules.size(); i++) {
            all = all.and(rules.get(i));
        }
        return all;
    }

    /**
     * The package pattern a removed glob names, in ArchUnit's syntax: {@code src/main/java/com/acme/billing/**}
     * is {@code com.acme.billing..}; empty when the glob is under no Java or Kotlin source root.
     */
    public static Optional<String> packageOf(String glob) {
        String g = glob.strip();
        for (String root : SOURCE_ROOTS) {
            int at = g.startsWith(root) ? 0 : g.indexOf("/" + root) + 1;
            if (at < 0 || !g.startsWith(root, at)) {
                continue;
            }
            String rest = g.substring(at + root.length());
            if (rest.endsWith("/**")) {
                rest = rest.substring(0, rest.length() - 3);
            } else if (rest.endsWith("/*")) {
                rest = rest.substring(0, rest.length() - 2);
            }
            if (PACKAGE.matcher(rest).matches() && (root.contains("java") || root.contains("kotlin") || rest.contains("/"))) {
                return Optional.of(rest.replace('/', '.') + "..");
            }
        }
        return Optional.empty();
    }

    /** The directory a removed glob names ({@code services/billing/**}), when nothing but its end is a wildcard. */
    static Optional<String> directoryOf(String glob) {
        String g = glob.strip();
        if (g.endsWith("/**")) {
            g = g.substring(0, g.length() - 3);
        }
        return g.isEmpty() || g.contains("*") || g.contains("?") || g.contains("[") ? Optional.empty() : Optional.of(g);
    }

    private static String because(Adr adr) {
        String name = adr.number() != null ? "ADR " + adr.number() : "ADR " + adr.path();
        return name + " (" + adr.path() + ") removed " + String.join(", ", adr.removed())
                + (adr.movedTo() != null ? " and moved it to " + adr.movedTo() : "");
    }

    /** Violated by a class whose class file lies under one of the directories. */
    private static ArchCondition<JavaClass> comeFrom(List<String> directories) {
        return new ArchCondition<>("come from " + String.join(", ", directories)) {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                Optional<URI> uri = item.getSource().map(s -> s.getUri());
                String location = uri.map(URI::getPath).orElse("");
                for (String dir : directories) {
                    boolean inside = location.contains("/" + dir + "/");
                    events.add(new SimpleConditionEvent(item, inside, item.getName() + " comes from " + dir
                            + " (" + location + ")"));
                }
            }
        };
    }
}

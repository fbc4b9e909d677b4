package dev.governor.internal.engine;

import dev.governor.api.Fact;
import dev.governor.api.GovernanceException;
import dev.governor.api.Ref;
import dev.governor.api.Severity;
import dev.governor.input.Suggestions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kie.api.builder.Message;
import org.kie.api.runtime.rule.ConsequenceException;

/**
 * Turns what Drools says about a rule file into what its author can act on: the file, the line, the rule,
 * and a did-you-mean. Drools gives no line for an unknown type or field, and gives a line of generated Java
 * for a mistake in a consequence; the rule text (a {@link DrlFile}) says where the mistake was written.
 * Failures while rules run (a consequence that throws, a condition that cannot be evaluated) are named the
 * same way.
 */
final class RuleDiagnostics {
    private static final Pattern LINE = Pattern.compile("\\[\\s*(\\d+)\\s*,");
    private static final Pattern NO_CLASS = Pattern.compile("Unable to find class: ([\\w.$]+)");
    private static final Pattern LEFT_PART = Pattern.compile("Unable to parse left part of expression: (.*)", Pattern.DOTALL);
    private static final Pattern UNKNOWN_FIELD = Pattern.compile("Unknown field (\\w+) on class ([\\w.$]+)");
    private static final Pattern NO_METHOD = Pattern.compile("The method (\\w+)\\((.*)\\) is undefined for the type (\\w+)");
    private static final Pattern NO_FIELD = Pattern.compile("(\\w+) cannot be resolved or is not a field");
    private static final Pattern NO_VARIABLE = Pattern.compile("(\\$?\\w+) cannot be resolved( to a variable)?$");
    private static final Pattern CONSEQUENCE = Pattern.compile("Unable to parse consequence caused by: \\(line (\\d+),col \\d+\\) (.*?)(\\s*Problem stacktrace.*)?$",
            Pattern.DOTALL);
    private static final Pattern NO_TYPE = Pattern.compile("(\\w+) cannot be resolved to a type");
    private static final Pattern JAVA_SOURCE = Pattern.compile("Java source of (\\S+) in error:\\n(.*)", Pattern.DOTALL);
    private static final Pattern CONSTRAINT = Pattern.compile("Error evaluating constraint '(.*)' in \\[Rule \"(.*)\" in (.*)]",
            Pattern.DOTALL);
    private static final Pattern CHAIN = Pattern.compile("\\$?[A-Za-z_]\\w*(?:\\s*\\.\\s*[A-Za-z_]\\w*)*(\\s*\\()?");
    private static final Pattern FINDING_ID = Pattern.compile("Finding\\s*\\.\\s*of\\s*\\(\\s*\"([^\"]*)\"\\s*,");
    private static final Pattern SEVERITY_LITERAL = Pattern.compile("Severity\\s*\\.\\s*(BLOCKING|WARNING|INFO)\\b");
    private static final Set<String> KEYWORDS = Set.of("true", "false", "null", "this", "new", "instanceof", "matches",
            "contains", "memberOf", "soundslike", "in", "not", "str", "excludes", "after", "before", "coincides",
            "during", "finishes", "includes", "meets", "overlaps", "starts", "from", "collect", "accumulate");
    /** The automatic imports, as error messages name them. */
    static final String AUTO_IMPORTED = "the fact types, Finding, Severity, Layer, the pack helpers and java.time need no import";

    private RuleDiagnostics() {
    }

    /** One problem, placed in a file. */
    private record Diagnosis(DrlFile file, int line, String rule, String problem) {
        GovernanceException exception(int others) {
            String what = rule != null ? "rule '" + rule + "' does not compile: " : "rule file does not compile: ";
            String more = others == 0 ? "" : " (and " + others + " more problem" + (others == 1 ? "" : "s")
                    + " in the rule files)";
            return new GovernanceException(file != null ? file.name() : "custom rules", line, what + problem + more);
        }
    }

    /**
     * The first of the compiler's errors (in file order, then line order) as a {@link GovernanceException}
     * naming file, line and rule.
     *
     * @param packPackages the Java packages of the loaded packs, whose types a rule file may import
     */
    static GovernanceException compileError(List<Message> errors, List<DrlFile> files, ClassLoader loader,
                                            Collection<String> packPackages) {
        List<Diagnosis> found = new ArrayList<>();
        for (Message error : errors) {
            String text = error.getText() == null ? "" : error.getText().strip();
            if (JAVA_SOURCE.matcher(text).lookingAt() || text.equals("Parser returned a null Package")) {
                continue; // the generated source that goes with an error of it (read below), or an echo of one
            }
            String path = error.getPath() == null ? "" : error.getPath();
            Diagnosis d = path.endsWith(".java")
                    ? generated(error, text, generatedSource(errors, path), path, files, loader, packPackages)
                    : written(error, text, file(files, path), loader, packPackages);
            found.add(d);
        }
        if (found.isEmpty()) {
            return new GovernanceException("custom rules", 0, "rule file does not compile");
        }
        found.sort(Comparator.comparingInt((Diagnosis d) -> d.file() == null ? Integer.MAX_VALUE : files.indexOf(d.file()))
                .thenComparingInt(d -> d.line() > 0 ? d.line() : Integer.MAX_VALUE));
        return found.get(0).exception(found.size() - 1);
    }

    /** A problem Drools reports against the rule file itself. */
    private static Diagnosis written(Message error, String text, DrlFile file, ClassLoader loader,
                                     Collection<String> packPackages) {
        if (file == null) {
            return new Diagnosis(null, Math.max(0, error.getLine()), null, oneLine(text));
        }
        Matcher m;
        if ((m = NO_CLASS.matcher(text)).lookingAt()) {
            return unknownType(file, m.group(1), 0, file.code().length(), loader, packPackages);
        }
        if ((m = LEFT_PART.matcher(text)).lookingAt()) {
            Diagnosis d = expression(file, m.group(1).strip(), loader, packPackages);
            if (d != null) {
                return d;
            }
        }
        if ((m = UNKNOWN_FIELD.matcher(text)).lookingAt()) {
            Diagnosis d = unknownConstant(file, m.group(1), m.group(2), loader);
            if (d != null) {
                return d;
            }
        }
        if ((m = CONSEQUENCE.matcher(text)).lookingAt()) {
            return consequence(file, error.getLine(), Integer.parseInt(m.group(1)), oneLine(m.group(2)));
        }
        int line = error.getLine();
        if (line <= 0) {
            Matcher l = LINE.matcher(text);
            line = l.find() ? Integer.parseInt(l.group(1)) : 0;
        }
        // the parser's own position prefix repeats what file:line says
        return at(file, line, oneLine(text.replaceFirst("^\\[ERR \\d+] Line \\d+:\\d+ ", "")));
    }

    /**
     * A consequence that does not parse: Drools counts its lines from {@code then}, and reports a missing
     * {@code ;} where the consequence ends; the line is the one in the consequence it points at.
     */
    private static Diagnosis consequence(DrlFile file, int ruleLine, int lineInBlock, String problem) {
        DrlFile.Rule rule = null;
        for (DrlFile.Rule r : file.rules()) {
            if (r.line() <= ruleLine) {
                rule = r;
            }
        }
        if (rule == null || rule.thenLine() == 0) {
            return at(file, ruleLine, "the consequence does not parse: " + problem);
        }
        int last = rule.thenLine();
        String[] lines = file.code().substring(rule.thenOffset(), rule.end()).split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i].strip();
            if (!l.isEmpty() && !l.equals("end") && !(i == 0 && l.equals("then"))) {
                last = rule.thenLine() + i;
            }
        }
        int line = Math.min(rule.thenLine() + lineInBlock - 1, last);
        return new Diagnosis(file, line, rule.id(), "the consequence does not parse: " + problem);
    }

    private static Diagnosis at(DrlFile file, int line, String problem) {
        String rule = null;
        for (DrlFile.Rule r : file.rules()) {
            if (line >= r.line()) {
                rule = r.id();
            }
        }
        return new Diagnosis(file, line, rule, problem);
    }

    private static Diagnosis at(DrlFile file, int offset, String fallbackRule, String problem) {
        if (offset < 0) {
            return new Diagnosis(file, 0, fallbackRule, problem);
        }
        DrlFile.Rule rule = file.ruleAt(offset);
        return new Diagnosis(file, file.lineOf(offset), rule != null ? rule.id() : fallbackRule, problem);
    }

    private static Diagnosis unknownType(DrlFile file, String name, int from, int to, ClassLoader loader,
                                         Collection<String> packPackages) {
        String simple = name.substring(name.lastIndexOf('.') + 1);
        int offset = file.findWord(name, from, to);
        TypeNames types = TypeNames.of(file, loader, file.custom(), packPackages);
        String importable = types.importable(simple);
        if (importable != null) {
            return at(file, offset, null, "type '" + simple + "' is not imported: add 'import " + importable
                    + ";' after the package line" + (file.custom() ? " (" + AUTO_IMPORTED + ")" : ""));
        }
        String near = Suggestions.closest(simple, types.visible(), Math.max(2, simple.length() / 3));
        return at(file, offset, null, "unknown type '" + name + "'" + (near != null ? " (did you mean '" + near + "'?)" : "")
                + (file.custom() ? "; " + AUTO_IMPORTED + ", a class of your own needs one (import com.acme." + simple + ";)"
                : "; import it by its full name"));
    }

    /**
     * An expression of a pattern Drools could not read: the first name in it that the pattern's type (or a
     * bound variable's) does not have. {@code null} when every name is known and the fault is elsewhere.
     */
    private static Diagnosis expression(DrlFile file, String expression, ClassLoader loader,
                                        Collection<String> packPackages) {
        int offset = file.find(expression, 0, file.code().length());
        if (offset < 0) {
            return null;
        }
        DrlFile.Rule rule = file.ruleAt(offset);
        TypeNames types = TypeNames.of(file, loader, file.custom(), packPackages);
        String pattern = file.patternAround(offset);
        Class<?> patternType = pattern == null ? null : types.resolve(pattern);
        Map<String, String> bindings = rule == null ? Map.of() : file.bindings(rule);
        String code = blankStrings(expression);
        Matcher chain = CHAIN.matcher(code);
        while (chain.find()) {
            if (chain.start() > 0 && code.charAt(chain.start() - 1) == '.') {
                continue;
            }
            boolean call = chain.group(1) != null;
            String[] parts = chain.group().replace("(", "").replaceAll("\\s+", "").split("\\.");
            Class<?> type;
            int first;
            if (parts[0].startsWith("$")) {
                String bound = bindings.get(parts[0]);
                if (bound == null) {
                    if (expression.startsWith(parts[0]) && expression.substring(parts[0].length()).strip().startsWith(":")) {
                        continue; // the binding being made here ($s : sha)
                    }
                    String near = Suggestions.closest(parts[0], bindings.keySet(), 2);
                    return at(file, offset, null, "unknown variable '" + parts[0] + "'"
                            + (near != null ? " (did you mean '" + near + "'?)" : "")
                            + (bindings.isEmpty() ? "; this rule binds none" : "; this rule binds "
                            + String.join(", ", bindings.keySet())));
                }
                type = types.resolve(bound);
                first = 1;
            } else if (KEYWORDS.contains(parts[0])) {
                continue;
            } else if (Character.isUpperCase(parts[0].charAt(0)) && types.resolve(parts[0]) != null) {
                continue; // a type's constant (DayOfWeek.FRIDAY): Drools names an unknown one itself
            } else {
                type = patternType;
                first = 0;
            }
            for (int i = first; type != null && i < parts.length; i++) {
                boolean method = call && i == parts.length - 1;
                Map<String, Class<?>> properties = TypeNames.properties(type);
                Class<?> next = properties.get(parts[i]);
                if (next == null && !(method && TypeNames.methods(type).contains(parts[i]))) {
                    return at(file, offset, null, noSuch(type, parts[i], method, properties.keySet()));
                }
                type = next;
            }
        }
        return null;
    }

    private static String noSuch(Class<?> type, String name, boolean method, Collection<String> properties) {
        Set<String> candidates = new TreeSet<>(properties);
        if (method) {
            candidates.addAll(TypeNames.methods(type));
        }
        String near = Suggestions.closest(name, candidates, Math.max(2, name.length() / 3));
        return display(type) + " has no " + (method ? "method '" + name + "()'" : "field '" + name + "'")
                + (near != null ? " (did you mean '" + near + "'?)" : "") + "; its fields are " + String.join(", ", properties);
    }

    private static Diagnosis unknownConstant(DrlFile file, String name, String className, ClassLoader loader) {
        Class<?> type;
        try {
            type = Class.forName(className, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
        Matcher m = Pattern.compile("\\.\\s*" + Pattern.quote(name) + "(?![\\w$])").matcher(file.code());
        int offset = m.find() ? m.start() + m.group().indexOf(name) : file.findWord(name, 0, file.code().length());
        Set<String> constants = TypeNames.constants(type);
        String near = Suggestions.closest(name, constants, Math.max(2, name.length() / 3));
        return at(file, offset, null, display(type) + " has no constant '" + name + "'"
                + (near != null ? " (did you mean '" + near + "'?)" : "") + "; it has " + String.join(", ", constants));
    }

    /**
     * A problem the Java compiler found in code Drools generated from a rule (a consequence, an expression):
     * placed at the word of the rule file it is about.
     */
    private static Diagnosis generated(Message error, String text, String source, String path, List<DrlFile> files,
                                       ClassLoader loader, Collection<String> packPackages) {
        String javaPackage = path.replaceFirst("^src/main/java/", "").replaceFirst("/[^/]*$", "").replace('/', '.');
        List<DrlFile> candidates = new ArrayList<>();
        for (DrlFile f : files) {
            if (javaPackage.equals(f.pkg()) || javaPackage.startsWith(f.pkg() + ".")) {
                candidates.add(f);
            }
        }
        String statement = statement(source, error.getLine());
        Matcher m;
        if ((m = NO_METHOD.matcher(text)).lookingAt()) {
            String method = m.group(1);
            for (DrlFile f : candidates) {
                int offset = find(f, "\\.\\s*" + Pattern.quote(method) + "\\s*\\(");
                if (offset >= 0) {
                    Class<?> type = TypeNames.of(f, loader, f.custom(), packPackages).resolve(m.group(3));
                    String problem = type == null ? oneLine(text) : noSuch(type, method, true,
                            TypeNames.properties(type).keySet());
                    return at(f, offset + 1, null, problem);
                }
            }
        } else if ((m = NO_FIELD.matcher(text)).lookingAt()) {
            String name = m.group(1);
            for (DrlFile f : candidates) {
                Matcher q = Pattern.compile("([A-Za-z_][\\w.]*)\\s*\\.\\s*" + Pattern.quote(name) + "(?![\\w$])")
                        .matcher(f.code());
                if (q.find()) {
                    TypeNames types = TypeNames.of(f, loader, f.custom(), packPackages);
                    Class<?> type = types.resolve(q.group(1));
                    int offset = q.start() + q.group().lastIndexOf(name);
                    if (type == null) {
                        return at(f, offset, null, oneLine(text));
                    }
                    Set<String> names = new LinkedHashSet<>(TypeNames.constants(type));
                    String near = Suggestions.closest(name, names, Math.max(2, name.length() / 3));
                    return at(f, offset, null, display(type) + " has no constant '" + name + "'"
                            + (near != null ? " (did you mean '" + near + "'?)" : "") + "; it has " + String.join(", ", names));
                }
            }
        } else if ((m = NO_VARIABLE.matcher(text)).lookingAt()) {
            String name = m.group(1);
            for (DrlFile f : candidates) {
                int offset = f.findWord(name, 0, f.code().length());
                DrlFile.Rule rule = offset < 0 ? null : f.ruleAt(offset);
                if (rule != null) {
                    Set<String> bound = f.bindings(rule).keySet();
                    String near = Suggestions.closest(name, bound, 2);
                    return at(f, offset, null, "unknown variable '" + name + "'"
                            + (near != null ? " (did you mean '" + near + "'?)" : "")
                            + (bound.isEmpty() ? "; this rule binds none" : "; this rule binds " + String.join(", ", bound)));
                }
            }
        } else if ((m = NO_TYPE.matcher(text)).lookingAt()) {
            for (DrlFile f : candidates) {
                int offset = f.findWord(m.group(1), 0, f.code().length());
                if (offset >= 0) {
                    return unknownType(f, m.group(1), offset, f.code().length(), loader, packPackages);
                }
            }
        }
        // anything else: the line of the rule file that holds the statement the compiler stopped at
        for (DrlFile f : candidates) {
            int offset = statement == null ? -1 : f.find(statement.replace("drools.", ""), 0, f.code().length());
            if (offset >= 0) {
                return at(f, offset, null, oneLine(text));
            }
        }
        DrlFile only = candidates.size() == 1 ? candidates.get(0) : null;
        return new Diagnosis(only, 0, null, oneLine(text));
    }

    private static int find(DrlFile file, String regex) {
        Matcher m = Pattern.compile(regex).matcher(file.code());
        return m.find() ? m.start() : -1;
    }

    /** The generated source Drools attaches to the errors of {@code path}, or {@code null}. */
    private static String generatedSource(List<Message> errors, String path) {
        for (Message e : errors) {
            Matcher m = JAVA_SOURCE.matcher(e.getText() == null ? "" : e.getText());
            if (m.lookingAt() && path.equals(m.group(1))) {
                return m.group(2);
            }
        }
        return null;
    }

    /** Line {@code line} of a generated source, stripped, without its trailing {@code ;}; or null. */
    private static String statement(String source, int line) {
        if (source == null || line <= 0) {
            return null;
        }
        String[] lines = source.split("\n", -1);
        if (line > lines.length) {
            return null;
        }
        String s = lines[line - 1].strip();
        return s.endsWith(";") ? s.substring(0, s.length() - 1) : s;
    }

    private static DrlFile file(List<DrlFile> files, String path) {
        for (DrlFile f : files) {
            if (!path.isEmpty() && (f.resource().endsWith(path) || path.endsWith(f.resource()))) {
                return f;
            }
        }
        return files.size() == 1 ? files.get(0) : null;
    }

    // --- what a rule says about itself --------------------------------------------------------------

    /**
     * The mistakes a compiler does not see: a {@code @severity} that is no severity, a finding reported under
     * another rule's id, and a {@code Severity} in {@code Finding.of} that disagrees with the rule's
     * {@code @severity}. The severity of a rule is said once.
     */
    static void checkDeclarations(DrlFile file) {
        for (DrlFile.Rule rule : file.rules()) {
            String declared = file.declaredSeverity(rule);
            int head = rule.thenOffset() >= 0 ? rule.thenOffset() : rule.end();
            if (declared != null && Severity.parse(declared) == null) {
                int offset = file.find("@severity", rule.start(), head);
                throw new GovernanceException(file.name(), offset < 0 ? rule.line() : file.lineOf(offset), "rule '"
                        + rule.id() + "' has @severity(\"" + declared + "\"): write blocking, warning or info");
            }
            if (rule.thenOffset() < 0) {
                continue;
            }
            Matcher id = FINDING_ID.matcher(file.code());
            id.region(rule.thenOffset(), rule.end());
            while (id.find()) {
                if (!id.group(1).equals(rule.id())) {
                    throw new GovernanceException(file.name(), file.lineOf(id.start()), "rule '" + rule.id()
                            + "' reports a finding of '" + id.group(1) + "': a rule reports under its own id, so that "
                            + "governance.yml, gov rules and GovRules find it; write Finding.of(\"" + rule.id() + "\", …)");
                }
            }
            if (declared != null) {
                Matcher s = SEVERITY_LITERAL.matcher(file.code());
                s.region(rule.thenOffset(), rule.end());
                while (s.find()) {
                    if (!s.group(1).equalsIgnoreCase(declared)) {
                        throw new GovernanceException(file.name(), file.lineOf(s.start()), disagree(rule.id(), declared,
                                s.group(1).toLowerCase(Locale.ROOT)));
                    }
                }
            }
        }
    }

    /** The one severity written in a rule's consequence ({@code Finding.of(…, Severity.WARNING, …)}), or null. */
    static Severity writtenSeverity(DrlFile file, DrlFile.Rule rule) {
        if (rule.thenOffset() < 0) {
            return null;
        }
        Matcher s = SEVERITY_LITERAL.matcher(file.code());
        s.region(rule.thenOffset(), rule.end());
        Set<String> seen = new TreeSet<>();
        while (s.find()) {
            seen.add(s.group(1));
        }
        return seen.size() == 1 ? Severity.valueOf(seen.iterator().next()) : null;
    }

    static String disagree(String rule, String declared, String reported) {
        return "rule '" + rule + "' has @severity(\"" + declared + "\") but reports " + (reported.startsWith("i") ? "an " : "a ")
                + reported + " finding: a rule "
                + "has one severity; make Finding.of's severity agree with @severity, or drop one of them "
                + "(governance.yml's rules: section changes it for a run)";
    }

    // --- failures while rules run -------------------------------------------------------------------

    /**
     * A failure of a rule while it ran, as a {@link GovernanceException} naming file, rule and line; null when
     * {@code failure} did not come from a rule.
     *
     * @param locate the rule file of a rule id, or null when unknown
     */
    static GovernanceException whileRunning(RuntimeException failure, Function<String, DrlFile> locate) {
        for (Throwable t = failure.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof GovernanceException bad) {
                return bad; // a consequence met bad input and said so, with its own file and line
            }
        }
        if (failure instanceof ConsequenceException e && e.getRule() != null) {
            String rule = e.getRule().getName();
            DrlFile file = locate.apply(rule);
            DrlFile.Rule at = file == null ? null : file.rule(rule);
            Throwable cause = root(e);
            String on = "";
            if (e.getMatch() != null) {
                List<String> facts = new ArrayList<>();
                for (Object o : e.getMatch().getObjects()) {
                    if (o instanceof Fact fact) {
                        Ref ref = fact.ref();
                        facts.add(ref.kind().id() + " " + ref.id());
                    }
                }
                on = facts.isEmpty() ? "" : " on " + String.join(", ", facts);
            }
            return new GovernanceException(file != null ? file.name() : e.getRule().getPackageName(),
                    at != null ? at.thenLine() : 0, "rule '" + rule + "' failed in its consequence" + on + ": "
                    + describe(cause) + "; fix the consequence, or add a condition that keeps it from this case", cause);
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            Matcher m = CONSTRAINT.matcher(t.getMessage() == null ? "" : t.getMessage());
            if (t.getClass().getSimpleName().equals("ConstraintEvaluationException") && m.matches()) {
                String constraint = m.group(1);
                String rule = m.group(2);
                DrlFile file = locate.apply(rule);
                DrlFile.Rule at = file == null ? null : file.rule(rule);
                int offset = at == null ? -1 : file.find(constraint, at.start(), at.end());
                int line = offset >= 0 ? file.lineOf(offset) : at != null ? at.line() : 0;
                Throwable cause = root(t);
                return new GovernanceException(file != null ? file.name() : m.group(3), line, "rule '" + rule
                        + "' failed evaluating '" + constraint + "': " + describe(cause)
                        + "; write the condition so that it cannot throw (test what it needs first)", cause);
            }
        }
        return null;
    }

    private static Throwable root(Throwable t) {
        Throwable cause = t;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static String describe(Throwable cause) {
        return cause.getClass().getSimpleName() + (cause.getMessage() != null ? ": " + cause.getMessage() : "");
    }

    /** {@code Deployment.Status} for a nested type, {@code Deployment} for a top-level one. */
    private static String display(Class<?> type) {
        String canonical = type.getCanonicalName() != null ? type.getCanonicalName() : type.getName();
        return type.getPackageName().isEmpty() ? canonical : canonical.substring(type.getPackageName().length() + 1);
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }

    private static String blankStrings(String expression) {
        StringBuilder out = new StringBuilder(expression);
        boolean in = false;
        for (int i = 0; i < out.length(); i++) {
            char c = out.charAt(i);
            if (c == '"' && (i == 0 || out.charAt(i - 1) != '\\')) {
                in = !in;
            } else if (in) {
                out.setCharAt(i, ' ');
            }
        }
        return out.toString();
    }
}

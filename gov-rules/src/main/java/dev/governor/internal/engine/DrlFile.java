package dev.governor.internal.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A rule file as its author wrote it: where each rule starts, where its consequence is, what it binds.
 * Drools reports many problems without a line (an unknown type or field) or at a line of the Java it
 * generated; this is what turns them back into a line of the author's file. It reads the text, never
 * compiles it; comments are blanked first so that a word in a comment is never taken for code.
 */
final class DrlFile {
    private static final Pattern RULE_DECL = Pattern.compile("(?m)^[ \\t]*rule\\s+(\"([^\"]*)\"|'([^']*)'|(\\S+))");
    private static final Pattern BLOCK_END = Pattern.compile("(?m)^[ \\t]*(rule|query|declare|function)\\s");
    private static final Pattern THEN = Pattern.compile("(?m)^[ \\t]*then\\b");
    private static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)");
    private static final Pattern IMPORT = Pattern.compile("(?m)^\\s*import\\s+(?!function\\s|accumulate\\s)([\\w.]+)(\\.\\*)?");
    private static final Pattern BINDING = Pattern.compile("(\\$[\\w]+)\\s*:\\s*([A-Za-z_][\\w.]*)\\s*\\(");
    private static final Pattern SEVERITY = Pattern.compile("@severity\\s*\\(\\s*\"?([^\")]*)\"?\\s*\\)");

    /** One rule: its id, where it starts and ends in the text, and the lines of its declaration and {@code then}. */
    record Rule(String id, int start, int end, int line, int thenOffset, int thenLine) {
        boolean contains(int offset) {
            return offset >= start && offset < end;
        }
    }

    private final String name;
    private final String resource;
    private final String text;
    private final String code;
    private final String pkg;
    private final List<Rule> rules;
    private final boolean custom;

    /**
     * @param name     the file as messages name it (a path, or a class-path resource of a pack)
     * @param resource the resource Drools compiled it as
     * @param text     its text as written
     * @param custom   whether it is a custom rule file (which imports the fact types without saying so)
     */
    DrlFile(String name, String resource, String text, boolean custom) {
        this.name = name;
        this.custom = custom;
        this.resource = resource;
        this.text = text;
        this.code = blankComments(text);
        Matcher p = PACKAGE.matcher(code);
        // a file without a package is compiled in one named after its resource (RuleSet.withImports)
        this.pkg = p.find() ? p.group(1) : resource.replaceAll("\\.drl$", "").replace('/', '.');
        this.rules = rules(code);
    }

    String name() {
        return name;
    }

    String resource() {
        return resource;
    }

    boolean custom() {
        return custom;
    }

    String text() {
        return text;
    }

    /** The text with comments blanked out (line breaks kept), so offsets and lines are the file's own. */
    String code() {
        return code;
    }

    /** Its {@code package}, or the one it is compiled in when it declares none. */
    String pkg() {
        return pkg;
    }

    List<Rule> rules() {
        return rules;
    }

    /** The 1-based line of an offset. */
    int lineOf(int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /** The rule an offset lies in, or {@code null}. */
    Rule ruleAt(int offset) {
        for (Rule r : rules) {
            if (r.contains(offset)) {
                return r;
            }
        }
        return null;
    }

    Rule rule(String id) {
        for (Rule r : rules) {
            if (r.id().equals(id)) {
                return r;
            }
        }
        return null;
    }

    /**
     * The first offset at or after {@code from} (and before {@code to}) where {@code fragment} occurs in the
     * code, whitespace-insensitive between its tokens; -1 when it does not.
     */
    int find(String fragment, int from, int to) {
        String[] tokens = fragment.strip().split("\\s+");
        if (tokens.length == 0 || tokens[0].isEmpty()) {
            return -1;
        }
        StringBuilder regex = new StringBuilder();
        for (String token : tokens) {
            if (regex.length() > 0) {
                regex.append("\\s+");
            }
            regex.append(Pattern.quote(token));
        }
        Matcher m = Pattern.compile(regex.toString()).matcher(code);
        m.region(Math.max(0, from), Math.min(code.length(), to));
        return m.find() ? m.start() : -1;
    }

    /** The first offset of {@code word} as a whole word (not part of a longer name) in the code, or -1. */
    int findWord(String word, int from, int to) {
        Matcher m = Pattern.compile("(?<![\\w$])" + Pattern.quote(word) + "(?![\\w$])").matcher(code);
        m.region(Math.max(0, from), Math.min(code.length(), to));
        return m.find() ? m.start() : -1;
    }

    /** The variables a rule binds to patterns ({@code $d : Deployment( … )}), with the type as written. */
    Map<String, String> bindings(Rule rule) {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher m = BINDING.matcher(code);
        m.region(rule.start(), rule.thenOffset() >= 0 ? rule.thenOffset() : rule.end());
        while (m.find()) {
            out.putIfAbsent(m.group(1), m.group(2));
        }
        return out;
    }

    /** The type name of the pattern whose parentheses enclose {@code offset} ({@code Deployment}), or null. */
    String patternAround(int offset) {
        int depth = 0;
        for (int i = offset - 1; i >= 0; i--) {
            char c = code.charAt(i);
            if (c == ')') {
                depth++;
            } else if (c == '(') {
                if (depth > 0) {
                    depth--;
                    continue;
                }
                int end = i;
                while (end > 0 && Character.isWhitespace(code.charAt(end - 1))) {
                    end--;
                }
                int start = end;
                while (start > 0 && (Character.isJavaIdentifierPart(code.charAt(start - 1)) || code.charAt(start - 1) == '.')) {
                    start--;
                }
                String name = code.substring(start, end);
                if (!name.isEmpty() && Character.isUpperCase(name.charAt(name.lastIndexOf('.') + 1))) {
                    return name;
                }
                // a call such as eval( … ) or a method's arguments: the pattern is further out
            }
        }
        return null;
    }

    /** The explicit imports: simple name → qualified name, and the packages imported with {@code .*}. */
    Imports imports() {
        Map<String, String> types = new LinkedHashMap<>();
        List<String> packages = new ArrayList<>();
        Matcher m = IMPORT.matcher(code);
        while (m.find()) {
            String qualified = m.group(1);
            if (m.group(2) != null) {
                packages.add(qualified);
            } else {
                types.put(qualified.substring(qualified.lastIndexOf('.') + 1), qualified);
            }
        }
        return new Imports(types, packages);
    }

    /** What a file imports. */
    record Imports(Map<String, String> types, List<String> packages) {}

    /** The text of a rule's {@code @severity}, or {@code null} when it declares none. */
    String declaredSeverity(Rule rule) {
        Matcher m = SEVERITY.matcher(code);
        m.region(rule.start(), rule.thenOffset() >= 0 ? rule.thenOffset() : rule.end());
        return m.find() ? m.group(1).strip() : null;
    }

    private static List<Rule> rules(String code) {
        List<Rule> out = new ArrayList<>();
        Matcher m = RULE_DECL.matcher(code);
        List<int[]> starts = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        while (m.find()) {
            starts.add(new int[] {m.start(), m.start(1)});
            ids.add(m.group(2) != null ? m.group(2) : m.group(3) != null ? m.group(3) : m.group(4));
        }
        for (int i = 0; i < starts.size(); i++) {
            int start = starts.get(i)[0];
            Matcher next = BLOCK_END.matcher(code);
            int end = next.find(starts.get(i)[1]) ? next.start() : code.length();
            Matcher then = THEN.matcher(code);
            then.region(start, end);
            int thenOffset = then.find() ? then.start() : -1;
            out.add(new Rule(ids.get(i), start, end, lineOf(code, starts.get(i)[1]), thenOffset,
                    thenOffset < 0 ? 0 : lineOf(code, then.end())));
        }
        return List.copyOf(out);
    }

    private static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /** The text with {@code //} and block comments replaced by spaces, strings left as they are. */
    static String blankComments(String text) {
        StringBuilder out = new StringBuilder(text);
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == '"' || c == '\'') {
                int j = i + 1;
                while (j < n && text.charAt(j) != c && text.charAt(j) != '\n') {
                    j += text.charAt(j) == '\\' ? 2 : 1;
                }
                i = j + 1;
            } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '/') {
                while (i < n && text.charAt(i) != '\n') {
                    out.setCharAt(i++, ' ');
                }
            } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
                int end = text.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                for (; i < end; i++) {
                    if (text.charAt(i) != '\n') {
                        out.setCharAt(i, ' ');
                    }
                }
            } else {
                i++;
            }
        }
        return out.toString();
    }
}

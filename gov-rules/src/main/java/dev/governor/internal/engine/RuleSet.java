package dev.governor.internal.engine;

import dev.governor.Governor;
import dev.governor.RuleInfo;
import dev.governor.api.GovernanceException;
import dev.governor.api.Layer;
import dev.governor.api.Policy;
import dev.governor.api.Severity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.drools.model.codegen.ExecutableModelProject;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;

/**
 * The rules of one {@link Governor}: the built-in pack, precompiled to the executable model when
 * gov-rules is built and loaded once per JVM, plus custom {@code .drl} directories compiled at
 * build() time. Immutable; its knowledge bases are shared by every check.
 */
public final class RuleSet {

    static final String FINDINGS_QUERY = "governor.findings";
    static final String STATES_QUERY = "governor.hotspot-states";
    private static final Pattern RULE_ID = Pattern.compile("[a-z][a-z0-9-]*\\.[a-z0-9.-]+");
    private static final Pattern RULE_DECL = Pattern.compile("(?m)^\\s*rule\\s+(\"([^\"]*)\"|'([^']*)'|(\\S+))");
    private static final Pattern LINE = Pattern.compile("\\[\\s*(\\d+)\\s*,");
    /** Compiled custom rule sets by content hash: identical rule files are compiled once per JVM. */
    private static final Map<String, KieBase> CUSTOM_CACHE = new ConcurrentHashMap<>();

    private final KieBase custom;
    private final Map<String, String> customSources;

    private RuleSet(KieBase custom, Map<String, String> customSources) {
        this.custom = custom;
        this.customSources = customSources;
    }

    /**
     * The built-in pack plus every {@code .drl} file under {@code customDirs}.
     *
     * @throws GovernanceException naming file and line when a rule file does not compile, or a directory is missing
     */
    public static RuleSet load(List<Path> customDirs) {
        Map<String, String> files = new LinkedHashMap<>();
        for (Path dir : customDirs) {
            if (!Files.isDirectory(dir)) {
                throw new GovernanceException(dir.toString(), 0, "rule directory not found: give a directory of .drl files");
            }
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path file : walk.filter(p -> p.toString().endsWith(".drl")).sorted().toList()) {
                    files.put(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                throw new GovernanceException(dir.toString(), 0, "cannot read rule directory: " + e.getMessage(), e);
            }
        }
        if (files.isEmpty()) {
            return new RuleSet(null, Map.of());
        }
        Map<String, String> ruleSources = ruleSources(files);
        KieBase kieBase = CUSTOM_CACHE.computeIfAbsent(hash(files), key -> compile(key, files));
        return new RuleSet(kieBase, ruleSources);
    }

    /** The built-in knowledge base. */
    static KieBase builtIn() {
        return BuiltIn.get();
    }

    /** The custom knowledge base, or {@code null} when there are no custom rules. */
    KieBase custom() {
        return custom;
    }

    /** Every reportable rule with its severity under {@code policy}, built-ins first, by id. */
    public List<RuleInfo> describe(Policy policy) {
        List<RuleInfo> out = new ArrayList<>();
        collect(builtIn(), "built-in", policy, out);
        if (custom != null) {
            collect(custom, null, policy, out);
        }
        out.sort(Comparator.comparing((RuleInfo r) -> r.source().equals("built-in") ? 0 : 1).thenComparing(RuleInfo::id));
        return out;
    }

    private void collect(KieBase base, String source, Policy policy, List<RuleInfo> out) {
        for (KiePackage pkg : base.getKiePackages()) {
            for (Rule rule : pkg.getRules()) {
                Map<String, Object> meta = rule.getMetaData();
                boolean builtIn = source != null;
                if (builtIn && !meta.containsKey("severity")) {
                    continue; // derivation rules keep state; they report nothing
                }
                if (!builtIn && !RULE_ID.matcher(rule.getName()).matches()) {
                    continue;
                }
                Severity declared = meta.containsKey("severity") ? Severity.parse(text(meta.get("severity"))) : null;
                Policy.RuleSetting setting = policy.rule(rule.getName());
                Severity severity = setting.severity() != null ? setting.severity() : declared;
                List<String> thresholds = new ArrayList<>();
                if (meta.containsKey("thresholds")) {
                    for (String key : text(meta.get("thresholds")).split(",")) {
                        thresholds.add(key.trim() + " = " + Thresholds.value(policy, key.trim()));
                    }
                }
                out.add(new RuleInfo(rule.getName(), Layer.ofRule(rule.getName()), severity,
                        setting.enabled() && policy.inForce(Layer.ofRule(rule.getName())),
                        builtIn ? source : customSources.getOrDefault(rule.getName(), "custom"),
                        text(meta.get("description")), thresholds, text(meta.get("example"))));
            }
        }
    }

    /** A DRL annotation's value; rules compiled at run time keep the quotes, precompiled ones do not. */
    static String text(Object value) {
        if (value == null) {
            return null;
        }
        String text = value.toString();
        return text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"") ? text.substring(1, text.length() - 1) : text;
    }

    private static KieBase compile(String hash, Map<String, String> files) {
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(Governor.class.getClassLoader());
        try {
            KieServices ks = KieServices.get();
            // a unique release id per rule content: the repository of KieModules is global
            ReleaseId releaseId = ks.newReleaseId("dev.governor.custom", "rules-" + hash, "1.0.0");
            KieFileSystem kfs = ks.newKieFileSystem();
            kfs.generateAndWritePomXML(releaseId);
            Map<String, String> byResource = new LinkedHashMap<>();
            int i = 0;
            for (Map.Entry<String, String> file : files.entrySet()) {
                String resource = "src/main/resources/dev/governor/custom/r" + (i++) + ".drl";
                byResource.put(resource, file.getKey());
                kfs.write(resource, file.getValue());
            }
            kfs.write("src/main/resources/dev/governor/custom/governor-queries.drl",
                    "package dev.governor.custom;\nimport dev.governor.api.Finding;\n"
                            + "query \"" + FINDINGS_QUERY + "\"\n    $finding : Finding( )\nend\n");
            KieBuilder builder = ks.newKieBuilder(kfs).buildAll(ExecutableModelProject.class);
            List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
            if (!errors.isEmpty()) {
                throw compileError(errors.get(0), byResource);
            }
            return ks.newKieContainer(releaseId, Governor.class.getClassLoader()).getKieBase();
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    private static GovernanceException compileError(Message error, Map<String, String> byResource) {
        String file = null;
        if (error.getPath() != null) {
            for (Map.Entry<String, String> e : byResource.entrySet()) {
                if (e.getKey().endsWith(error.getPath()) || error.getPath().endsWith(e.getKey().substring("src/main/resources/".length()))) {
                    file = e.getValue();
                }
            }
        }
        int line = error.getLine();
        String text = error.getText() == null ? "does not compile" : error.getText().strip();
        if (line <= 0) {
            Matcher m = LINE.matcher(text);
            line = m.find() ? Integer.parseInt(m.group(1)) : 0;
        }
        if (file == null && byResource.size() == 1) {
            file = byResource.values().iterator().next();
        }
        return new GovernanceException(file != null ? file : "custom rules", line,
                "rule file does not compile: " + text.replaceAll("\\s+", " "));
    }

    /** Which file each custom rule comes from; a rule id that is not {@code <prefix>.<name>} is refused. */
    private static Map<String, String> ruleSources(Map<String, String> files) {
        Map<String, String> sources = new LinkedHashMap<>();
        for (Map.Entry<String, String> file : files.entrySet()) {
            Matcher m = RULE_DECL.matcher(file.getValue());
            while (m.find()) {
                String name = m.group(2) != null ? m.group(2) : m.group(3) != null ? m.group(3) : m.group(4);
                int line = 1 + (int) file.getValue().substring(0, m.start(1)).chars().filter(c -> c == '\n').count();
                if (!RULE_ID.matcher(name).matches()) {
                    throw new GovernanceException(file.getKey(), line, "rule id '" + name
                            + "' must be <prefix>.<name> in lower case, like \"ci.no-friday-deploys\"");
                }
                String previous = sources.put(name, file.getKey());
                if (previous != null) {
                    throw new GovernanceException(file.getKey(), line, "rule id '" + name + "' is already defined in " + previous);
                }
            }
        }
        return sources;
    }

    private static String hash(Map<String, String> files) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Map.Entry<String, String> e : files.entrySet()) {
                digest.update(e.getKey().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(e.getValue().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest(), 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /**
     * Starts loading the precompiled pack on a background thread, if nobody has yet: a check reads its
     * history meanwhile, so on two cores neither waits for the other (most of a short check's start-up).
     */
    static void preload() {
        BuiltIn.start();
    }

    /** Loads the precompiled pack once per JVM; a failure is kept and rethrown to every caller. */
    private static final class BuiltIn {
        private static final CompletableFuture<KieBase> KIE_BASE = new CompletableFuture<>();
        private static final AtomicBoolean STARTED = new AtomicBoolean();

        static void start() {
            if (STARTED.compareAndSet(false, true)) {
                Thread loader = new Thread(BuiltIn::complete, "governor-rule-pack");
                loader.setDaemon(true);
                loader.start();
            }
        }

        static KieBase get() {
            start();
            try {
                return KIE_BASE.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                if (e.getCause() instanceof Error err) {
                    throw err;
                }
                throw e;
            }
        }

        private static void complete() {
            try {
                KIE_BASE.complete(load());
            } catch (Throwable t) {
                KIE_BASE.completeExceptionally(t);
            }
        }

        private static KieBase load() {
            ClassLoader loader = Governor.class.getClassLoader();
            ClassLoader previous = Thread.currentThread().getContextClassLoader();
            Thread.currentThread().setContextClassLoader(loader);
            try {
                KieBase base = KieServices.get().newKieClasspathContainer(loader).getKieBase("governor");
                if (base == null || base.getKiePackages().stream().allMatch(p -> p.getRules().isEmpty())) {
                    throw new IllegalStateException("the built-in rule pack is missing from the class path: "
                            + "gov-rules must be on it with drools-xml-support (a fat jar needs the shade ServicesResourceTransformer)");
                }
                return base;
            } finally {
                Thread.currentThread().setContextClassLoader(previous);
            }
        }
    }
}

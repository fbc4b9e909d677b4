package dev.governor.internal.engine;

import dev.governor.api.Durations;
import dev.governor.api.GovernanceException;
import dev.governor.api.Layer;
import dev.governor.api.Policy;
import dev.governor.api.Severity;
import dev.governor.pack.Findings;
import dev.governor.pack.Pack;
import dev.governor.pack.SectionReader;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
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
import org.kie.api.definition.rule.Query;
import org.kie.api.definition.rule.Rule;

/**
 * The rules of one Governor in two knowledge bases: the precompiled one that gov-rules ships (the
 * built-in packs, compiled to the executable model when gov-rules is built, loaded once per JVM), and
 * one compiled at build() time for what is not precompiled: the DRL of packs shipped in other jars and
 * the custom rule directories. Immutable; knowledge bases are shared by every check.
 */
public final class RuleSet {

    static final String FINDINGS_QUERY = "governor.findings";
    private static final Pattern RULE_ID = Pattern.compile("[a-z][a-z0-9-]*\\.[a-z0-9.-]+");
    private static final Pattern QUERY_DECL = Pattern.compile("(?m)^\\s*query\\s");
    private static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)\\s*;?");
    /** What every custom rule file sees without imports (spec/api.md). */
    static final String AUTO_IMPORTS = "import dev.governor.api.*; import dev.governor.pack.*; import java.time.*; ";
    /** Where custom rule files are compiled, as class-path resources. */
    private static final String CUSTOM_RESOURCES = "dev/governor/custom/";
    /** Compiled rule sets by content hash: identical rule files are compiled once per JVM. */
    private static final Map<String, KieBase> COMPILED_CACHE = new ConcurrentHashMap<>();

    private final KieBase compiled;
    /** Packs whose rules are in the precompiled base, and those compiled here. */
    private final Set<String> precompiledPacks;
    private final Set<String> compiledPacks;
    /** DRL package → pack id, for telling which pack a rule belongs to. */
    private final Map<String, String> packageOwners;
    /** Custom rule id → the file it came from. */
    private final Map<String, String> customSources;
    /** Rule id → the rule file it is written in (of every pack and custom file), for messages. */
    private final Map<String, DrlFile> ruleFiles;

    private RuleSet(KieBase compiled, Set<String> precompiledPacks, Set<String> compiledPacks,
                    Map<String, String> packageOwners, Map<String, String> customSources, Map<String, DrlFile> ruleFiles) {
        this.compiled = compiled;
        this.precompiledPacks = Set.copyOf(precompiledPacks);
        this.compiledPacks = Set.copyOf(compiledPacks);
        this.packageOwners = Map.copyOf(packageOwners);
        this.customSources = Map.copyOf(customSources);
        this.ruleFiles = Map.copyOf(ruleFiles);
    }

    /**
     * The rules of {@code packs} plus every {@code .drl} file under {@code customDirs}.
     *
     * @throws GovernanceException naming file and line when a rule file does not compile, a rule id is
     *                             malformed or taken, a pack's rule file is missing, or a directory is missing
     */
    public static RuleSet load(Packs packs, List<Path> customDirs, ClassLoader loader) {
        KieBase builtIn = builtIn();
        Map<String, String> packageOwners = new LinkedHashMap<>();
        Set<String> precompiled = new HashSet<>();
        Set<String> compiledPacks = new HashSet<>();
        Map<String, DrlFile> ruleFiles = new LinkedHashMap<>();
        List<DrlFile> packFiles = new ArrayList<>(); // of packs not precompiled
        for (Pack pack : packs.all()) {
            boolean inBuiltIn = true;
            for (String resource : pack.rules()) {
                String text = resource(loader, resource, pack);
                DrlFile drl = new DrlFile(resource, resource, text, false);
                drl.rules().forEach(r -> ruleFiles.putIfAbsent(r.id(), drl));
                Matcher m = PACKAGE.matcher(text);
                String pkg = m.find() ? m.group(1) : null;
                if (pkg != null) {
                    packageOwners.put(pkg, pack.id());
                }
                boolean declares = !drl.rules().isEmpty() || QUERY_DECL.matcher(drl.code()).find();
                if (declares && (pkg == null || builtIn.getKiePackage(pkg) == null)) {
                    inBuiltIn = false;
                    packFiles.add(drl);
                }
            }
            (inBuiltIn ? precompiled : compiledPacks).add(pack.id());
        }
        List<DrlFile> customFiles = customFiles(customDirs);
        Set<String> builtInIds = ruleIds(builtIn);
        Map<String, String> customSources = ruleSources(customFiles, builtInIds);
        ruleSources(packFiles, builtInIds); // a pack's rule ids are checked alike
        customFiles.forEach(f -> f.rules().forEach(r -> ruleFiles.put(r.id(), f)));
        if (packFiles.isEmpty() && customFiles.isEmpty()) {
            return new RuleSet(null, precompiled, compiledPacks, packageOwners, customSources, ruleFiles);
        }
        List<DrlFile> compiledFiles = new ArrayList<>(packFiles);
        compiledFiles.addAll(customFiles);
        compiledFiles.forEach(RuleDiagnostics::checkDeclarations);
        Set<String> packPackages = new TreeSet<>();
        packs.all().forEach(p -> packPackages.add(p.getClass().getPackageName()));
        KieBase kieBase = COMPILED_CACHE.computeIfAbsent(hash(compiledFiles),
                key -> compile(key, compiledFiles, loader, packPackages));
        return new RuleSet(kieBase, precompiled, compiledPacks, packageOwners, customSources, ruleFiles);
    }

    /** The rule file a rule is written in, or {@code null} for a rule this rule set does not know. */
    DrlFile fileOf(String ruleId) {
        return ruleFiles.get(ruleId);
    }

    private static String resource(ClassLoader loader, String resource, Pack pack) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new GovernanceException(resource, 0, "pack '" + pack.id() + "' names this rule file, which is not on "
                        + "the class path: put it in the pack's jar, or fix " + pack.getClass().getName() + ".rules()");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new GovernanceException(resource, 0, "cannot read pack '" + pack.id() + "' rule file: " + e.getMessage(), e);
        }
    }

    /** The {@code .drl} files under {@code customDirs}, in path order, each compiled as a resource of its own. */
    private static List<DrlFile> customFiles(List<Path> customDirs) {
        List<DrlFile> files = new ArrayList<>();
        for (Path dir : customDirs) {
            if (!Files.isDirectory(dir)) {
                throw new GovernanceException(dir.toString(), 0, "rule directory not found: give a directory of .drl files");
            }
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path file : walk.filter(p -> p.toString().endsWith(".drl")).sorted().toList()) {
                    files.add(new DrlFile(file.toString(), CUSTOM_RESOURCES + "r" + files.size() + ".drl",
                            Files.readString(file, StandardCharsets.UTF_8), true));
                }
            } catch (IOException e) {
                throw new GovernanceException(dir.toString(), 0, "cannot read rule directory: " + e.getMessage(), e);
            }
        }
        return files;
    }

    /** The precompiled knowledge base of the built-in packs. */
    static KieBase builtIn() {
        return BuiltIn.get();
    }

    /** The knowledge base compiled at build() time, or {@code null} when everything was precompiled. */
    KieBase compiled() {
        return compiled;
    }

    /** Whether a pack's rules run in the precompiled base (else in the compiled one). */
    boolean precompiled(String packId) {
        return precompiledPacks.contains(packId);
    }

    /**
     * A loaded rule, as the facade describes it.
     *
     * @param pack the id of the pack it belongs to, or {@code null} for a custom rule file's
     */
    public record Description(String id, String pack, Layer layer, Severity severity, boolean enabled, String source,
                              String description, List<String> thresholds, String example, String next) {}

    /** Every reporting rule with its severity under {@code policy}: built-ins first, then by id. */
    public List<Description> describe(Policy policy, Packs packs) {
        List<Description> out = new ArrayList<>();
        collect(builtIn(), true, policy, packs, out);
        if (compiled != null) {
            collect(compiled, false, policy, packs, out);
        }
        out.sort(Comparator.comparing((Description r) -> r.source().equals("built-in") ? 0 : 1)
                .thenComparing(Description::id));
        return out;
    }

    /** The ids of every reporting rule (built-in and custom), for validating rule overrides. */
    public Set<String> ruleIds(Policy policy, Packs packs) {
        Set<String> ids = new HashSet<>();
        describe(policy, packs).forEach(d -> ids.add(d.id()));
        return ids;
    }

    private void collect(KieBase base, boolean builtIn, Policy policy, Packs packs, List<Description> out) {
        for (KiePackage pkg : base.getKiePackages()) {
            String packId = packageOwners.get(pkg.getName());
            if (builtIn && (packId == null || !precompiledPacks.contains(packId))) {
                continue; // the engine's own queries, or a precompiled pack not loaded here
            }
            Set<String> queries = new HashSet<>();
            for (Query q : pkg.getQueries()) {
                queries.add(q.getName());
            }
            for (Rule rule : pkg.getRules()) {
                Map<String, Object> meta = rule.getMetaData();
                if (queries.contains(rule.getName()) || !RULE_ID.matcher(rule.getName()).matches()) {
                    continue;
                }
                if (packId != null && !meta.containsKey("severity")) {
                    continue; // a pack's derivation rules keep state; they report nothing
                }
                Severity declared = meta.containsKey("severity") ? Severity.parse(text(meta.get("severity")))
                        : written(rule.getName());
                Policy.RuleSetting setting = policy.rule(rule.getName());
                Severity severity = setting.severity() != null ? setting.severity() : declared;
                List<String> thresholds = new ArrayList<>();
                if (meta.containsKey("thresholds")) {
                    for (String key : text(meta.get("thresholds")).split(",")) {
                        thresholds.add(key.trim() + " = " + threshold(policy, packs, key.trim()));
                    }
                }
                boolean inForce = packId != null ? policy.inForce(packId) : policy.inForce(Layer.ofRule(rule.getName()));
                String source = packId == null ? customSources.getOrDefault(rule.getName(), "custom")
                        : builtIn ? "built-in" : "pack " + packId;
                out.add(new Description(rule.getName(), packId, Layer.ofRule(rule.getName()), severity,
                        setting.enabled() && inForce, source, text(meta.get("description")), thresholds,
                        text(meta.get("example")), text(meta.get("next"))));
            }
        }
    }

    /**
     * The severity a rule without {@code @severity} writes into {@code Finding.of} when it writes one alone;
     * else {@code null} (it is known only from its findings).
     */
    private Severity written(String ruleId) {
        DrlFile file = ruleFiles.get(ruleId);
        DrlFile.Rule rule = file == null ? null : file.rule(ruleId);
        return rule == null ? null : RuleDiagnostics.writtenSeverity(file, rule);
    }

    /** The severity a rule declares with {@code @severity}, or {@code null}. */
    static Severity declared(Rule rule) {
        Object value = rule.getMetaData().get("severity");
        return value == null ? null : Severity.parse(text(value));
    }

    /** The value in force of a policy key a rule names in {@code @thresholds} ({@code hotspot.window}). */
    static String threshold(Policy policy, Packs packs, String key) {
        int dot = key.indexOf('.');
        String sectionKey = dot < 0 ? key : key.substring(0, dot);
        for (SectionReader<?> reader : packs.sections()) {
            if (!reader.section().key().equals(sectionKey)) {
                continue;
            }
            Object value = policy.section(reader.section());
            if (dot < 0 || !value.getClass().isRecord()) {
                return format(value);
            }
            for (RecordComponent c : value.getClass().getRecordComponents()) {
                if (c.getName().equals(key.substring(dot + 1))) {
                    try {
                        return format(c.getAccessor().invoke(value));
                    } catch (ReflectiveOperationException e) {
                        return "?";
                    }
                }
            }
        }
        return "?";
    }

    private static String format(Object value) {
        if (value instanceof Duration d) {
            return Durations.format(d);
        }
        if (value instanceof Collection<?> c) {
            return String.join(", ", c.stream().map(RuleSet::format).toList());
        }
        if (value instanceof Enum<?> e) {
            return e.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
        return String.valueOf(value);
    }

    /** A DRL annotation's value; rules compiled at run time keep the quotes, precompiled ones do not. */
    static String text(Object value) {
        if (value == null) {
            return null;
        }
        String text = value.toString();
        return text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"") ? text.substring(1, text.length() - 1) : text;
    }

    private static Set<String> ruleIds(KieBase base) {
        Set<String> ids = new HashSet<>();
        for (KiePackage pkg : base.getKiePackages()) {
            for (Rule rule : pkg.getRules()) {
                ids.add(rule.getName());
            }
        }
        return ids;
    }

    private static KieBase compile(String hash, List<DrlFile> files, ClassLoader loader, Set<String> packPackages) {
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(loader);
        try {
            KieServices ks = KieServices.get();
            // a unique release id per rule content: the repository of KieModules is global
            ReleaseId releaseId = ks.newReleaseId("dev.governor.custom", "rules-" + hash, "1.0.0");
            KieFileSystem kfs = ks.newKieFileSystem();
            kfs.generateAndWritePomXML(releaseId);
            for (DrlFile file : files) {
                String text = file.custom() ? withImports(file.text(), file.pkg()) : file.text();
                kfs.write("src/main/resources/" + file.resource(), text);
            }
            kfs.write("src/main/resources/" + CUSTOM_RESOURCES + "governor-queries.drl",
                    "package dev.governor.custom;\nimport dev.governor.api.Finding;\n"
                            + "global dev.governor.api.Policy " + Findings.POLICY_GLOBAL + ";\n"
                            + "query \"" + FINDINGS_QUERY + "\"\n    $finding : Finding( )\nend\n");
            KieBuilder builder = ks.newKieBuilder(kfs).buildAll(ExecutableModelProject.class);
            List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
            if (!errors.isEmpty()) {
                throw RuleDiagnostics.compileError(errors, files, loader, packPackages);
            }
            return ks.newKieContainer(releaseId, loader).getKieBase();
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    /**
     * The rule file with the fact types, {@code Finding}, {@code Severity}, {@code Layer}, the pack helpers
     * and {@code java.time} imported, on the line of its {@code package} statement so that every line number
     * a compiler error gives stays the file's own.
     */
    static String withImports(String text, String defaultPackage) {
        Matcher m = PACKAGE.matcher(text);
        if (m.find()) {
            int end = m.end();
            String sep = m.group().endsWith(";") ? " " : "; ";
            return text.substring(0, end) + sep + AUTO_IMPORTS + text.substring(end);
        }
        return "package " + defaultPackage + "; " + AUTO_IMPORTS + text;
    }

    /**
     * Which file each rule of {@code files} comes from; a rule id that is not {@code <prefix>.<name>}, that
     * two files define, or that a built-in rule has, is refused.
     */
    private static Map<String, String> ruleSources(List<DrlFile> files, Set<String> builtInIds) {
        Map<String, String> sources = new LinkedHashMap<>();
        for (DrlFile file : files) {
            for (DrlFile.Rule rule : file.rules()) {
                String name = rule.id();
                if (!RULE_ID.matcher(name).matches()) {
                    throw new GovernanceException(file.name(), rule.line(), "rule id '" + name
                            + "' must be <prefix>.<name> in lower case, like \"ci.no-friday-deploys\"");
                }
                if (builtInIds.contains(name)) {
                    throw new GovernanceException(file.name(), rule.line(), "rule id '" + name + "' is a built-in rule's: "
                            + "give your rule an id of its own (to change the built-in one, set its severity or turn it "
                            + "off under rules: in governance.yml)");
                }
                String previous = sources.put(name, file.name());
                if (previous != null) {
                    throw new GovernanceException(file.name(), rule.line(), "rule id '" + name + "' is already defined in "
                            + previous);
                }
            }
        }
        return sources;
    }

    /** A key of the rule text (names and contents): identical rule files share one compiled base per JVM. */
    private static String hash(List<DrlFile> files) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (DrlFile file : files) {
                digest.update(file.name().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(file.text().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest(), 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /**
     * Starts loading the precompiled base on a background thread, if nobody has yet: a check reads its
     * history meanwhile, so on two cores neither waits for the other (most of a short check's start-up).
     */
    public static void preload() {
        BuiltIn.start();
    }

    /** Loads the precompiled base once per JVM; a failure is kept and rethrown to every caller. */
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
            ClassLoader loader = RuleSet.class.getClassLoader();
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

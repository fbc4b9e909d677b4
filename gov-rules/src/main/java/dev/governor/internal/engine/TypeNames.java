package dev.governor.internal.engine;

import dev.governor.api.Fact;
import dev.governor.api.policy.HotspotPolicy;
import dev.governor.pack.Pack;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The types a rule file can name, and what each offers: what a did-you-mean on an unknown type or field
 * chooses from. Types come from the packages every rule file imports (the fact types, the pack helpers,
 * {@code java.time}), the file's own imports and package, and {@code java.lang}.
 */
final class TypeNames {
    /** The packages every custom rule file imports (RuleSet.AUTO_IMPORTS). */
    static final List<String> AUTO_PACKAGES = List.of("dev.governor.api", "dev.governor.pack", "java.time");
    /** Public types by package, listed once per JVM: listing a jar is not free. */
    private static final Map<String, Set<String>> LISTED = new ConcurrentHashMap<>();

    private final ClassLoader loader;
    private final List<String> packages;
    private final Map<String, String> imported;
    /** Packages of Governor whose types are not imported automatically, for "add this import". */
    private final List<String> elsewhere;

    private TypeNames(ClassLoader loader, List<String> packages, Map<String, String> imported, List<String> elsewhere) {
        this.loader = loader;
        this.packages = packages;
        this.imported = imported;
        this.elsewhere = elsewhere;
    }

    /**
     * The types {@code file} sees.
     *
     * @param packs the packages of the loaded packs, whose types a file may import
     */
    static TypeNames of(DrlFile file, ClassLoader loader, boolean autoImports, Collection<String> packs) {
        DrlFile.Imports imports = file.imports();
        List<String> packages = new ArrayList<>();
        if (autoImports) {
            packages.addAll(AUTO_PACKAGES);
        }
        packages.addAll(imports.packages());
        if (file.pkg() != null) {
            packages.add(file.pkg());
        }
        packages.add("java.lang");
        List<String> elsewhere = new ArrayList<>();
        elsewhere.add(HotspotPolicy.class.getPackageName());
        elsewhere.addAll(AUTO_PACKAGES);
        elsewhere.addAll(packs);
        return new TypeNames(loader, packages, imports.types(), elsewhere);
    }

    /** The class a name written in the file stands for ({@code Deployment}, {@code Deployment.Status}), or null. */
    Class<?> resolve(String written) {
        String[] parts = written.split("\\.");
        // a qualified name (java.time.DayOfWeek), else a simple or nested one (Deployment.Status)
        Class<?> qualified = load(written);
        if (qualified != null) {
            return qualified;
        }
        Class<?> outer = null;
        String first = parts[0];
        if (imported.containsKey(first)) {
            outer = load(imported.get(first));
        }
        for (int i = 0; outer == null && i < packages.size(); i++) {
            outer = load(packages.get(i) + "." + first);
        }
        for (int i = 1; outer != null && i < parts.length; i++) {
            Class<?> inner = null;
            for (Class<?> c : outer.getClasses()) {
                if (c.getSimpleName().equals(parts[i])) {
                    inner = c;
                }
            }
            outer = inner;
        }
        return outer;
    }

    /** Every simple name the file can write without an import (and those it imports), sorted. */
    Set<String> visible() {
        Set<String> out = new TreeSet<>(imported.keySet());
        for (String pkg : packages) {
            if (!pkg.equals("java.lang")) {
                out.addAll(publicTypes(pkg));
            }
        }
        return out;
    }

    /** The qualified name of a Governor type not imported yet ({@code dev.governor.api.policy.HotspotPolicy}), or null. */
    String importable(String simple) {
        for (String pkg : elsewhere) {
            if (!packages.contains(pkg) && publicTypes(pkg).contains(simple)) {
                return pkg + "." + simple;
            }
        }
        return null;
    }

    private Class<?> load(String name) {
        try {
            return Class.forName(name, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }

    /**
     * The names a DRL constraint can use on a type, as Drools reads them: record components and other
     * public no-argument methods ({@code dayOfWeek}), getters without {@code get}/{@code is}, public fields.
     */
    static Map<String, Class<?>> properties(Class<?> type) {
        Map<String, Class<?>> out = new java.util.TreeMap<>();
        for (Method m : type.getMethods()) {
            if (m.getParameterCount() != 0 || m.getReturnType() == void.class || Modifier.isStatic(m.getModifiers())
                    || m.getDeclaringClass() == Object.class || m.getName().equals("hashCode")
                    || m.getName().equals("toString")) {
                continue;
            }
            out.putIfAbsent(property(m.getName()), m.getReturnType());
        }
        for (Field f : type.getFields()) {
            if (!Modifier.isStatic(f.getModifiers())) {
                out.putIfAbsent(f.getName(), f.getType());
            }
        }
        return out;
    }

    /** The constants of a type ({@code FRIDAY}, {@code SUCCESS}): enum values and static fields. */
    static Set<String> constants(Class<?> type) {
        Set<String> out = new LinkedHashSet<>();
        for (Field f : type.getFields()) {
            if (Modifier.isStatic(f.getModifiers())) {
                out.add(f.getName());
            }
        }
        return out;
    }

    /** The public methods of a type, by name. */
    static Set<String> methods(Class<?> type) {
        Set<String> out = new TreeSet<>();
        for (Method m : type.getMethods()) {
            if (m.getDeclaringClass() != Object.class) {
                out.add(m.getName());
            }
        }
        return out;
    }

    private static String property(String method) {
        for (String prefix : List.of("get", "is")) {
            if (method.length() > prefix.length() && method.startsWith(prefix)
                    && Character.isUpperCase(method.charAt(prefix.length()))) {
                String rest = method.substring(prefix.length());
                return rest.substring(0, 1).toLowerCase(Locale.ROOT) + rest.substring(1);
            }
        }
        return method;
    }

    /** The public top-level types of a package, read from the jar or directory (or JDK module) it lives in. */
    static Set<String> publicTypes(String pkg) {
        return LISTED.computeIfAbsent(pkg, TypeNames::list);
    }

    private static Set<String> list(String pkg) {
        Set<String> names = new TreeSet<>();
        if (pkg.startsWith("java.")) {
            listJdk(pkg, names);
            return Set.copyOf(names);
        }
        Class<?> anchor = anchor(pkg);
        if (anchor == null) {
            return Set.of();
        }
        CodeSource source = anchor.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return Set.of();
        }
        String dir = pkg.replace('.', '/') + "/";
        try {
            Path location = Path.of(source.getLocation().toURI());
            if (Files.isDirectory(location)) {
                try (Stream<Path> files = Files.list(location.resolve(dir))) {
                    files.map(p -> p.getFileName().toString()).forEach(f -> addClass(f, pkg, anchor, names));
                }
            } else {
                try (JarFile jar = new JarFile(location.toFile())) {
                    for (JarEntry e : Collections.list(jar.entries())) {
                        String n = e.getName();
                        if (n.startsWith(dir) && n.indexOf('/', dir.length()) < 0) {
                            addClass(n.substring(dir.length()), pkg, anchor, names);
                        }
                    }
                }
            }
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return Set.of(); // suggestions are a help: a package that cannot be listed offers none
        }
        return Set.copyOf(names);
    }

    private static Class<?> anchor(String pkg) {
        if (pkg.equals(Fact.class.getPackageName())) {
            return Fact.class;
        }
        if (pkg.equals(Pack.class.getPackageName())) {
            return Pack.class;
        }
        if (pkg.equals(HotspotPolicy.class.getPackageName())) {
            return HotspotPolicy.class;
        }
        try {
            // a pack's package: its package-info, if any, else nothing to anchor on
            return Class.forName(pkg + ".package-info", false, TypeNames.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }

    private static void addClass(String file, String pkg, Class<?> anchor, Set<String> names) {
        if (!file.endsWith(".class") || file.contains("$") || file.startsWith("package-info")) {
            return;
        }
        String simple = file.substring(0, file.length() - ".class".length());
        try {
            if (Modifier.isPublic(Class.forName(pkg + "." + simple, false, anchor.getClassLoader()).getModifiers())) {
                names.add(simple);
            }
        } catch (ClassNotFoundException | LinkageError e) {
            // not loadable here: not a name a rule could use
        }
    }

    private static void listJdk(String pkg, Set<String> names) {
        try {
            FileSystem jrt = FileSystems.getFileSystem(URI.create("jrt:/"));
            Path dir = jrt.getPath("modules", "java.base", pkg.replace('.', '/'));
            if (!Files.isDirectory(dir)) {
                return;
            }
            try (Stream<Path> files = Files.list(dir)) {
                files.map(p -> p.getFileName().toString()).forEach(f -> addClass(f, pkg, Object.class, names));
            }
        } catch (IOException | RuntimeException e) {
            // no JDK image to list (an unusual runtime): no suggestions from it
        }
    }
}

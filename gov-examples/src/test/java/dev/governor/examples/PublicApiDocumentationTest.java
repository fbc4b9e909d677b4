package dev.governor.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.source.util.DocTrees;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.tools.DocumentationTool;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import jdk.javadoc.doclet.Doclet;
import jdk.javadoc.doclet.DocletEnvironment;
import jdk.javadoc.doclet.Reporter;
import org.junit.jupiter.api.Test;

/**
 * Every public type of gov-api and of gov-rules' public packages (the facade, the test DSL, the pack SPI),
 * and every public member of them, says what it is in javadoc: users build facts and assertions from their
 * IDE, not from {@code javap}. Read with the javadoc tool itself, so the check sees exactly what the javadoc
 * jars show. A record's canonical constructor is documented by the record's {@code @param}s and is left out.
 * Here, where every module is on the class path, one check serves both modules.
 */
class PublicApiDocumentationTest {

    /** Collects the public elements without a doc comment; javadoc runs it in this JVM. */
    public static final class Undocumented implements Doclet {
        static final List<String> FOUND = new ArrayList<>();

        @Override
        public void init(Locale locale, Reporter reporter) {
        }

        @Override
        public String getName() {
            return "undocumented";
        }

        @Override
        public Set<? extends Option> getSupportedOptions() {
            return Set.of();
        }

        @Override
        public SourceVersion getSupportedSourceVersion() {
            return SourceVersion.latest();
        }

        @Override
        public boolean run(DocletEnvironment environment) {
            DocTrees trees = environment.getDocTrees();
            for (TypeElement type : javax.lang.model.util.ElementFilter.typesIn(environment.getIncludedElements())) {
                if (!type.getModifiers().contains(Modifier.PUBLIC)) {
                    continue;
                }
                check(trees, type, type.getQualifiedName().toString());
                for (Element member : type.getEnclosedElements()) {
                    if (!member.getModifiers().contains(Modifier.PUBLIC) && member.getKind() != ElementKind.ENUM_CONSTANT
                            || member.getKind().isClass() || member.getKind().isInterface()
                            || member instanceof RecordComponentElement || canonical(type, member)
                            || trees.getTree(member) == null || member.getAnnotation(Override.class) != null) {
                        continue; // nested types are checked as types; implicit members (values(), a record's
                                  // accessors) are not written, and an override inherits its comment
                    }
                    check(trees, member, type.getQualifiedName() + "." + member);
                }
            }
            return true;
        }

        private static boolean canonical(TypeElement type, Element member) {
            if (type.getKind() != ElementKind.RECORD || member.getKind() != ElementKind.CONSTRUCTOR) {
                return false;
            }
            List<? extends javax.lang.model.type.TypeMirror> params = ((ExecutableElement) member).getParameters().stream()
                    .map(Element::asType).toList();
            List<? extends javax.lang.model.type.TypeMirror> components = type.getRecordComponents().stream()
                    .map(Element::asType).toList();
            return params.toString().equals(components.toString());
        }

        private static void check(DocTrees trees, Element element, String name) {
            if (trees.getDocCommentTree(element) == null) {
                FOUND.add(name);
            }
        }
    }

    @Test
    void every_public_type_and_member_of_gov_api_has_javadoc() throws IOException {
        assertThat(undocumented(Path.of("..", "gov-api", "src", "main", "java"), List.of("dev.governor.api",
                "dev.governor.api.policy"))).isEmpty();
    }

    @Test
    void every_public_type_and_member_of_the_entry_points_of_gov_rules_has_javadoc() throws IOException {
        assertThat(undocumented(Path.of("..", "gov-rules", "src", "main", "java"), List.of("dev.governor",
                "dev.governor.test", "dev.governor.pack"))).isEmpty();
    }

    /** The public elements of {@code packages} (read from {@code root}) that have no doc comment. */
    static List<String> undocumented(Path root, List<String> packages) throws IOException {
        List<File> sources = new ArrayList<>();
        for (String pkg : packages) {
            try (Stream<Path> files = Files.list(root.resolve(pkg.replace('.', File.separatorChar)))) {
                files.filter(p -> p.toString().endsWith(".java")).map(Path::toFile).forEach(sources::add);
            }
        }
        assertThat(sources).hasSizeGreaterThan(5);
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        DocumentationTool javadoc = ToolProvider.getSystemDocumentationTool();
        synchronized (Undocumented.FOUND) {
            try (StandardJavaFileManager files = javadoc.getStandardFileManager(null, null, null)) {
                Iterable<? extends JavaFileObject> units = files.getJavaFileObjectsFromFiles(sources);
                Undocumented.FOUND.clear();
                boolean ran = javadoc.getTask(null, files, null, Undocumented.class,
                        List.of("-quiet", "-classpath", classPath), units).call();
                assertThat(ran).isTrue();
                return List.copyOf(Undocumented.FOUND);
            }
        }
    }
}

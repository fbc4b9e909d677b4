package dev.governor.test;

import dev.governor.Governor;
import dev.governor.Report;
import dev.governor.RuleInfo;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.junit.platform.engine.EngineDiscoveryRequest;
import org.junit.platform.engine.EngineExecutionListener;
import org.junit.platform.engine.ExecutionRequest;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestEngine;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.ClassSelector;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.discovery.UniqueIdSelector;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.EngineDescriptor;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.engine.support.discovery.EngineDiscoveryRequestResolver;
import org.junit.platform.engine.support.discovery.SelectorResolver;

/**
 * The JUnit Platform engine ({@code governor}) that runs the {@link GovTest} fields of classes annotated
 * {@link AnalyzeRepository}, each as a test of its own, after checking the class's repository once. It
 * runs beside Jupiter (which runs the same class's {@code @Test} methods), the way ArchUnit's engine
 * runs {@code @ArchTest} fields; a field is a rule, not a method, so Jupiter alone could not report it.
 * Registered in {@code META-INF/services/org.junit.platform.engine.TestEngine}; needs
 * {@code junit-platform-engine} on the test class path, which every JUnit 5 setup has.
 *
 * <pre>{@code
 * @AnalyzeRepository(path = ".")
 * class GovernanceTest {
 *     @GovTest static final GovRule passes = GovRules.noBlockingFindings();
 * }
 * }</pre>
 */
public final class GovTestEngine implements TestEngine {

    /** The engine id in unique ids: {@code [engine:governor]}. */
    public static final String ID = "governor";

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public Optional<String> getGroupId() {
        return Optional.of("dev.governor");
    }

    @Override
    public Optional<String> getArtifactId() {
        return Optional.of("gov-rules");
    }

    @Override
    public TestDescriptor discover(EngineDiscoveryRequest request, UniqueId uniqueId) {
        EngineDescriptor engine = new EngineDescriptor(uniqueId, "Governor");
        EngineDiscoveryRequestResolver.<EngineDescriptor>builder()
                .addClassContainerSelectorResolver(GovTestEngine::isAnalyzed)
                .addSelectorResolver(context -> new ClassResolver())
                .build()
                .resolve(request, engine);
        return engine;
    }

    @Override
    public void execute(ExecutionRequest request) {
        EngineExecutionListener listener = request.getEngineExecutionListener();
        TestDescriptor root = request.getRootTestDescriptor();
        listener.executionStarted(root);
        for (TestDescriptor child : new ArrayList<>(root.getChildren())) {
            if (child instanceof ClassDescriptor c) {
                run(c, listener);
            }
        }
        listener.executionFinished(root, TestExecutionResult.successful());
    }

    private static void run(ClassDescriptor c, EngineExecutionListener listener) {
        listener.executionStarted(c);
        Report report;
        List<RuleInfo> rules;
        try {
            Governor governor = governor(c.testClass);
            report = governor.check();
            rules = governor.rules();
        } catch (Throwable e) {
            // without a report no field can be checked: the class fails once, with the cause
            listener.executionFinished(c, TestExecutionResult.failed(e));
            return;
        }
        for (TestDescriptor child : new ArrayList<>(c.getChildren())) {
            FieldDescriptor f = (FieldDescriptor) child;
            listener.executionStarted(f);
            listener.executionFinished(f, check(f.field, report, rules));
        }
        listener.executionFinished(c, TestExecutionResult.successful());
    }

    private static TestExecutionResult check(Field field, Report report, List<RuleInfo> rules) {
        try {
            if (!Modifier.isStatic(field.getModifiers()) || !GovRule.class.isAssignableFrom(field.getType())) {
                throw new IllegalStateException("@GovTest field " + field.getDeclaringClass().getSimpleName() + "."
                        + field.getName() + " must be a static GovRule, like: @GovTest static final GovRule "
                        + field.getName() + " = GovRules.noBlockingFindings();");
            }
            field.setAccessible(true);
            GovRule rule = (GovRule) field.get(null);
            if (rule == null) {
                throw new IllegalStateException("@GovTest field " + field.getName() + " is null: assign it a GovRule");
            }
            GovRule.Result result = rule.evaluate(report, rules);
            return result.passed() ? TestExecutionResult.successful()
                    : TestExecutionResult.failed(new AssertionError(result.message()));
        } catch (Throwable e) {
            return TestExecutionResult.failed(e);
        }
    }

    /** The governor a class's annotation describes. */
    static Governor governor(Class<?> testClass) throws ReflectiveOperationException {
        AnalyzeRepository at = testClass.getAnnotation(AnalyzeRepository.class);
        Path repository = at.location() == AnalyzeRepository.Location.class ? Path.of(at.path())
                : at.location().getDeclaredConstructor().newInstance().repository(testClass);
        Governor.Builder builder = Governor.builder().repository(repository);
        if (!at.policy().isEmpty()) {
            builder.policy(repository.resolve(at.policy()));
        }
        for (String dir : at.rules()) {
            builder.rules(repository.resolve(dir));
        }
        return builder.build();
    }

    private static boolean isAnalyzed(Class<?> c) {
        return c.isAnnotationPresent(AnalyzeRepository.class) && !Modifier.isAbstract(c.getModifiers());
    }

    /** Resolves classes (from class, package and class-path selectors) and unique ids to class descriptors. */
    private static final class ClassResolver implements SelectorResolver {
        @Override
        public Resolution resolve(ClassSelector selector, Context context) {
            Class<?> c = selector.getJavaClass();
            if (!isAnalyzed(c)) {
                return Resolution.unresolved();
            }
            return context.addToParent(parent -> Optional.of(new ClassDescriptor(parent.getUniqueId(), c)))
                    .map(d -> Resolution.match(Match.exact(d)))
                    .orElse(Resolution.unresolved());
        }

        @Override
        public Resolution resolve(UniqueIdSelector selector, Context context) {
            // a rerun of one field or class (IDEs): the class is checked once anyway, so run all of it
            for (UniqueId.Segment segment : selector.getUniqueId().getSegments()) {
                if (segment.getType().equals(ClassDescriptor.SEGMENT)) {
                    return Resolution.selectors(java.util.Set.of(DiscoverySelectors.selectClass(segment.getValue())));
                }
            }
            return Resolution.unresolved();
        }
    }

    /** One analysed class: checks its repository once, then its fields. */
    private static final class ClassDescriptor extends AbstractTestDescriptor {
        static final String SEGMENT = "class";
        final Class<?> testClass;

        ClassDescriptor(UniqueId parent, Class<?> testClass) {
            super(parent.append(SEGMENT, testClass.getName()), testClass.getSimpleName(), ClassSource.from(testClass));
            this.testClass = testClass;
            List<Field> fields = new ArrayList<>();
            for (Class<?> k = testClass; k != null && k != Object.class; k = k.getSuperclass()) {
                for (Field f : k.getDeclaredFields()) {
                    if (f.isAnnotationPresent(GovTest.class)) {
                        fields.add(f);
                    }
                }
            }
            // declared order is not guaranteed by reflection: sort for a stable report
            fields.sort(Comparator.comparing(Field::getName));
            for (Field f : fields) {
                addChild(new FieldDescriptor(getUniqueId(), f, testClass));
            }
        }

        @Override
        public Type getType() {
            return Type.CONTAINER;
        }
    }

    /** One {@link GovTest} field: a test. */
    private static final class FieldDescriptor extends AbstractTestDescriptor {
        final Field field;

        FieldDescriptor(UniqueId parent, Field field, Class<?> testClass) {
            // a method source named after the field: build tools (Surefire) name a test after its method
            super(parent.append("field", field.getName()), field.getName(),
                    MethodSource.from(testClass.getName(), field.getName()));
            this.field = field;
        }

        @Override
        public Type getType() {
            return Type.TEST;
        }
    }
}

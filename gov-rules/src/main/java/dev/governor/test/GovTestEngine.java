package dev.governor.test;

import dev.governor.Governor;
import dev.governor.Report;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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
 * The JUnit Platform engine ({@code governor}) that runs the {@link GovTest} fields and methods of classes
 * annotated {@link AnalyzeRepository}, each as a test of its own, after checking the class's repository
 * once. It runs beside Jupiter (which runs the same class's {@code @Test} methods), the way ArchUnit's
 * engine runs {@code @ArchTest} members; a field is a rule, not a method, so Jupiter alone could not report it.
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

    /** Made by the JUnit Platform, which finds the engine with {@link java.util.ServiceLoader}. */
    public GovTestEngine() {
    }

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
        Governor governor;
        Report report;
        try {
            governor = governor(c.testClass);
            report = governor.check();
        } catch (Throwable e) {
            // without a report nothing can be checked: the class fails once, with the cause
            listener.executionFinished(c, TestExecutionResult.failed(e));
            return;
        }
        for (TestDescriptor child : new ArrayList<>(c.getChildren())) {
            listener.executionStarted(child);
            TestExecutionResult result = child instanceof FieldDescriptor f ? check(f.field, report)
                    : invoke(((MethodDescriptor) child).method, c.testClass, report, governor);
            listener.executionFinished(child, result);
        }
        listener.executionFinished(c, TestExecutionResult.successful());
    }

    private static TestExecutionResult check(Field field, Report report) {
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
            GovRule.Result result = rule.evaluate(report);
            return result.passed() ? TestExecutionResult.successful()
                    : TestExecutionResult.failed(new AssertionError(result.message()));
        } catch (Throwable e) {
            return TestExecutionResult.failed(e);
        }
    }

    /** Runs a {@link GovTest} method with the class's report and governor, on a new instance unless static. */
    private static TestExecutionResult invoke(Method method, Class<?> testClass, Report report, Governor governor) {
        try {
            Class<?>[] types = method.getParameterTypes();
            Object[] args = new Object[types.length];
            for (int i = 0; i < types.length; i++) {
                if (types[i] == Report.class) {
                    args[i] = report;
                } else if (types[i] == Governor.class) {
                    args[i] = governor;
                } else {
                    throw new IllegalStateException("@GovTest method " + testClass.getSimpleName() + "." + method.getName()
                            + " may take a Report and a Governor, not a " + types[i].getSimpleName() + ", like: @GovTest "
                            + "void " + method.getName() + "(Report report) { GovRules.noBlockingFindings().check(report); }");
                }
            }
            method.setAccessible(true);
            Object target = null;
            if (!Modifier.isStatic(method.getModifiers())) {
                Constructor<?> constructor = testClass.getDeclaredConstructor();
                constructor.setAccessible(true);
                target = constructor.newInstance();
            }
            method.invoke(target, args);
            return TestExecutionResult.successful();
        } catch (InvocationTargetException e) {
            return TestExecutionResult.failed(e.getCause());
        } catch (Throwable e) {
            return TestExecutionResult.failed(e);
        }
    }

    /** The governor a class's annotation describes; paths follow the builder's rule (relative to the repository). */
    static Governor governor(Class<?> testClass) throws ReflectiveOperationException {
        AnalyzeRepository at = testClass.getAnnotation(AnalyzeRepository.class);
        Path repository = at.location() == AnalyzeRepository.Location.class ? Path.of(at.path())
                : at.location().getDeclaredConstructor().newInstance().repository(testClass);
        Governor.Builder builder = Governor.builder().repository(repository);
        if (!at.policy().isEmpty()) {
            builder.policy(Path.of(at.policy()));
        }
        for (String dir : at.rules()) {
            builder.rules(Path.of(dir));
        }
        if (!at.now().isEmpty()) {
            try {
                builder.clock(Clock.fixed(Instant.parse(at.now()), ZoneOffset.UTC));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("@AnalyzeRepository(now = \"" + at.now() + "\") on "
                        + testClass.getSimpleName() + " is not an instant: write it as 2026-11-10T00:00:00Z", e);
            }
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

    /** One analysed class: checks its repository once, then its fields and methods. */
    private static final class ClassDescriptor extends AbstractTestDescriptor {
        static final String SEGMENT = "class";
        final Class<?> testClass;

        ClassDescriptor(UniqueId parent, Class<?> testClass) {
            super(parent.append(SEGMENT, testClass.getName()), testClass.getSimpleName(), ClassSource.from(testClass));
            this.testClass = testClass;
            List<TestDescriptor> tests = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (Class<?> k = testClass; k != null && k != Object.class; k = k.getSuperclass()) {
                for (Field f : k.getDeclaredFields()) {
                    if (f.isAnnotationPresent(GovTest.class) && seen.add(f.getName())) {
                        tests.add(new FieldDescriptor(getUniqueId(), f, testClass));
                    }
                }
                for (Method m : k.getDeclaredMethods()) {
                    // an overriding method hides the one it overrides, as in JUnit
                    if (m.isAnnotationPresent(GovTest.class) && !m.isBridge() && seen.add(m.getName() + "()")) {
                        tests.add(new MethodDescriptor(getUniqueId(), m, testClass));
                    }
                }
            }
            // declared order is not guaranteed by reflection: sort for a stable report
            tests.sort(Comparator.comparing(TestDescriptor::getDisplayName));
            tests.forEach(this::addChild);
        }

        @Override
        public Type getType() {
            return Type.CONTAINER;
        }
    }

    /** One {@link GovTest} method: a test. */
    private static final class MethodDescriptor extends AbstractTestDescriptor {
        final Method method;

        MethodDescriptor(UniqueId parent, Method method, Class<?> testClass) {
            super(parent.append("method", method.getName()), method.getName(),
                    MethodSource.from(testClass.getName(), method.getName()));
            this.method = method;
        }

        @Override
        public Type getType() {
            return Type.TEST;
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

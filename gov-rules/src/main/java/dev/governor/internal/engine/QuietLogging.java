package dev.governor.internal.engine;

import java.util.ServiceLoader;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * Governor logs nothing itself; Drools and JGit log through SLF4J. A host with no SLF4J provider on its
 * class path would see SLF4J's three-line "No SLF4J providers were found" on every run, about logs it never
 * asked for and SLF4J discards anyway. So, when there is no provider (and no old-style binding, whose user
 * needs SLF4J's hint that it is ignored) and the host has not set SLF4J's verbosity itself, SLF4J's own
 * reporting is lowered to errors while it starts. The property is removed again at once: SLF4J reads it
 * only when it starts.
 */
public final class QuietLogging {
    private static final String VERBOSITY = "slf4j.internal.verbosity";

    private QuietLogging() {
    }

    /** Starts SLF4J quietly if it has no provider; does nothing once SLF4J has started or a provider is present. */
    public static synchronized void whenNoProvider() {
        ClassLoader loader = LoggerFactory.class.getClassLoader();
        if (System.getProperty(VERBOSITY) != null
                || ServiceLoader.load(SLF4JServiceProvider.class, loader).iterator().hasNext()
                || (loader != null ? loader : ClassLoader.getSystemClassLoader())
                        .getResource("org/slf4j/impl/StaticLoggerBinder.class") != null) {
            return;
        }
        System.setProperty(VERBOSITY, "ERROR");
        try {
            LoggerFactory.getILoggerFactory();
        } finally {
            System.clearProperty(VERBOSITY);
        }
    }
}

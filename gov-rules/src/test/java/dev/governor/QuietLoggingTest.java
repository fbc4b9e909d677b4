package dev.governor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.governor.api.Change;
import dev.governor.api.Facts;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * An embedding tool without an SLF4J provider sees nothing of SLF4J: run in a JVM of its own whose class path
 * is this module's test class path without slf4j-nop, as a host that never chose a logger has it.
 */
class QuietLoggingTest {

    /** A host's main: one check of facts built in memory. */
    public static final class Host {
        public static void main(String[] args) {
            Facts facts = Facts.builder().change(Change.builder("#1").mergedAt(Instant.parse("2026-11-02T10:00:00Z"))
                    .declaredType("feature").risk("low").field("intent", "i").field("blast-radius", "b")
                    .field("verification", "v").field("rollback", "r").build()).build();
            System.out.println(Governor.builder().facts(facts).build().check().passed() ? "passed" : "failed");
        }
    }

    @Test
    void a_host_without_an_slf4j_provider_gets_no_slf4j_warning() throws IOException, InterruptedException {
        String full = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> entries = Arrays.stream(full.split(File.pathSeparator)).filter(e -> !e.contains("slf4j-nop")).toList();
        assertThat(entries).anyMatch(e -> e.contains("slf4j-api")); // SLF4J is there, a provider is not

        Process java = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", String.join(File.pathSeparator, entries), Host.class.getName()).start();
        java.getOutputStream().close();
        assertThat(java.waitFor(120, TimeUnit.SECONDS)).isTrue();

        assertThat(new String(java.getErrorStream().readAllBytes(), StandardCharsets.UTF_8)).isEmpty();
        assertThat(new String(java.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("passed\n");
        assertThat(java.exitValue()).isZero();
    }
}

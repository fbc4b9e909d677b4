package dev.governor.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.governor.Governor;
import dev.governor.Report;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * "A Governor is immutable and thread-safe: many threads may call check at once" (spec/api.md): sixteen
 * threads check one shared Governor of a real repository (with findings) and custom rules, all at once, and
 * every report is the one a single thread gets, byte for byte.
 */
class ConcurrentChecksTest {

    @Test
    void sixteen_threads_checking_one_governor_get_the_same_report_as_one_thread() throws Exception {
        Clock clock = Clock.fixed(Instant.parse(ExampleRepositories.LEGACY_NOW), ZoneOffset.UTC);
        Governor governor = Governor.builder().repository(ExampleRepositories.legacyWithNewHotspot()).clock(clock)
                .rules(HostTool.bundledRules()).build(); // the custom rules run in a session of their own
        String expected = governor.check().toJson();
        assertThat(expected).contains("\"changes\" : 9").contains("\"rule\" : \"intent.tactical-hotspot\"");

        int threads = 16;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<List<String>>> runs = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                runs.add(pool.submit(() -> {
                    start.await();
                    List<String> reports = new ArrayList<>();
                    for (int i = 0; i < 3; i++) {
                        Report report = governor.check();
                        reports.add(report.toJson());
                    }
                    return reports;
                }));
            }
            start.countDown();
            for (Future<List<String>> run : runs) {
                assertThat(run.get(120, TimeUnit.SECONDS)).containsOnly(expected).hasSize(3);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}

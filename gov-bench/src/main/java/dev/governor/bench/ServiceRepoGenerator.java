package dev.governor.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * Writes a git repository of Maven services with a long first-parent history, through {@code git fast-import}:
 * the workload of the Change layer's boundary classification. Twelve services ({@code services/sNN}, each a
 * {@code pom.xml} and twenty sources) take ordinary edits; every 250th commit reshapes a boundary in turn: a
 * rename, a split into a new service, a merge into another, a removal, and a new service to make up for it.
 * Every 500th commit adds an ADR under {@code docs/adr}.
 *
 * <pre>{@code
 * java -cp gov-bench/target/benchmarks.jar dev.governor.bench.ServiceRepoGenerator gov-bench/target/bench-data/services-50k 50000
 * }</pre>
 */
public final class ServiceRepoGenerator {

    private static final long START = 1_700_000_000L;

    private ServiceRepoGenerator() {
    }

    /** {@code DIR COMMITS [SEED]}. */
    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length < 2) {
            System.err.println("usage: ServiceRepoGenerator DIR COMMITS [SEED]  (DIR must not exist yet)");
            System.exit(2);
        }
        long started = System.nanoTime();
        write(Path.of(args[0]), Integer.parseInt(args[1]), args.length > 2 ? Long.parseLong(args[2]) : 42);
        System.err.printf("wrote %s commits to %s in %d ms%n", args[1], args[0],
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    }

    /** Creates {@code dir} (which must not exist) with {@code commits} commits on {@code main}. */
    public static void write(Path dir, int commits, long seed) throws IOException, InterruptedException {
        if (Files.exists(dir)) {
            throw new IOException(dir + " already exists: give a new directory, the generator never overwrites");
        }
        Files.createDirectories(dir);
        run(dir, "git", "init", "-q", "-b", "main");
        Process importer = new ProcessBuilder("git", "fast-import", "--quiet", "--done", "--date-format=raw")
                .directory(dir.toFile()).inheritIO().redirectInput(ProcessBuilder.Redirect.PIPE).start();
        try (OutputStream out = new BufferedOutputStream(importer.getOutputStream(), 1 << 16)) {
            new Script(out, commits, new Random(seed)).write();
        }
        if (importer.waitFor() != 0) {
            throw new IOException("git fast-import failed in " + dir);
        }
        run(dir, "git", "reset", "-q", "--hard", "main");
    }

    private static void run(Path dir, String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed in " + dir);
        }
    }

    private static final class Script {
        private final OutputStream out;
        private final int commits;
        private final Random random;
        /** Each service's source files, by service directory. */
        private final TreeMap<String, List<String>> services = new TreeMap<>();
        private int next;
        private int adrs;

        Script(OutputStream out, int commits, Random random) {
            this.out = out;
            this.commits = commits;
            this.random = random;
        }

        void write() throws IOException {
            StringBuilder files = new StringBuilder();
            for (int i = 0; i < 12; i++) {
                create(files);
            }
            commit(1, "Start the services", files);
            for (int n = 2; n <= commits; n++) {
                files.setLength(0);
                String subject;
                if (n % 500 == 0) {
                    adrs++;
                    files.append("M 100644 inline docs/adr/").append(String.format("%04d", adrs)).append("-decision-")
                            .append(adrs).append(".md\n");
                    data(files, "# " + adrs + ". Decision " + adrs + "\n\n## Status\n\nAccepted\n\n## Decision\n\n"
                            + "We decide " + adrs + ".\n\n## Reason\n\nBecause of " + n + ".\n");
                    subject = "Record decision " + adrs;
                } else if (n % 250 == 0) {
                    subject = reshape(n / 250 % 5, files);
                } else {
                    subject = edit(n, files);
                }
                commit(n, subject + " (#" + n + ")", files);
            }
            line("done");
        }

        private String edit(int n, StringBuilder files) {
            List<String> names = new ArrayList<>(services.keySet());
            int k = 1 + random.nextInt(3);
            for (int i = 0; i < k; i++) {
                List<String> own = services.get(names.get(random.nextInt(names.size())));
                String path = own.get(random.nextInt(own.size()));
                files.append("M 100644 inline ").append(path).append('\n');
                data(files, "class F { int v = " + n + "; }\n");
            }
            return "Edit " + k + " files";
        }

        /** One boundary change in turn: rename, split, merge, removal, then a new service. */
        private String reshape(int kind, StringBuilder files) {
            List<String> names = new ArrayList<>(services.keySet());
            String s = names.get(random.nextInt(names.size()));
            switch (kind) {
                case 0 -> {
                    String to = "services/s" + String.format("%02d", next++);
                    files.append("R ").append(s).append(' ').append(to).append('\n');
                    List<String> moved = new ArrayList<>();
                    for (String p : services.remove(s)) {
                        moved.add(to + p.substring(s.length()));
                    }
                    services.put(to, moved);
                    return "Rename " + s + " to " + to;
                }
                case 1 -> {
                    String to = "services/s" + String.format("%02d", next++);
                    files.append("M 100644 inline ").append(to).append("/pom.xml\n");
                    data(files, "<project><artifactId>" + to + "</artifactId></project>\n");
                    List<String> own = services.get(s);
                    List<String> moved = new ArrayList<>();
                    int keep = own.size() > 2 ? own.size() / 2 + 1 : own.size(); // a share moves, most stays
                    for (int i = own.size() - 1; i >= keep; i--) {
                        String p = own.remove(i);
                        String q = to + p.substring(s.length());
                        files.append("R ").append(p).append(' ').append(q).append('\n');
                        moved.add(q);
                    }
                    services.put(to, moved.isEmpty() ? new ArrayList<>(List.of(to + "/pom.xml")) : moved);
                    return "Split " + to + " out of " + s;
                }
                case 2 -> {
                    String into = names.get((names.indexOf(s) + 1) % names.size());
                    if (into.equals(s) || names.size() < 4) {
                        return edit(0, files);
                    }
                    files.append("D ").append(s).append("/pom.xml\n");
                    for (String p : services.remove(s)) {
                        if (p.endsWith("/pom.xml")) {
                            continue; // a service split off with nothing but its build file: deleted above
                        }
                        String q = into + "/src/merged/" + s.substring(s.lastIndexOf('/') + 1) + "-"
                                + p.substring(p.lastIndexOf('/') + 1);
                        files.append("R ").append(p).append(' ').append(q).append('\n');
                        services.get(into).add(q);
                    }
                    return "Merge " + s + " into " + into;
                }
                case 3 -> {
                    if (names.size() < 4) {
                        return edit(0, files);
                    }
                    files.append("D ").append(s).append('\n');
                    services.remove(s);
                    return "Remove " + s;
                }
                default -> {
                    create(files);
                    return "Add a service";
                }
            }
        }

        private void create(StringBuilder files) {
            String s = "services/s" + String.format("%02d", next++);
            files.append("M 100644 inline ").append(s).append("/pom.xml\n");
            data(files, "<project><artifactId>" + s + "</artifactId></project>\n");
            List<String> own = new ArrayList<>();
            for (int f = 0; f < 20; f++) {
                String path = s + "/src/main/java/acme/F" + f + ".java";
                files.append("M 100644 inline ").append(path).append('\n');
                data(files, "class F" + f + " {}\n");
                own.add(path);
            }
            services.put(s, own);
        }

        private static void data(StringBuilder files, String content) {
            files.append("data ").append(content.getBytes(StandardCharsets.UTF_8).length).append('\n').append(content).append('\n');
        }

        private void commit(int n, String subject, StringBuilder files) throws IOException {
            String message = subject + "\n\nIntent: keep the services apart\nBlast-Radius: one service\n"
                    + "Verification: unit tests\nRollback: revert the commit\n";
            line("commit refs/heads/main");
            line("mark :" + n);
            line("committer Dev <dev@example.com> " + (START + n * 600L) + " +0000");
            byte[] msg = message.getBytes(StandardCharsets.UTF_8);
            line("data " + msg.length);
            out.write(msg);
            line("");
            if (n > 1) {
                line("from :" + (n - 1));
            }
            out.write(files.toString().getBytes(StandardCharsets.UTF_8));
            line("");
        }

        private void line(String s) throws IOException {
            out.write(s.getBytes(StandardCharsets.UTF_8));
            out.write('\n');
        }
    }
}

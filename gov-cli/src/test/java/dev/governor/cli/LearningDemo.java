package dev.governor.cli;

import dev.governor.api.IsoWeek;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A team's repository with eight weeks of records (2026-W41 to 2026-W48, now being Thursday of W48): a change a
 * working day, each deployed the same afternoon, a few incidents, reverts and cross-team reviews. Change failure
 * rate rises in W46 and again in W47, so releases are blocked in W48; with {@code gapWeek} nothing is deployed in
 * W46, the run breaks, and nothing is blocked. The records follow formats.md; the shapes (one YAML list per file,
 * a deployment per merge, incidents naming the deployment or its abbreviated SHA) are what a CD pipeline and an
 * incident tracker export, written by us.
 */
final class LearningDemo {
    static final String NOW = "2026-11-26T12:00:00Z";
    static final IsoWeek FIRST = IsoWeek.parse("2026-W41");
    /** Deployments rolled back, of five a week (W48: of three, the week being under way). */
    private static final int[] ROLLED_BACK = {1, 0, 1, 1, 1, 2, 3, 1};
    /** Hours each week's incidents took to resolve (one incident per rolled-back deployment). */
    private static final int[][] RESOLVED_IN = {{6}, {}, {5}, {4}, {4}, {3, 2}, {3, 2, 1}, {1}};
    /** Hours the platform team took to review each Tuesday's change. */
    private static final int[] PLATFORM_WAIT = {8, 6, 7, 5, 4, 4, 3, 3};

    private LearningDemo() {
    }

    /** Builds the repository in {@code dir} and returns its root. */
    static Path build(Path dir, boolean gapWeek) {
        List<String> deployments = new ArrayList<>();
        List<String> incidents = new ArrayList<>();
        List<String> reviews = new ArrayList<>();
        try (GitRepo git = GitRepo.init(dir)) {
            int n = 0;
            String previousSha = null;
            for (int w = 0; w < ROLLED_BACK.length; w++) {
                Instant monday = IsoWeek.ofIndex(FIRST.index() + w).start();
                int days = w == ROLLED_BACK.length - 1 ? 3 : 5;
                int incident = 0;
                for (int d = 0; d < days; d++) {
                    n++;
                    Instant merged = monday.plus(Duration.ofDays(d)).plus(Duration.ofHours(10));
                    String path = "src/app/Feature" + n + ".java";
                    String sha;
                    if ((w == 2 || w == 4) && d == 2) {
                        sha = git.commit(path, "class Feature" + n + " {}\n", "Revert the change of yesterday (#" + n + ")\n\n"
                                + "This reverts commit " + previousSha + ".\n\nChange-Type: tactical-fix\n" + GitRepo.COMPLETE,
                                merged);
                    } else {
                        sha = git.change(path, "class Feature" + n + " {}\n", "Add feature " + n + " (#" + n + ")",
                                n % 3 == 0 ? "tactical-fix" : "feature", merged);
                    }
                    previousSha = sha;
                    if (d == 1) {
                        Instant requested = merged.minus(Duration.ofHours(20));
                        reviews.add("- { change: \"#" + n + "\", team: platform, requested: " + requested + ", reviewed: "
                                + requested.plus(Duration.ofHours(PLATFORM_WAIT[w])) + " }");
                        // ada is in payments (governance.yml): her own team's review is no cross-team wait
                        reviews.add("- { change: \"#" + n + "\", team: payments, requested: " + requested + ", reviewed: "
                                + requested.plus(Duration.ofHours(19)) + " }");
                    }
                    if (gapWeek && w == 5) {
                        continue;
                    }
                    Instant deployed = merged.plus(Duration.ofHours(5));
                    boolean rolledBack = d < ROLLED_BACK[w];
                    String id = "deploy-" + n;
                    deployments.add("- { id: " + id + ", sha: " + sha + ", env: prod, at: " + deployed + ", status: "
                            + (rolledBack ? "rolled-back" : "success") + " }");
                    if (rolledBack && incident < RESOLVED_IN[w].length) {
                        Instant opened = deployed.plus(Duration.ofMinutes(20));
                        // the incident tracker names the deployment, or only the commit it shipped
                        String cause = w == 6 && d == 2 ? sha.substring(0, 7) : id;
                        incidents.add("- { id: INC-" + (100 + incidents.size()) + ", env: prod, opened: " + opened
                                + ", resolved: " + opened.plus(Duration.ofHours(RESOLVED_IN[w][incident])) + ", cause: "
                                + cause + " }");
                        incident++;
                    }
                }
            }
            Path root = git.root();
            Files.createDirectories(root.resolve(".gov"));
            Files.writeString(root.resolve(".gov/deployments.yml"), "# exported by the deploy pipeline\n"
                    + String.join("\n", deployments) + "\n");
            Files.writeString(root.resolve(".gov/incidents.yml"), String.join("\n", incidents) + "\n");
            Files.writeString(root.resolve(".gov/reviews.yml"), String.join("\n", reviews) + "\n");
            Files.writeString(root.resolve("governance.yml"), """
                    learning:
                      teams:
                        payments: [ada@example.com]
                    """);
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

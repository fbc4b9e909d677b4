package dev.governor.cli;

import dev.governor.Governor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --rules DIR}, repeatable, shared by the commands that load custom rules. */
final class RulesOption {
    @Option(names = "--rules", paramLabel = "DIR", description = "A directory of custom .drl rules (repeatable).")
    List<Path> dirs = new ArrayList<>();

    /** Adds every given rule directory to {@code builder}, from where the command runs (not from --repo). */
    Governor.Builder addTo(Governor.Builder builder) {
        dirs.forEach(dir -> builder.rules(dir.toAbsolutePath()));
        return builder;
    }
}

package dev.governor.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --repo}, shared by the commands that read a repository. */
final class RepoOption {
    @Option(names = "--repo", paramLabel = "DIR",
            description = "The git repository to read (default: the current directory).")
    Path repo;

    /** The repository: {@code --repo}, else the directory the command runs in. */
    Path repository() {
        return repo != null ? repo : Path.of("").toAbsolutePath();
    }
}

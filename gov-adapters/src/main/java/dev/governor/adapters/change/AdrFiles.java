package dev.governor.adapters.change;

import dev.governor.api.Adr;
import dev.governor.api.FileTree;
import dev.governor.api.GovernanceException;
import dev.governor.api.policy.AdrPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Which files are ADRs, and the ADRs of a working tree: the Markdown files directly in the ADR directories
 * ({@code adr.dirs}), except a {@code README}, an {@code index} and templates ({@code template.md},
 * {@code adr-template.md}), which live beside ADRs in adr-tools, MADR and log4brains layouts.
 *
 * <pre>{@code
 * List<Adr> adrs = AdrFiles.read(Path.of("."));              // docs/adr, doc/adr, docs/decisions
 * List<ArchRule> rules = AdrArchRules.removedBoundaries(adrs);  // gov-archunit: the same memory in unit tests
 * }</pre>
 */
public final class AdrFiles {

    private AdrFiles() {
    }

    /** Whether {@code path} is an ADR file under one of {@code dirs}. */
    public static boolean isAdr(String path, List<String> dirs) {
        int slash = path.lastIndexOf('/');
        String dir = slash < 0 ? "" : path.substring(0, slash);
        String name = path.substring(slash + 1).toLowerCase(Locale.ROOT);
        if (!name.endsWith(".md") || name.equals("readme.md") || name.equals("index.md") || name.contains("template")) {
            return false;
        }
        for (String d : dirs) {
            if (dir.equals(strip(d))) {
                return true;
            }
        }
        return false;
    }

    /** The ADR files of a tree, in path order. */
    static List<String> list(FileTree tree, List<String> dirs) {
        List<String> out = new ArrayList<>();
        for (String d : dirs) {
            for (String path : tree.files(strip(d))) {
                if (isAdr(path, dirs) && !out.contains(path)) {
                    out.add(path);
                }
            }
        }
        out.sort(null);
        return out;
    }

    /** The ADRs in the default directories of a working tree ({@link AdrPolicy#DEFAULT}), in path order. */
    public static List<Adr> read(Path root) {
        return read(root, AdrPolicy.DEFAULT.dirs());
    }

    /**
     * The ADRs in {@code dirs} of a working tree, in path order; a file that cannot be read is an error, a
     * file that is not a well-formed ADR is an ADR with {@link Adr#problems()}.
     *
     * @throws GovernanceException naming the file when it cannot be read
     */
    public static List<Adr> read(Path root, List<String> dirs) {
        List<String> paths = new ArrayList<>();
        for (String d : dirs) {
            Path dir = root.resolve(strip(d));
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.list(dir)) {
                files.filter(Files::isRegularFile)
                        .map(f -> strip(d) + "/" + f.getFileName())
                        .filter(p -> isAdr(p, dirs))
                        .forEach(paths::add);
            } catch (IOException e) {
                throw new GovernanceException(strip(d), 0, "cannot list the ADR directory: " + e.getMessage());
            }
        }
        paths.sort(null);
        List<Adr> adrs = new ArrayList<>();
        for (String path : paths) {
            try {
                Path file = root.resolve(path);
                if (Files.size(file) > AdrReader.MAX_BYTES) {
                    adrs.add(AdrReader.read(path, new byte[AdrReader.MAX_BYTES + 1]));
                } else {
                    adrs.add(AdrReader.read(path, Files.readAllBytes(file)));
                }
            } catch (IOException e) {
                throw new GovernanceException(path, 0, "cannot read the ADR: " + e.getMessage());
            }
        }
        return adrs;
    }

    private static String strip(String dir) {
        String d = dir.replace('\\', '/');
        while (d.endsWith("/")) {
            d = d.substring(0, d.length() - 1);
        }
        while (d.startsWith("./")) {
            d = d.substring(2);
        }
        return d;
    }
}

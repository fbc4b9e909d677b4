package dev.governor.api;

import java.util.List;
import java.util.Optional;

/**
 * The files of one commit's tree, as a {@link History} gives them. Listing is lazy and cached; paths
 * are relative to the repository root, with {@code /} separators.
 */
public interface FileTree {

    /** The full SHA of the commit this tree belongs to, or {@code null} for the empty tree. */
    String commit();

    /** Whether a file (not a directory) exists at {@code path}. */
    boolean contains(String path);

    /** The file at {@code path}, if there is one. */
    Optional<FileContent> file(String path);

    /** Every file path under {@code directory} (recursively; {@code ""} for the whole tree), sorted. */
    List<String> files(String directory);

    /** The names of the directories directly under {@code directory} ({@code ""} for the root), sorted. */
    List<String> directories(String directory);
}

package dev.governor.api;

import java.util.Objects;

/**
 * One file a change touched, as in the diff against its first parent.
 *
 * @param kind    what happened to the file
 * @param oldPath the path before the change ({@code null} when added)
 * @param newPath the path after the change ({@code null} when deleted)
 */
public record FileChange(Kind kind, String oldPath, String newPath) {

    /** What a change did to a file. */
    public enum Kind {
        /** New in the change: no old path. */
        ADDED,
        /** Changed in place: old and new path are the same. */
        MODIFIED,
        /** Removed: no new path. */
        DELETED,
        /** Moved (with or without edits), as {@code git log -M} finds it. */
        RENAMED,
        /** Copied from another file, which stays. */
        COPIED
    }

    public FileChange {
        Objects.requireNonNull(kind, "kind");
        if (kind != Kind.ADDED && oldPath == null) {
            throw new IllegalArgumentException(kind + " needs the old path");
        }
        if (kind != Kind.DELETED && newPath == null) {
            throw new IllegalArgumentException(kind + " needs the new path");
        }
    }

    /** A file the change added: {@code FileChange.added("src/pay/Refund.java")}. */
    public static FileChange added(String path) {
        return new FileChange(Kind.ADDED, null, path);
    }

    /** A file the change modified in place. */
    public static FileChange modified(String path) {
        return new FileChange(Kind.MODIFIED, path, path);
    }

    /** A file the change deleted. */
    public static FileChange deleted(String path) {
        return new FileChange(Kind.DELETED, path, null);
    }

    /** A file the change moved from {@code from} to {@code to}. */
    public static FileChange renamed(String from, String to) {
        return new FileChange(Kind.RENAMED, from, to);
    }

    /** The path the file has after the change, or had before it was deleted. */
    public String path() {
        return newPath != null ? newPath : oldPath;
    }
}

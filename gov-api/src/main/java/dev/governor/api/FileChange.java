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
    public enum Kind { ADDED, MODIFIED, DELETED, RENAMED, COPIED }

    public FileChange {
        Objects.requireNonNull(kind, "kind");
        if (kind != Kind.ADDED && oldPath == null) {
            throw new IllegalArgumentException(kind + " needs the old path");
        }
        if (kind != Kind.DELETED && newPath == null) {
            throw new IllegalArgumentException(kind + " needs the new path");
        }
    }

    public static FileChange added(String path) {
        return new FileChange(Kind.ADDED, null, path);
    }

    public static FileChange modified(String path) {
        return new FileChange(Kind.MODIFIED, path, path);
    }

    public static FileChange deleted(String path) {
        return new FileChange(Kind.DELETED, path, null);
    }

    public static FileChange renamed(String from, String to) {
        return new FileChange(Kind.RENAMED, from, to);
    }

    /** The path the file has after the change, or had before it was deleted. */
    public String path() {
        return newPath != null ? newPath : oldPath;
    }
}

package dev.governor.api;

import java.io.InputStream;

/**
 * One file of a {@link FileTree}: its identity and size are known at once, its bytes are read on demand
 * and bounded, so that a reader never loads a file it did not expect to be that large.
 */
public interface FileContent {

    /** The file's path in the tree. */
    String path();

    /** The object id of its content: equal ids mean equal content, so a reader can skip an unchanged file. */
    String id();

    /** Its size in bytes. */
    long size();

    /** Streams its content; the caller closes the stream. */
    InputStream open();

    /**
     * Its whole content.
     *
     * @param maxBytes the largest content accepted
     * @throws GovernanceException naming the path and commit when the file is larger than {@code maxBytes}
     */
    byte[] bytes(long maxBytes);
}

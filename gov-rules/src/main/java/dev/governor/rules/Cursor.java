package dev.governor.rules;

/**
 * Which change the Intent rules are processing: changes arrive one at a time, in merge order, and
 * per-file state is updated as each arrives instead of re-scanning windows. Changed only through
 * {@code modify}.
 */
public final class Cursor {
    private int seq;
    private final int last;

    /** A cursor over changes {@code 0..last}. */
    public Cursor(int last) {
        this.last = last;
    }

    public int getSeq() {
        return seq;
    }

    public void setSeq(int seq) {
        this.seq = seq;
    }

    public int getLast() {
        return last;
    }
}

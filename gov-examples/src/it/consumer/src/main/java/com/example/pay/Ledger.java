package com.example.pay;

/** The code under governance: a ledger of payments. */
public final class Ledger {
    private long cents;

    /** Books an amount. */
    public void book(long amount) {
        cents += amount;
    }

    /** The total booked, in cents. */
    public long total() {
        return cents;
    }
}

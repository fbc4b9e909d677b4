package dev.governor.archunit.sample.billing;

/** A class of the billing code that ADR 7 extracted: its return is what the bridge must catch. */
public class Invoice {
}

package dev.governor.archunit.sample.shop;

/** A class of the code that stays. */
public class Cart {
}

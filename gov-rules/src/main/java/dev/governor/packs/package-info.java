/**
 * The five built-in layers, each a {@link dev.governor.pack.Pack} written against the public pack SPI
 * alone: Intent, Contract, Change, Release, Learning. Each sub-package holds one layer's pack, its state
 * facts and its views; its rules are the layer's file in the repository's {@code rules/} folder.
 */
package dev.governor.packs;

/**
 * The pack SPI: what a layer of governance is made of ({@link dev.governor.pack.Pack}), how it reads its
 * section of {@code governance.yml} ({@link dev.governor.pack.SectionReader}), derives facts
 * ({@link dev.governor.pack.Derivation}), exposes views ({@link dev.governor.pack.View}), and reports
 * ({@link dev.governor.pack.Findings}, called from DRL consequences). The five built-in layers are packs
 * written against this SPI alone, in {@code dev.governor.packs}.
 */
package dev.governor.pack;

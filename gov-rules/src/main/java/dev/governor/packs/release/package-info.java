/** The Release layer's pack. */
package dev.governor.packs.release;

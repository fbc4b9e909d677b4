/** The Change layer's pack. */
package dev.governor.packs.change;

/** The Learning layer's pack. */
package dev.governor.packs.learning;

/** The Contract layer's pack. */
package dev.governor.packs.contract;

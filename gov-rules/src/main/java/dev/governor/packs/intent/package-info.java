/** The Intent layer's pack: change types, risk, and the hotspot lock with its per-file state. */
package dev.governor.packs.intent;

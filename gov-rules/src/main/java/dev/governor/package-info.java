/**
 * The entry points: {@link dev.governor.Governor} runs the rules, {@link dev.governor.Report} holds what they
 * found, {@link dev.governor.Scope} narrows a report to given changes.
 */
package dev.governor;

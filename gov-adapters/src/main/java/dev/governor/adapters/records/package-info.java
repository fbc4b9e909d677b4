/**
 * The records a repository keeps in {@code .gov/}: deployments, incidents and cross-team review waits, read
 * through gov-input into facts.
 */
package dev.governor.adapters.records;

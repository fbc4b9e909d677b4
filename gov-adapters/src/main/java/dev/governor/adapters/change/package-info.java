/**
 * The Change layer's readers: ADRs in the Nygard, MADR and three-line forms ({@link
 * dev.governor.adapters.change.AdrReader}), PR-body template fields ({@link
 * dev.governor.adapters.change.TemplateFields}), both with a CommonMark parser, and the fact source that reads
 * ADRs at every change and classifies service-boundary changes through the shared history core ({@link
 * dev.governor.adapters.change.ChangeFactSource}).
 */
package dev.governor.adapters.change;

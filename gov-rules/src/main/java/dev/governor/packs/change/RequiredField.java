package dev.governor.packs.change;

import java.util.List;

/**
 * A template field every change must fill (rules.md, {@code change.template-field-missing}): one fact each,
 * so the rule joins changes with fields instead of naming them.
 *
 * @param key     the field's key in {@code Change.fields()}, such as {@code blast-radius}
 * @param label   how a PR template heads it, such as {@code Blast radius}
 * @param trailer how a commit trailer names it, such as {@code Blast-Radius}
 */
public record RequiredField(String key, String label, String trailer) {

    /** The four fields, in the order templates list them. */
    static final List<RequiredField> ALL = List.of(
            new RequiredField("intent", "Intent", "Intent"),
            new RequiredField("blast-radius", "Blast radius", "Blast-Radius"),
            new RequiredField("verification", "Verification", "Verification"),
            new RequiredField("rollback", "Rollback", "Rollback"));
}

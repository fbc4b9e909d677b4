package dev.governor.input;

import dev.governor.api.GovernanceException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;

/**
 * One value of a structured file, with the file, the 1-based line and the path where it was found,
 * so that every conversion can fail with a message that names all three and says what would be right.
 *
 * <pre>{@code
 * MapNode root = StructuredInput.read(file, "governance.yml", Limits.POLICY).asMap().only(ROOT_KEYS);
 * MapNode hotspot = root.get("hotspot").asMap().only(List.of("count", "window", "scope"));
 * int count = hotspot.get("count").asInt(1, Integer.MAX_VALUE);
 * // governance.yml:3: bad number 'three' for hotspot.count: use a whole number of at least 1
 * }</pre>
 *
 * <p>Scalars are read by their text, whatever the format: {@code count: "3"} is 3, a gate named
 * {@code 2fa} is a string, and a JSON number is its digits. A value that is absent, explicitly null
 * or blank has no value; every conversion refuses it ("branch has no value: give one or remove the
 * key"), because a key left empty is more likely a mistake than a request for the default.
 */
public sealed interface Node permits MapNode, ListNode, ScalarNode, NullNode {

    /** The display name of the file, as messages name it, such as {@code governance.yml}. */
    String source();

    /** The 1-based line the value starts on; for a key without a value, the key's line. */
    int line();

    /**
     * Where the value is in the document, as messages name it: {@code ""} for the top level,
     * {@code hotspot.count}, {@code rules.intent.risk-missing.severity}, {@code [3].status},
     * {@code contracts[0].name}.
     */
    String path();

    /** The value as messages show what was found: {@code a map}, {@code a list}, {@code 'text'}, {@code no value}. */
    String describe();

    /**
     * This value as a map.
     *
     * @throws GovernanceException "hotspot must be a map of keys, found a list"; or when it has no value
     */
    default MapNode asMap() {
        Conversions.present(this);
        if (this instanceof MapNode map) {
            return map;
        }
        throw error(Conversions.where(this) + " must be a map of keys, found " + describe());
    }

    /**
     * This value as a list.
     *
     * @throws GovernanceException "services must be a list like [a, b], found 'services/*'"; or when it has no value
     */
    default ListNode asList() {
        Conversions.present(this);
        if (this instanceof ListNode list) {
            return list;
        }
        throw error(Conversions.where(this) + " must be a list like [a, b], found " + describe());
    }

    /**
     * The text of a single, non-blank value.
     *
     * @throws GovernanceException "branch must be a single value (a string), found a map"; or when it has no value
     */
    default String asString() {
        return Conversions.scalar(this, "a string");
    }

    /**
     * A whole number from {@code min} to {@code max}, written in digits with an optional sign.
     *
     * @throws GovernanceException "bad number '0' for hotspot.count: use a whole number of at least 1"
     *                             (or "from 1 to 10" when {@code max} is below {@link Integer#MAX_VALUE})
     * @throws IllegalArgumentException when {@code min > max}
     */
    default int asInt(int min, int max) {
        return Conversions.whole(this, min, max);
    }

    /**
     * A finite decimal number of at least {@code min} ({@code 0.25}, {@code 1e-3}; not {@code .inf}).
     *
     * @throws GovernanceException "bad number '-0.1' for learning.minRelativeChange: use a number of at least 0, like 0.1"
     * @throws IllegalArgumentException when {@code min} is not finite
     */
    default double asDouble(double min) {
        return Conversions.decimal(this, min);
    }

    /**
     * {@code true}, {@code True}, {@code TRUE}, {@code false}, {@code False} or {@code FALSE}; not
     * YAML 1.1's {@code yes} or {@code on}, which read as words to most people.
     *
     * @throws GovernanceException "bad boolean 'yes' for intent.inferFromConventionalCommits: use true or false"
     */
    default boolean asBoolean() {
        return Conversions.bool(this);
    }

    /**
     * A duration as {@link dev.governor.api.Durations#parse(String, String)} reads it: {@code 7d},
     * {@code 36h}, {@code 2w}, {@code P7D}.
     *
     * @throws GovernanceException "bad duration '7 days' for hotspot.window: use 7d, 36h, 2w or ISO-8601 like P7D"
     */
    default Duration asDuration() {
        return Conversions.duration(this);
    }

    /**
     * A calendar date written {@code YYYY-MM-DD}.
     *
     * @throws GovernanceException "bad date '2026-02-30' for since: use YYYY-MM-DD, like 2026-01-01"
     */
    default LocalDate asDate() {
        return Conversions.date(this);
    }

    /**
     * An ISO-8601 instant ({@code 2026-11-02T10:00:00Z}) or offset date-time
     * ({@code 2026-11-02T11:00:00+01:00}), or a date alone, which is its start in UTC.
     *
     * @throws GovernanceException "bad time 'yesterday' for merged_at: use ISO-8601 like
     *                             2026-11-02T10:00:00Z, 2026-11-02T11:00:00+01:00 or 2026-11-02"
     */
    default Instant asInstant() {
        return Conversions.instant(this);
    }

    /**
     * A list of non-blank single values, in order.
     *
     * @throws GovernanceException for the list as {@link #asList()}, for an entry as {@link #asString()}
     *                             ("services[1] has no value: give one or remove the entry")
     */
    default List<String> asStrings() {
        return asList().items().stream().map(Node::asString).toList();
    }

    /**
     * A path relative to the repository root that stays inside it: no leading {@code /}, no drive
     * letter, no {@code ..} segment; backslashes count as {@code /}. The text is returned as written.
     *
     * @throws GovernanceException "bad path '../x' for contracts.registry: stay inside the repository (no '..')"
     */
    default String asRelativePath() {
        return Conversions.relativePath(this);
    }

    /**
     * The constant of {@code type} whose id is exactly this value's text.
     *
     * <pre>{@code
     * Scope scope = node.asChoice("scope", Scope.class, Scope::id);
     * // governance.yml:4: bad scope 'folder' for hotspot.scope: use file or directory
     * }</pre>
     *
     * @param noun what a value is called in the message, such as {@code scope}
     * @param id   the text that names a constant
     * @throws GovernanceException naming the text, the path and every id
     */
    default <E extends Enum<E>> E asChoice(String noun, Class<E> type, Function<E, String> id) {
        return Conversions.choice(this, noun, type, id);
    }

    /**
     * A failure at this value, for a reader's own checks.
     *
     * <pre>{@code
     * throw item.error("layer 'release' is listed twice in layers: list each layer once");
     * }</pre>
     */
    default GovernanceException error(String problem) {
        return new GovernanceException(source(), line(), problem);
    }
}

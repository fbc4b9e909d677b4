package dev.governor.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * An architecture decision record: the durable home of "we decided this" between sessions.
 *
 * @param path         the file, relative to the repository root
 * @param number       the file name's leading digits, or {@code null}
 * @param title        the title without its number
 * @param status       the status in lower case, or {@code null} when the file states none
 * @param date         the date it was decided, or {@code null}
 * @param decision     the decision text, or {@code null}
 * @param reason       the reason (or context) text, or {@code null}
 * @param supersedes   numbers or paths of ADRs this one supersedes
 * @param supersededBy numbers or paths of ADRs that supersede this one
 * @param removed      glob patterns of code this decision moved out of the repository (boundary)
 * @param movedTo      where that code went, or {@code null}
 */
public record Adr(String path, Integer number, String title, String status, LocalDate date, String decision,
                  String reason, List<String> supersedes, List<String> supersededBy, List<String> removed,
                  String movedTo) implements Fact {
    public Adr {
        Objects.requireNonNull(path, "path");
        supersedes = List.copyOf(supersedes);
        supersededBy = List.copyOf(supersededBy);
        removed = List.copyOf(removed);
    }

    @Override
    public Ref ref() {
        return new Ref(Ref.Kind.ADR, number != null ? String.valueOf(number) : path, null, path);
    }
}

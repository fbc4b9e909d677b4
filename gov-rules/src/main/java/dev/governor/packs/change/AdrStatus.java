package dev.governor.packs.change;

import java.time.LocalDate;
import java.util.List;

/**
 * One ADR as {@code gov adr} lists it ({@link ChangePack#ADRS}): its status, its supersession both ways (what
 * the file says and what other ADRs say about it), its boundary, and what {@code change.adr-incomplete} would
 * report about it.
 *
 * <pre>{@code
 * List<AdrStatus> adrs = governor.evaluate(Scope.all(), ChangePack.ADRS).view(ChangePack.ADRS);
 * }</pre>
 *
 * @param path         the file
 * @param number       the file name's leading digits, or {@code null}
 * @param title        the title without its number, or {@code null}
 * @param status       the status in lower case, or {@code null}
 * @param date         its date, or {@code null}
 * @param supersedes   the ADRs it supersedes (numbers, else paths), from it and from what they say
 * @param supersededBy the ADRs that supersede it, from it and from what they say
 * @param removed      its boundary's removed globs
 * @param movedTo      where that code went, or {@code null}
 * @param problems     what {@code change.adr-incomplete} reports: {@code no title}, {@code no decision},
 *                     {@code no reason}, and each problem of the file at its line ({@code line 3: …})
 */
public record AdrStatus(String path, Integer number, String title, String status, LocalDate date,
                        List<String> supersedes, List<String> supersededBy, List<String> removed, String movedTo,
                        List<String> problems) {
    public AdrStatus {
        supersedes = List.copyOf(supersedes);
        supersededBy = List.copyOf(supersededBy);
        removed = List.copyOf(removed);
        problems = List.copyOf(problems);
    }

    /** Whether it has a boundary. */
    public boolean hasBoundary() {
        return !removed.isEmpty() || movedTo != null;
    }
}

package dev.governor.adapters.gates;

import dev.governor.api.GateResult;
import dev.governor.input.MapNode;
import dev.governor.input.Node;
import java.util.List;
import java.util.Locale;

/** Governor's own form: {@code {"gate": NAME, "sha": SHA, "status": "pass"|"fail", "url": …}}. */
final class GateJson {
    private static final List<String> FIELDS = List.of("gate", "sha", "status", "url");

    /** The two statuses of the form. */
    enum Status {
        PASS, FAIL;

        String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private GateJson() {
    }

    static GateResult read(Node root, String displayName, String gate, String sha) {
        MapNode map = root.asMap().only(FIELDS);
        Node named = map.require("gate");
        if (!named.asString().equals(gate)) {
            throw named.error("this is the result of gate '" + named.asString() + "', given as gate '" + gate
                    + "': give it as " + named.asString() + "=FILE, or fix 'gate'");
        }
        Node given = map.require("sha");
        if (!GateFiles.sameSha(given.asString(), sha)) {
            throw given.error("this result is for " + given.asString() + ", not for " + sha
                    + " being signed off: give the result of this SHA");
        }
        Status status = map.require("status").asChoice("status", Status.class, Status::id);
        Node url = map.opt("url");
        return new GateResult(gate, sha, status == Status.PASS, url == null ? null : url.asString(), displayName,
                "status: " + status.id());
    }
}

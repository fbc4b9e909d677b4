package dev.governor.packs.change;

import dev.governor.api.policy.AdrPolicy;
import dev.governor.api.policy.ServicesPolicy;
import dev.governor.input.MapNode;
import dev.governor.input.Node;
import dev.governor.pack.Pack;
import dev.governor.pack.SectionReader;
import java.util.List;

/**
 * Change: what changed, and can someone roll it back? Template fields, ADRs, service boundaries and
 * boundary regressions (rules.md, "Change"). Rules: {@code rules/change.drl}.
 */
public final class ChangePack implements Pack {

    @Override
    public String id() {
        return "change";
    }

    @Override
    public List<String> rules() {
        return List.of("dev/governor/rules/change.drl");
    }

    @Override
    public List<SectionReader<?>> sections() {
        return List.of(SectionReader.of(ServicesPolicy.SECTION, node -> new ServicesPolicy(node.asStrings())),
                SectionReader.of(AdrPolicy.SECTION, ChangePack::adr));
    }

    static AdrPolicy adr(Node node) {
        MapNode map = node.asMap().only(List.of("dirs"));
        return SectionReader.value(map, "dirs",
                n -> new AdrPolicy(n.asList().items().stream().map(Node::asRelativePath).toList()), AdrPolicy.DEFAULT);
    }
}

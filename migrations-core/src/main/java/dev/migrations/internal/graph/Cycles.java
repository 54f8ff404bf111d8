package dev.migrations.internal.graph;

import dev.migrations.api.MigrationsException;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Finds revisions on a cycle: every node must lie between a base and a head, walking down from the
 * heads and up from the bases; what neither walk reaches loops. Checked once through
 * {@code down_revision}, then through {@code depends_on} as well.
 */
final class Cycles {

    private final Map<String, RevisionNode> byId;

    Cycles(Map<String, RevisionNode> byId) {
        this.byId = byId;
    }

    /**
     * Fails naming the revisions that {@code down} from the tops and {@code up} from the bottoms do not
     * both reach.
     *
     * @param kind what such a loop is called in the message
     * @param fix what to do about it
     */
    void requireNone(
            List<String> tops,
            List<String> bottoms,
            Function<RevisionNode, Collection<String>> down,
            Function<RevisionNode, Collection<String>> up,
            String kind,
            String fix) {
        Set<String> onCycle = unreachable(tops, bottoms, down, up);
        if (!onCycle.isEmpty()) {
            throw new MigrationsException(
                    kind + " is detected in revisions (" + describe(onCycle) + "). " + fix,
                    onCycle.iterator().next(),
                    null);
        }
    }

    private Set<String> unreachable(
            List<String> tops,
            List<String> bottoms,
            Function<RevisionNode, Collection<String>> down,
            Function<RevisionNode, Collection<String>> up) {
        Set<String> fromTops = closure(tops, down);
        Set<String> fromBottoms = closure(bottoms, up);
        Set<String> result = new TreeSet<>();
        for (String id : byId.keySet()) {
            if (!fromTops.contains(id) || !fromBottoms.contains(id)) {
                result.add(id);
            }
        }
        return result;
    }

    private Set<String> closure(Collection<String> start, Function<RevisionNode, Collection<String>> next) {
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(start);
        while (!todo.isEmpty()) {
            String id = todo.pop();
            if (seen.add(id)) {
                todo.addAll(next.apply(byId.get(id)));
            }
        }
        return seen;
    }

    private String describe(Collection<String> ids) {
        return ids.stream().map(id -> id + " in " + byId.get(id).source()).collect(Collectors.joining(", "));
    }
}

package dev.migrations.internal.graph;

import dev.migrations.api.MigrationsException;
import dev.migrations.api.MultipleHeadsException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Alembic's stamp: the version-table moves that make the table hold the targets, running nothing. */
public final class StampPlanner {

    private final RevisionGraph graph;

    public StampPlanner(RevisionGraph graph) {
        this.graph = graph;
    }

    public List<Step.StampStep> stamp(List<String> currentHeads, List<Target> targets) {
        List<Target> symbols = targets.isEmpty() ? List.of(Target.base()) : targets;
        List<RevisionNode> filteredHeads = new ArrayList<>();
        for (Target symbol : symbols) {
            for (String id : graph.resolver().filterForLineage(currentHeads, symbol, true)) {
                RevisionNode node = graph.node(id);
                if (!filteredHeads.contains(node)) {
                    filteredHeads.add(node);
                }
            }
        }
        List<RevisionNode> destinations = new ArrayList<>();
        for (Target symbol : symbols) {
            try {
                destinations.addAll(graph.revisions(symbol));
            } catch (MultipleHeadsException e) {
                throw new MigrationsException(
                        "Multiple heads are present; please specify a single target" + " revision (heads: "
                                + String.join(", ", e.heads()) + ")",
                        null,
                        e);
            }
        }
        List<Step.StampStep> steps = new ArrayList<>();
        if (destinations.isEmpty()) {
            for (RevisionNode head : filteredHeads) {
                steps.add(new Step.StampStep(List.of(head.id()), List.of(), false, true));
            }
            return steps;
        }
        for (RevisionNode destination : destinations) {
            if (filteredHeads.contains(destination)) {
                continue;
            }
            Set<RevisionNode> descendants = graph.descendants(List.of(destination), true);
            Set<RevisionNode> ancestors = graph.ancestors(List.of(destination), true);
            List<String> from = filteredHeads.stream().map(RevisionNode::id).toList();
            if (filteredHeads.stream().anyMatch(descendants::contains)) {
                steps.add(new Step.StampStep(from, List.of(destination.id()), false, false));
            } else if (filteredHeads.stream().anyMatch(ancestors::contains)) {
                steps.add(new Step.StampStep(from, List.of(destination.id()), true, false));
            } else {
                steps.add(new Step.StampStep(List.of(), List.of(destination.id()), true, true));
            }
        }
        return steps;
    }
}

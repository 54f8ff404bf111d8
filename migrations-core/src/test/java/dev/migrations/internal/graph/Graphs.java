package dev.migrations.internal.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Small graph builder for tests: {@code rev("c", "a", "b")} is a merge of a and b. */
final class Graphs {

    private final List<RevisionNode> nodes = new ArrayList<>();

    static Graphs graph() {
        return new Graphs();
    }

    Graphs rev(String id, String... down) {
        nodes.add(new RevisionNode(id, Arrays.asList(down), List.of(), List.of(), id + ".sql"));
        return this;
    }

    Graphs labeled(String id, String label, String... down) {
        nodes.add(new RevisionNode(id, Arrays.asList(down), List.of(), List.of(label), id + ".sql"));
        return this;
    }

    Graphs depends(String id, List<String> dependsOn, String... down) {
        nodes.add(new RevisionNode(id, Arrays.asList(down), dependsOn, List.of(), id + ".sql"));
        return this;
    }

    RevisionGraph build() {
        return RevisionGraph.of(nodes);
    }

    MigrationPlanner planner() {
        return new MigrationPlanner(build());
    }

    static List<String> ids(List<? extends Step.RevisionStep> steps) {
        return steps.stream().map(s -> s.node().id()).toList();
    }
}

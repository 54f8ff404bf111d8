package dev.migrations.internal.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Properties over random DAGs (several roots, branches, merges, dependencies): every upgrade order
 * is a topological order, the version table ends at the requested heads, and base -> heads -> base
 * -> heads restores the same heads.
 */
class RandomGraphPropertyTest {

    static List<Long> seeds() {
        List<Long> seeds = new ArrayList<>();
        for (long i = 0; i < 300; i++) {
            seeds.add(i);
        }
        return seeds;
    }

    static RevisionGraph randomGraph(Random random) {
        int size = 1 + random.nextInt(25);
        List<RevisionNode> nodes = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            String id = String.format("r%03d%s", i, Integer.toHexString(random.nextInt(0xffff)));
            List<String> down = new ArrayList<>();
            if (!ids.isEmpty() && random.nextInt(8) != 0) {
                down.add(ids.get(random.nextInt(ids.size())));
                if (random.nextInt(5) == 0) {
                    String other = ids.get(random.nextInt(ids.size()));
                    if (!down.contains(other)) {
                        down.add(other);
                    }
                }
            }
            List<String> deps = new ArrayList<>();
            if (ids.size() > 2 && random.nextInt(10) == 0) {
                String dep = ids.get(random.nextInt(ids.size()));
                if (!down.contains(dep)) {
                    deps.add(dep);
                }
            }
            nodes.add(new RevisionNode(id, down, deps, List.of(), id));
            ids.add(id);
        }
        return RevisionGraph.of(removeRedundantMerges(nodes));
    }

    /** A merge of a revision with its own ancestor is not a DAG Alembic accepts; drop such parents. */
    private static List<RevisionNode> removeRedundantMerges(List<RevisionNode> nodes) {
        List<RevisionNode> result = new ArrayList<>();
        for (RevisionNode n : nodes) {
            List<String> down = new ArrayList<>(n.downRevisions());
            if (down.size() == 2) {
                RevisionGraph partial = RevisionGraph.of(copy(result));
                Set<String> anc0 = ancestorIds(partial, down.get(0));
                Set<String> anc1 = ancestorIds(partial, down.get(1));
                if (anc0.contains(down.get(1)) || anc1.contains(down.get(0))) {
                    down.remove(1);
                }
            }
            result.add(new RevisionNode(n.id(), down, n.dependsOn(), List.of(), n.id()));
        }
        return copy(result);
    }

    private static List<RevisionNode> copy(List<RevisionNode> nodes) {
        return nodes.stream()
                .map(n -> new RevisionNode(n.id(), n.downRevisions(), n.dependsOn(), List.of(), n.id()))
                .toList();
    }

    private static Set<String> ancestorIds(RevisionGraph g, String id) {
        Set<String> ids = new HashSet<>();
        g.ancestors(List.of(g.node(id)), true).forEach(n -> ids.add(n.id()));
        return ids;
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void upgradeOrderIsTopologicalAndRoundTripRestoresHeads(long seed) {
        RevisionGraph graph = randomGraph(new Random(seed));
        MigrationPlanner planner = new MigrationPlanner(graph);

        List<Step.RevisionStep> up = planner.upgrade(List.of(), Target.parse("heads"));
        assertTopological(graph, up);
        assertThat(up).hasSize(graph.size());
        HeadMaintainer maintainer = new HeadMaintainer(graph, List.of());
        up.forEach(maintainer::apply);
        assertThat(new HashSet<>(maintainer.heads())).isEqualTo(new HashSet<>(graph.realHeads()));

        List<Step.RevisionStep> down = planner.downgrade(maintainer.heads(), Target.parse("base"));
        assertThat(down).hasSize(graph.size());
        List<String> downIds = Graphs.ids(down);
        for (Step.RevisionStep step : down) {
            for (String child : graph.children(step.node())) {
                assertThat(downIds.indexOf(child))
                        .as("child %s undone before %s", child, step.node().id())
                        .isLessThan(downIds.indexOf(step.node().id()));
            }
        }
        down.forEach(maintainer::apply);
        assertThat(maintainer.heads()).isEmpty();

        List<Step.RevisionStep> again = planner.upgrade(maintainer.heads(), Target.parse("heads"));
        again.forEach(maintainer::apply);
        assertThat(new HashSet<>(maintainer.heads())).isEqualTo(new HashSet<>(graph.realHeads()));
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void partialUpgradeThenHeadsAppliesEachRevisionOnce(long seed) {
        Random random = new Random(seed);
        RevisionGraph graph = randomGraph(random);
        MigrationPlanner planner = new MigrationPlanner(graph);
        List<RevisionNode> all = new ArrayList<>(graph.nodes());
        String target = all.get(random.nextInt(all.size())).id();
        HeadMaintainer maintainer = new HeadMaintainer(graph, List.of());
        List<Step.RevisionStep> first = planner.upgrade(List.of(), Target.parse(target));
        first.forEach(maintainer::apply);
        List<Step.RevisionStep> rest = planner.upgrade(maintainer.heads(), Target.parse("heads"));
        rest.forEach(maintainer::apply);
        List<String> applied = new ArrayList<>(Graphs.ids(first));
        applied.addAll(Graphs.ids(rest));
        assertThat(applied).doesNotHaveDuplicates().hasSize(graph.size());
        List<Step.RevisionStep> combined = new ArrayList<>(first);
        combined.addAll(rest);
        assertTopological(graph, combined);
        assertThat(new HashSet<>(maintainer.heads())).isEqualTo(new HashSet<>(graph.realHeads()));
    }

    private static void assertTopological(RevisionGraph graph, List<Step.RevisionStep> steps) {
        List<String> order = Graphs.ids(steps);
        for (Step.RevisionStep step : steps) {
            for (String parent : step.parents()) {
                int at = order.indexOf(parent);
                if (at >= 0) {
                    assertThat(at)
                            .as("%s runs before %s", parent, step.node().id())
                            .isLessThan(order.indexOf(step.node().id()));
                }
            }
        }
        assertThat(graph).isNotNull();
    }
}

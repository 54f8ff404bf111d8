package dev.migrations.internal.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrations.api.MigrationsException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code downgrade -N} over random chains: from revision k, N steps down undo exactly the top N
 * revisions, reaching base when N is k (from the first revision, {@code -1} is base), and walking past
 * base is refused with a message instead of doing nothing.
 */
class RelativeDowngradePropertyTest {

    static LongStream seeds() {
        return LongStream.range(0, 200);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void minusNUndoesTheTopNAndReachesBaseExactly(long seed) {
        Random random = new Random(seed);
        int length = 1 + random.nextInt(30);
        List<RevisionNode> nodes = new ArrayList<>();
        for (int i = 0; i < length; i++) {
            List<String> down = i == 0 ? List.of() : List.of("c" + (i - 1));
            nodes.add(new RevisionNode("c" + i, down, List.of(), List.of(), "c" + i));
        }
        MigrationPlanner planner = new MigrationPlanner(RevisionGraph.of(nodes));
        int at = random.nextInt(length); // the database stands at c<at>, the (at + 1)-th revision
        List<String> current = List.of("c" + at);
        int steps = 1 + random.nextInt(at + 1);

        List<Step.RevisionStep> undo = planner.downgrade(current, Target.parse("-" + steps));
        List<String> expected = new ArrayList<>();
        for (int i = at; i > at - steps; i--) {
            expected.add("c" + i);
        }
        assertThat(Graphs.ids(undo)).containsExactlyElementsOf(expected);
        HeadMaintainer maintainer = new HeadMaintainer(planner.graph(), current);
        undo.forEach(maintainer::apply);
        assertThat(maintainer.heads()).isEqualTo(steps == at + 1 ? List.of() : List.of("c" + (at - steps)));

        int tooMany = at + 2 + random.nextInt(3);
        assertThatThrownBy(() -> planner.downgrade(current, Target.parse("-" + tooMany)))
                .isInstanceOf(MigrationsException.class)
                .hasMessageContaining("didn't produce " + tooMany + " migrations");
    }
}

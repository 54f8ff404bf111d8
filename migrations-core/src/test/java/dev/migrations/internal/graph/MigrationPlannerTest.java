package dev.migrations.internal.graph;

import static dev.migrations.internal.graph.Graphs.graph;
import static dev.migrations.internal.graph.Graphs.ids;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrations.api.MultipleHeadsException;
import java.util.List;
import org.junit.jupiter.api.Test;

class MigrationPlannerTest {

    private final MigrationPlanner linear = graph().rev("aaaa0001")
            .rev("bbbb0002", "aaaa0001")
            .rev("cccc0003", "bbbb0002")
            .rev("dddd0004", "cccc0003")
            .planner();

    /** 1975 -> 27c6 and 1975 -> ae10, merged by 53ff (branches.rst). */
    private final MigrationPlanner diamond = graph().rev("1975ea83b712")
            .rev("27c6a30d7c24", "1975ea83b712")
            .labeled("ae1027a6acf", "feature", "1975ea83b712")
            .rev("53fffde5ad5", "ae1027a6acf", "27c6a30d7c24")
            .planner();

    @Test
    void upgradeTargets() {
        assertThat(ids(linear.upgrade(List.of(), Target.parse("head"))))
                .containsExactly("aaaa0001", "bbbb0002", "cccc0003", "dddd0004");
        assertThat(ids(linear.upgrade(List.of(), Target.parse("heads")))).hasSize(4);
        assertThat(ids(linear.upgrade(List.of("aaaa0001"), Target.parse("cccc"))))
                .containsExactly("bbbb0002", "cccc0003");
        assertThat(ids(linear.upgrade(List.of("aaaa0001"), Target.parse("+2"))))
                .containsExactly("bbbb0002", "cccc0003");
        assertThat(ids(linear.upgrade(List.of(), Target.parse("+1")))).containsExactly("aaaa0001");
        assertThat(ids(linear.upgrade(List.of(), Target.parse("bbbb0002+1"))))
                .containsExactly("aaaa0001", "bbbb0002", "cccc0003");
        assertThat(ids(linear.upgrade(List.of(), Target.parse("head-1"))))
                .containsExactly("aaaa0001", "bbbb0002", "cccc0003");
        assertThat(ids(linear.upgrade(List.of("dddd0004"), Target.parse("heads"))))
                .isEmpty();
        assertThat(ids(linear.upgrade(List.of("dddd0004"), Target.parse("bbbb0002"))))
                .isEmpty();
    }

    @Test
    void upgradeRelativeErrors() {
        assertThatThrownBy(() -> linear.upgrade(List.of("cccc0003"), Target.parse("+3")))
                .hasMessageContaining("Relative revision +3 didn't produce 3 migrations");
        assertThatThrownBy(() -> linear.upgrade(List.of(), Target.parse("-1"))).hasMessageContaining("didn't produce");
        assertThatThrownBy(() -> linear.upgrade(List.of(), Target.parse("aaaa0001:cccc0003")))
                .hasMessageContaining("Range revision not allowed");
        assertThatThrownBy(() -> linear.upgrade(List.of(), Target.parse("nope1234")))
                .hasMessageContaining("not a valid upgrade target")
                .hasMessageContaining("'nope1234'");
    }

    @Test
    void downgradeTargets() {
        List<String> top = List.of("dddd0004");
        assertThat(ids(linear.downgrade(top, Target.parse("-1")))).containsExactly("dddd0004");
        assertThat(ids(linear.downgrade(top, Target.parse("-2")))).containsExactly("dddd0004", "cccc0003");
        assertThat(ids(linear.downgrade(top, Target.parse("bbbb")))).containsExactly("dddd0004", "cccc0003");
        assertThat(ids(linear.downgrade(top, Target.parse("base"))))
                .containsExactly("dddd0004", "cccc0003", "bbbb0002", "aaaa0001");
        assertThat(ids(linear.downgrade(top, Target.parse("dddd0004-3"))))
                .containsExactly("dddd0004", "cccc0003", "bbbb0002");
        assertThatThrownBy(() -> linear.downgrade(top, Target.parse("+1"))).hasMessageContaining("didn't produce");
        assertThatThrownBy(() -> linear.downgrade(List.of("bbbb0002"), Target.parse("-3")))
                .hasMessageContaining("didn't produce");
        assertThatThrownBy(() -> linear.downgrade(List.of("bbbb0002"), Target.parse("dddd0004")))
                .hasMessageContaining("Destination dddd0004 is not a valid downgrade target");
    }

    @Test
    void mergeRunsAfterAllParents() {
        List<String> order = ids(diamond.upgrade(List.of(), Target.parse("heads")));
        assertThat(order).hasSize(4);
        assertThat(order.get(0)).isEqualTo("1975ea83b712");
        assertThat(order.get(3)).isEqualTo("53fffde5ad5");
        // from one branch only the other branch and the merge remain
        assertThat(ids(diamond.upgrade(List.of("27c6a30d7c24"), Target.parse("heads"))))
                .containsExactly("ae1027a6acf", "53fffde5ad5");
    }

    @Test
    void upgradingOneBranchLeavesTheOtherAlone() {
        MigrationPlanner p = graph().rev("1975ea83b712")
                .rev("27c6a30d7c24", "1975ea83b712")
                .labeled("ae1027a6acf", "feature", "1975ea83b712")
                .planner();
        assertThat(ids(p.upgrade(List.of(), Target.parse("feature@head"))))
                .containsExactly("1975ea83b712", "ae1027a6acf");
        assertThat(ids(p.upgrade(List.of(), Target.parse("27c6")))).containsExactly("1975ea83b712", "27c6a30d7c24");
        assertThatThrownBy(() -> p.upgrade(List.of(), Target.parse("head"))).isInstanceOf(MultipleHeadsException.class);
    }

    @Test
    void downgradingOneBranchLeavesTheOtherAlone() {
        MigrationPlanner p = graph().rev("1975ea83b712")
                .rev("27c6a30d7c24", "1975ea83b712")
                .labeled("ae1027a6acf", "feature", "1975ea83b712")
                .planner();
        List<String> heads = List.of("27c6a30d7c24", "ae1027a6acf");
        assertThat(ids(p.downgrade(heads, Target.parse("feature@base")))).containsExactly("ae1027a6acf");
        assertThat(ids(p.downgrade(heads, Target.parse("feature@-1")))).containsExactly("ae1027a6acf");
        assertThat(ids(p.downgrade(heads, Target.parse("1975ea83b712"))))
                .containsExactlyInAnyOrder("27c6a30d7c24", "ae1027a6acf");
        assertThatThrownBy(() -> p.downgrade(heads, Target.parse("-1"))).hasMessageContaining("ambiguous");
    }

    @Test
    void undoTakesOutOneHeadAndLeavesSiblingBranchesAlone() {
        List<String> both = List.of("27c6a30d7c24", "ae1027a6acf");
        assertThat(ids(diamond.undo(both, Target.parse("ae10")))).containsExactly("ae1027a6acf");
        assertThat(ids(diamond.downgrade(both, Target.parse("ae1027a6acf-1"))))
                .as("rev-1 also undoes the sibling")
                .containsExactlyInAnyOrder("ae1027a6acf", "27c6a30d7c24");
        assertThat(ids(diamond.undo(List.of("53fffde5ad5"), Target.parse("53fffde5ad5"))))
                .containsExactly("53fffde5ad5");
        assertThatThrownBy(() -> diamond.undo(List.of("53fffde5ad5"), Target.parse("27c6a30d7c24")))
                .hasMessage("Cannot undo 27c6a30d7c24 alone: it is not a current head (the database is at"
                        + " 53fffde5ad5). Only a revision with nothing applied above it can be undone by itself;"
                        + " downgrade to it first.");
    }

    @Test
    void historyWalksNewestFirstWithRanges() {
        assertThat(linear.walk(null, null))
                .extracting(RevisionNode::id)
                .containsExactly("dddd0004", "cccc0003", "bbbb0002", "aaaa0001");
        assertThat(linear.walk(Target.parse("bbbb0002"), Target.parse("cccc0003")))
                .extracting(RevisionNode::id)
                .containsExactly("cccc0003", "bbbb0002");
        assertThat(diamond.walk(null, null))
                .extracting(RevisionNode::id)
                .first()
                .isEqualTo("53fffde5ad5");
    }
}

package dev.migrations.internal.graph;

import static dev.migrations.internal.graph.Graphs.graph;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrations.internal.graph.HeadMaintainer.Change;
import dev.migrations.internal.graph.HeadMaintainer.Delete;
import dev.migrations.internal.graph.HeadMaintainer.Insert;
import dev.migrations.internal.graph.HeadMaintainer.Update;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The version-table writes of Alembic's "merge mechanics" worked example (branches.rst). */
class HeadMaintainerTest {

    private final RevisionGraph diamond = graph().rev("1975ea83b712")
            .rev("27c6a30d7c24", "1975ea83b712")
            .rev("ae1027a6acf", "1975ea83b712")
            .rev("53fffde5ad5", "ae1027a6acf", "27c6a30d7c24")
            .build();

    private static List<Change> run(HeadMaintainer maintainer, List<? extends Step> steps) {
        List<Change> changes = new ArrayList<>();
        for (Step step : steps) {
            changes.addAll(maintainer.apply(step));
        }
        return changes;
    }

    @Test
    void upgradeThroughMergeMatchesAlembic() {
        MigrationPlanner planner = new MigrationPlanner(diamond);
        HeadMaintainer maintainer = new HeadMaintainer(diamond, List.of());
        List<Step.RevisionStep> steps = planner.upgrade(List.of(), Target.parse("heads"));
        // Alembic runs 27c6 before ae10 here; with either order the rows follow the same rules.
        assertThat(run(maintainer, steps.subList(0, 1))).containsExactly(new Insert("1975ea83b712"));
        String first = steps.get(1).node().id();
        String second = steps.get(2).node().id();
        assertThat(run(maintainer, steps.subList(1, 2))).containsExactly(new Update("1975ea83b712", first));
        assertThat(run(maintainer, steps.subList(2, 3))).containsExactly(new Insert(second));
        assertThat(maintainer.heads()).containsExactlyInAnyOrder(first, second);
        List<Change> merge = run(maintainer, steps.subList(3, 4));
        assertThat(merge).hasSize(2);
        assertThat(merge.get(0)).isInstanceOf(Delete.class);
        assertThat(merge.get(1)).isInstanceOf(Update.class);
        assertThat(((Update) merge.get(1)).to()).isEqualTo("53fffde5ad5");
        assertThat(maintainer.heads()).containsExactly("53fffde5ad5");
    }

    @Test
    void downgradeUnmergesThenDeletesClosedBranches() {
        MigrationPlanner planner = new MigrationPlanner(diamond);
        HeadMaintainer maintainer = new HeadMaintainer(diamond, List.of("53fffde5ad5"));
        List<Change> unmerge = maintainer.apply(planner.downgrade(List.of("53fffde5ad5"), Target.parse("27c6a30d7c24"))
                .get(0));
        assertThat(unmerge.get(0)).isInstanceOf(Insert.class);
        assertThat(unmerge.get(1)).isInstanceOf(Update.class);
        assertThat(maintainer.heads()).containsExactlyInAnyOrder("ae1027a6acf", "27c6a30d7c24");
        // downgrading one branch to its parent deletes its row: the parent is implied by the other head
        List<Change> close = maintainer.apply(planner.downgrade(maintainer.heads(), Target.parse("ae1027a6acf@-1"))
                .get(0));
        assertThat(close).containsExactly(new Delete("ae1027a6acf"));
        List<Change> last = run(maintainer, planner.downgrade(maintainer.heads(), Target.parse("base")));
        assertThat(last).containsExactly(new Update("27c6a30d7c24", "1975ea83b712"), new Delete("1975ea83b712"));
        assertThat(maintainer.heads()).isEmpty();
    }

    @Test
    void stampMovesHeadsWithoutRunning() {
        MigrationPlanner planner = new MigrationPlanner(diamond);
        HeadMaintainer maintainer = new HeadMaintainer(diamond, List.of());
        assertThat(run(maintainer, new StampPlanner(diamond).stamp(List.of(), List.of(Target.parse("27c6a30d7c24")))))
                .containsExactly(new Insert("27c6a30d7c24"));
        assertThat(run(
                        maintainer,
                        new StampPlanner(diamond).stamp(maintainer.heads(), List.of(Target.parse("ae1027a6acf")))))
                .containsExactly(new Insert("ae1027a6acf"));
        assertThat(run(maintainer, new StampPlanner(diamond).stamp(maintainer.heads(), List.of(Target.parse("heads")))))
                .containsExactly(new Delete("27c6a30d7c24"), new Update("ae1027a6acf", "53fffde5ad5"));
        assertThat(run(
                        maintainer,
                        new StampPlanner(diamond).stamp(maintainer.heads(), List.of(Target.parse("1975ea83b712")))))
                .containsExactly(new Update("53fffde5ad5", "1975ea83b712"));
        assertThat(run(maintainer, new StampPlanner(diamond).stamp(maintainer.heads(), List.of(Target.parse("base")))))
                .containsExactly(new Delete("1975ea83b712"));
        assertThat(maintainer.heads()).isEmpty();
    }
}

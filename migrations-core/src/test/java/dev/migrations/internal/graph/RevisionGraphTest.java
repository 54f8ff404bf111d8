package dev.migrations.internal.graph;

import static dev.migrations.internal.graph.Graphs.graph;
import static dev.migrations.internal.graph.Graphs.ids;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrations.api.MigrationsException;
import dev.migrations.api.MultipleHeadsException;
import java.util.List;
import org.junit.jupiter.api.Test;

class RevisionGraphTest {

    /** a -> b -> c and a -> d (label "cart") -> e; f merges c and e. */
    private static Graphs branched() {
        return graph().rev("aaaa1111")
                .rev("bbbb2222", "aaaa1111")
                .rev("cccc3333", "bbbb2222")
                .labeled("dddd4444", "cart", "aaaa1111")
                .rev("eeee5555", "dddd4444");
    }

    @Test
    void linearGraphHasOneHeadAndOneBase() {
        RevisionGraph g = graph().rev("a1").rev("b2", "a1").rev("c3", "b2").build();
        assertThat(g.heads()).containsExactly("c3");
        assertThat(g.bases()).containsExactly("a1");
        assertThat(g.revision(Target.parse("head")).id()).isEqualTo("c3");
        assertThat(g.revision(Target.parse("base"))).isNull();
    }

    @Test
    void branchesGiveSeveralHeadsAndHeadIsAmbiguous() {
        RevisionGraph g = branched().build();
        assertThat(g.heads()).containsExactlyInAnyOrder("cccc3333", "eeee5555");
        assertThat(g.isBranchPoint(g.node("aaaa1111"))).isTrue();
        assertThatThrownBy(() -> g.revision(Target.parse("head")))
                .isInstanceOf(MultipleHeadsException.class)
                .hasMessageContaining("Multiple head revisions are present for given argument 'head'")
                .hasMessageContaining("merge");
        assertThat(g.revisions(Target.parse("heads")))
                .extracting(RevisionNode::id)
                .containsExactlyInAnyOrder("cccc3333", "eeee5555");
    }

    @Test
    void branchLabelsSpreadToDescendantsAndResolve() {
        RevisionGraph g = branched().build();
        assertThat(g.branchLabels(g.node("eeee5555"))).containsExactly("cart");
        assertThat(g.branchLabels(g.node("cccc3333"))).isEmpty();
        assertThat(g.branchLabels(g.node("aaaa1111"))).isEmpty(); // stops at the branch point
        assertThat(g.revision(Target.parse("cart")).id()).isEqualTo("dddd4444");
        assertThat(g.revision(Target.parse("cart@head")).id()).isEqualTo("eeee5555");
        assertThat(g.revision(Target.parse("cccc@head")).id()).isEqualTo("cccc3333");
    }

    @Test
    void prefixesResolveWhenUniqueAndListCandidatesWhenNot() {
        RevisionGraph g = graph().rev("abcd1111")
                .rev("abcd2222", "abcd1111")
                .rev("ffff0000", "abcd2222")
                .build();
        assertThat(g.revision(Target.parse("abcd1")).id()).isEqualTo("abcd1111");
        assertThat(g.revision(Target.parse("ffff")).id()).isEqualTo("ffff0000");
        assertThatThrownBy(() -> g.revision(Target.parse("abcd")))
                .hasMessageContaining("multiple revisions start with 'abcd'")
                .hasMessageContaining("'abcd1111' (abcd1111.sql)")
                .hasMessageContaining("'abcd2222' (abcd2222.sql)");
        assertThatThrownBy(() -> g.revision(Target.parse("abc")))
                .hasMessageContaining("Can't locate revision identified by 'abc'")
                .hasMessageContaining("at least four characters");
        assertThatThrownBy(() -> g.revision(Target.parse("zzzz9")))
                .hasMessageContaining("Can't locate revision identified by 'zzzz9'");
    }

    @Test
    void multiRootGraphHasSeveralBases() {
        RevisionGraph g =
                graph().rev("r1").rev("r2").rev("x1", "r1").rev("y1", "r2").build();
        assertThat(g.bases()).containsExactly("r1", "r2");
        assertThat(g.realHeads()).containsExactlyInAnyOrder("x1", "y1");
    }

    @Test
    void dependsOnMakesEffectiveHeads() {
        RevisionGraph g = graph().rev("a1")
                .rev("b1", "a1")
                .rev("x1")
                .depends("y1", List.of("b1"), "x1")
                .build();
        assertThat(g.heads()).containsExactlyInAnyOrder("b1", "y1");
        assertThat(g.realHeads()).containsExactly("y1");
        assertThat(g.isEffectiveHead(g.node("b1"))).isTrue();
        // upgrading y1 pulls in its dependency b1 and b1's parent first
        assertThat(ids(new MigrationPlanner(g).upgrade(List.of(), Target.parse("y1"))))
                .containsSubsequence("a1", "b1", "y1")
                .contains("x1");
    }

    @Test
    void duplicateIdsAreRejectedWithBothFiles() {
        assertThatThrownBy(() -> graph().rev("a1").rev("a1").build())
                .hasMessageContaining("Revision a1 is defined twice: in a1.sql and in a1.sql");
    }

    @Test
    void selfLoopIsRejected() {
        assertThatThrownBy(() -> graph().rev("a1", "a1").build())
                .hasMessageContaining("Self-loop is detected in revisions (a1)");
    }

    @Test
    void cycleIsRejectedNamingItsMembers() {
        assertThatThrownBy(() -> graph().rev("a1")
                        .rev("b1", "a1", "d1")
                        .rev("c1", "b1")
                        .rev("d1", "c1")
                        .rev("e1", "a1")
                        .build())
                .isInstanceOf(MigrationsException.class)
                .hasMessageContaining("Cycle is detected in revisions (b1 in b1.sql, c1 in c1.sql, d1 in d1.sql)");
    }

    @Test
    void danglingDownRevisionIsRejected() {
        assertThatThrownBy(() -> graph().rev("a1").rev("b1", "zz").build())
                .hasMessageContaining("Revision b1 (b1.sql) names down revision 'zz', which is not present");
    }

    @Test
    void dependencyCycleAndUnknownDependencyAreRejected() {
        assertThatThrownBy(() ->
                        graph().rev("a1").depends("b1", List.of("nope"), "a1").build())
                .hasMessageContaining("depends on 'nope', which is neither a revision nor a branch label");
        assertThatThrownBy(() -> graph().depends("a1", List.of("b1"))
                        .depends("b1", List.of("a1"))
                        .build())
                .hasMessageContaining("Dependency cycle is detected");
    }

    @Test
    void duplicateBranchLabelIsRejected() {
        assertThatThrownBy(() ->
                        graph().labeled("a1", "x").labeled("b1", "x", "a1").build())
                .hasMessageContaining("Branch name 'x' in revision b1 (b1.sql) already used by revision a1 (a1.sql)");
    }

    @Test
    void illegalIdCharactersAreRejected() {
        assertThatThrownBy(() -> graph().rev("a-1").build())
                .hasMessageContaining("Revision id 'a-1'")
                .hasMessageContaining("'@', '-', '+'");
    }
}

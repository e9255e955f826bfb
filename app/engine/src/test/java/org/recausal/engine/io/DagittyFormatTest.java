package org.recausal.engine.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.recausal.engine.dag.CanvasPosition;
import org.recausal.engine.dag.Dag;
import org.recausal.engine.dag.Role;

class DagittyFormatTest {
    private final DagittyFormat format = new DagittyFormat();

    @Test
    void readsRolesPositionsGroupsAndBothArrowDirections() {
        ImportResult result = format.read("""
                dag {
                  x [exposure, pos="1,2"]
                  y [outcome, pos="3,2"]
                  z [latent, pos="2,1"]
                  a [adjusted, pos="0,0"]
                  s [selected, pos="4,4"]
                  x -> y <- z; a -> {x y}
                  y -> s
                }
                """);
        Dag dag = result.dag();

        assertThat(dag.names()).containsExactly("x", "y", "z", "a", "s");
        assertThat(dag.withRole(Role.EXPOSURE)).containsExactly("x");
        assertThat(dag.withRole(Role.OUTCOME)).containsExactly("y");
        assertThat(dag.withRole(Role.LATENT)).containsExactly("z");
        assertThat(dag.withRole(Role.ADJUSTED)).containsExactly("a");
        assertThat(dag.withRole(Role.SELECTION)).containsExactly("s");
        assertThat(dag.parents("y")).containsExactlyInAnyOrder("x", "z", "a");
        assertThat(dag.parents("x")).containsExactly("a");
        assertThat(dag.edgeCount()).isEqualTo(5);
        assertThat(dag.require("x").position()).isEqualTo(new CanvasPosition(100, 200));
        assertThat(result.hasPositions()).isTrue();
        assertThat(result.warnings()).isEmpty();
    }

    @Test
    void readsChainsQuotedNamesCommentsAndTextWithoutHeader() {
        ImportResult result = format.read("""
                // a comment
                a -> b -> c   # another
                /* a block
                   comment */
                "my var" -> c
                """);
        Dag dag = result.dag();

        assertThat(dag.hasEdge("a", "b")).isTrue();
        assertThat(dag.hasEdge("b", "c")).isTrue();
        assertThat(dag.hasEdge("my_var", "c")).isTrue();
        assertThat(dag.require("my_var").description()).isEqualTo("my var");
        assertThat(result.warnings()).singleElement().asString().contains("'my var'", "'my_var'");
        assertThat(result.hasPositions()).isFalse();
    }

    @Test
    void oneLetterOptionsAndOtherGraphTypesAreUnderstood() {
        Dag dag = format.read("pdag G { e [e] o [o] u [u] e -> o }").dag();

        assertThat(dag.require("e").role()).isEqualTo(Role.EXPOSURE);
        assertThat(dag.require("o").role()).isEqualTo(Role.OUTCOME);
        assertThat(dag.require("u").role()).isEqualTo(Role.LATENT);
    }

    @Test
    void boundingBoxOfTheUnitSquareIsStretchedToACanvasSizedLayout() {
        Dag dag = format.read("dag { bb=\"0,0,1,1\" a [pos=\"0.5,0.25\"] b [pos=\"1,1\"] a -> b }").dag();

        assertThat(dag.require("a").position()).isEqualTo(new CanvasPosition(300, 150));
        assertThat(dag.require("b").position()).isEqualTo(new CanvasPosition(600, 600));
    }

    @Test
    void bidirectedEdgeBecomesALatentCommonCauseAndIsReported() {
        ImportResult result = format.read("dag { a [pos=\"0,1\"] b [pos=\"2,1\"] a <-> b }");
        Dag dag = result.dag();

        assertThat(dag.withRole(Role.LATENT)).containsExactly("U_a_b");
        assertThat(dag.children("U_a_b")).containsExactly("a", "b");
        assertThat(dag.hasEdge("a", "b") || dag.hasEdge("b", "a")).isFalse();
        assertThat(dag.require("U_a_b").position()).isEqualTo(new CanvasPosition(100, 40));
        assertThat(result.hasPositions()).isTrue();
        assertThat(result.warnings()).singleElement().asString()
                .contains("a <-> b", "line 1", "latent", "U_a_b -> a");
    }

    @Test
    void undirectedEdgeIsRefusedWithItsPosition() {
        assertThatThrownBy(() -> format.read("dag {\n  a -> b\n  b -- c\n}"))
                .isInstanceOfSatisfying(GraphParseException.class, e -> {
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.column()).isEqualTo(5);
                    assertThat(e.reason()).contains("b -- c", "b -> c");
                });
    }

    @Test
    void cycleIsRefusedWithTheCycleNamed() {
        assertThatThrownBy(() -> format.read("dag {\n a -> b -> c\n c -> a\n}"))
                .isInstanceOfSatisfying(GraphParseException.class, e -> {
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.reason()).contains("the edge c -> a", "cycle c -> a -> b -> c", "acyclic");
                });
    }

    @Test
    void syntaxErrorsNameLineAndColumn() {
        assertThatThrownBy(() -> format.read("dag {\n  a -> b\n  c [pos=\"1,x\"]\n}"))
                .isInstanceOfSatisfying(GraphParseException.class, e -> {
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.column()).isEqualTo(6);
                    assertThat(e.getMessage()).startsWith("Line 3, column 6: ").contains("'x'", "not a number");
                });
        assertThatThrownBy(() -> format.read("dag {\n  a -> \n}"))
                .isInstanceOfSatisfying(GraphParseException.class, e -> {
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.column()).isEqualTo(1);
                    assertThat(e.reason()).contains("expected a variable name after '->'", "'}'");
                });
        assertThatThrownBy(() -> format.read("dag {\n  a -> b\n"))
                .isInstanceOfSatisfying(GraphParseException.class, e -> {
                    assertThat(e.line()).isEqualTo(1);
                    assertThat(e.reason()).contains("never closed");
                });
        assertThatThrownBy(() -> format.read("dag { a [type=\"fuzzy\"] }"))
                .isInstanceOfSatisfying(GraphParseException.class,
                        e -> assertThat(e.reason()).contains("unknown data type 'fuzzy'"));
    }

    @Test
    void unknownOptionsAreReportedOnce() {
        ImportResult result = format.read("dag { a [color=red] b [color=blue] a -> b }");

        assertThat(result.warnings()).singleElement().asString().contains("'color'", "line 1");
    }

    @Test
    void twoRolesKeepTheLastAndSaySo() {
        ImportResult result = format.read("dag { a [exposure, outcome] }");

        assertThat(result.dag().require("a").role()).isEqualTo(Role.OUTCOME);
        assertThat(result.warnings()).singleElement().asString().contains("both exposure and outcome");
    }
}

package org.recausal.engine.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.recausal.engine.dag.Dag;
import org.recausal.engine.dag.Role;

class TetradFormatTest {
    private final TetradFormat format = new TetradFormat();

    @Test
    void readsNodesAndDirectedEdgesInBothNotations() {
        ImportResult result = format.read("""
                Graph Nodes:
                X;Y;Z

                Graph Edges:
                1. X --> Y
                2. Z --> Y
                3. X <-- Z
                """);
        Dag dag = result.dag();

        assertThat(dag.names()).containsExactly("X", "Y", "Z");
        assertThat(dag.parents("Y")).containsExactly("X", "Z");
        assertThat(dag.parents("X")).containsExactly("Z");
        assertThat(result.hasPositions()).isFalse();
    }

    @Test
    void readsCommaSeparatedNodesAndSkipsLaterSections() {
        ImportResult result = format.read("Graph Nodes:\nA,B\n\nGraph Edges:\n1. A --> B\n\nGraph Attributes:\nBIC: 12\n");

        assertThat(result.dag().hasEdge("A", "B")).isTrue();
        assertThat(result.warnings()).singleElement().asString().contains("Graph Attributes:", "line 7");
    }

    @Test
    void bidirectedEdgeBecomesALatentCause() {
        ImportResult result = format.read("Graph Nodes:\nA;B\n\nGraph Edges:\n1. A <-> B\n");

        assertThat(result.dag().withRole(Role.LATENT)).containsExactly("U_A_B");
        assertThat(result.warnings()).singleElement().asString().contains("A <-> B");
    }

    @Test
    void circleAndUndirectedMarksAreRefusedNamingTheLine() {
        for (String mark : new String[] {"o->", "o-o", "---"}) {
            assertThatThrownBy(() -> format.read("Graph Nodes:\nA;B\n\nGraph Edges:\n1. A " + mark + " B\n"))
                    .isInstanceOfSatisfying(GraphParseException.class, e -> {
                        assertThat(e.line()).isEqualTo(5);
                        assertThat(e.column()).isEqualTo(6);
                        assertThat(e.reason()).contains("A " + mark + " B", "which way");
                    });
        }
    }

    @Test
    void unknownNodeCycleAndMissingHeaderAreErrors() {
        assertThatThrownBy(() -> format.read("Graph Nodes:\nA;B\n\nGraph Edges:\n1. A --> C\n"))
                .isInstanceOfSatisfying(GraphParseException.class, e -> {
                    assertThat(e.line()).isEqualTo(5);
                    assertThat(e.column()).isEqualTo(10);
                    assertThat(e.reason()).contains("unknown variable 'C'");
                });
        assertThatThrownBy(() -> format.read("Graph Nodes:\nA;B\n\nGraph Edges:\n1. A --> B\n2. B --> A\n"))
                .isInstanceOfSatisfying(GraphParseException.class, e -> {
                    assertThat(e.line()).isEqualTo(6);
                    assertThat(e.reason()).contains("cycle B -> A -> B");
                });
        assertThatThrownBy(() -> format.read("Nodes: A B"))
                .isInstanceOfSatisfying(GraphParseException.class,
                        e -> assertThat(e.reason()).contains("Graph Nodes:"));
        assertThatThrownBy(() -> format.read("Graph Nodes:\nA;A\n"))
                .isInstanceOfSatisfying(GraphParseException.class, e -> {
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.column()).isEqualTo(3);
                    assertThat(e.reason()).contains("declared twice");
                });
    }
}

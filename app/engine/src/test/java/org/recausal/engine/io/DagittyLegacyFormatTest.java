package org.recausal.engine.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.recausal.engine.dag.CanvasPosition;
import org.recausal.engine.dag.Dag;
import org.recausal.engine.dag.Role;

class DagittyLegacyFormatTest {
    private final DagittyLegacyFormat format = new DagittyLegacyFormat();

    @Test
    void readsFlagsPositionsEncodedNamesAndAdjacencyLines() {
        ImportResult result = format.read("""
                X E @0.1,0.2
                Y O @0.9,0.2
                Z U @0.5,0.0
                A A @0.5,0.5
                my%20var 1 @0.5,0.9

                X Y
                Z X Y @0.5,0.1
                A X Y
                my var A
                """);
        Dag dag = result.dag();

        assertThat(dag.names()).containsExactly("X", "Y", "Z", "A", "my_var");
        assertThat(dag.require("X").role()).isEqualTo(Role.EXPOSURE);
        assertThat(dag.require("Y").role()).isEqualTo(Role.OUTCOME);
        assertThat(dag.require("Z").role()).isEqualTo(Role.LATENT);
        assertThat(dag.require("A").role()).isEqualTo(Role.ADJUSTED);
        assertThat(dag.children("Z")).containsExactly("X", "Y");
        assertThat(dag.parents("A")).containsExactly("my_var");
        // a layout inside the unit square is stretched to 600 canvas units across its larger side (0.9)
        assertThat(dag.require("Y").position().x()).isCloseTo(600, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(result.hasPositions()).isTrue();
    }

    @Test
    void pairListedBothWaysIsABidirectedEdge() {
        ImportResult result = format.read("a 1\nb 1\n\na b\nb a\n");

        assertThat(result.dag().withRole(Role.LATENT)).containsExactly("U_a_b");
        assertThat(result.dag().edgeCount()).isEqualTo(2);
        assertThat(result.warnings()).singleElement().asString().contains("a <-> b");
    }

    @Test
    void unknownVariableInAnEdgeLineIsNamedWithItsPosition() {
        assertThatThrownBy(() -> format.read("a 1\nb 1\n\na b q\n"))
                .isInstanceOfSatisfying(GraphParseException.class, e -> {
                    assertThat(e.line()).isEqualTo(4);
                    assertThat(e.column()).isEqualTo(5);
                    assertThat(e.reason()).contains("unknown variable 'q'");
                });
    }

    @Test
    void duplicateVariableAndBadPositionAreRefused() {
        assertThatThrownBy(() -> format.read("a 1\na E\n"))
                .isInstanceOfSatisfying(GraphParseException.class, e -> {
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.reason()).contains("'a' is declared twice", "line 1");
                });
        assertThatThrownBy(() -> format.read("a 1 @1;2\n"))
                .isInstanceOfSatisfying(GraphParseException.class, e -> {
                    assertThat(e.column()).isEqualTo(5);
                    assertThat(e.reason()).contains("@1;2");
                });
    }

    @Test
    void positionsWrittenInDagittyUnitsReadBackExactly() {
        Dag dag = new Dag();
        dag.addVariable(org.recausal.engine.dag.Variable.of("a").at(0, 0));
        dag.addVariable(org.recausal.engine.dag.Variable.of("b").at(250, 120));

        Dag back = format.read(format.write(dag)).dag();

        assertThat(back.require("b").position()).isEqualTo(new CanvasPosition(250, 120));
    }
}

package org.recausal.engine.layout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.recausal.engine.dag.CanvasPosition;
import org.recausal.engine.dag.Dag;
import org.recausal.engine.dag.DagException;
import org.recausal.engine.dag.Variable;

class EdgeCrossingsTest {
    private final Dag dag = new Dag();

    EdgeCrossingsTest() {
        for (String name : new String[] {"A", "B", "C", "D", "E"}) {
            dag.addVariable(Variable.of(name));
        }
        dag.addEdge("A", "D");
        dag.addEdge("B", "C");
    }

    private static CanvasPosition at(double x, double y) {
        return new CanvasPosition(x, y);
    }

    @Test
    void anXCrosses() {
        assertThat(EdgeCrossings.count(dag, Map.of("A", at(0, 0), "B", at(10, 0), "C", at(0, 10), "D", at(10, 10),
                "E", at(50, 50)))).isEqualTo(1);
    }

    @Test
    void parallelEdgesDoNotCross() {
        assertThat(EdgeCrossings.count(dag, Map.of("A", at(0, 0), "B", at(10, 0), "C", at(10, 10), "D", at(0, 10),
                "E", at(50, 50)))).isZero();
    }

    @Test
    void edgesMeetingAtAVariableDoNotCross() {
        dag.addEdge("A", "C");
        dag.addEdge("E", "C");
        // A -> C and E -> C share C; B -> C shares C too; A -> D crosses E -> C.
        assertThat(EdgeCrossings.count(dag, Map.of("A", at(0, 0), "B", at(-10, 0), "C", at(5, 10), "D", at(20, 10),
                "E", at(20, 0)))).isEqualTo(1);
    }

    @Test
    void touchingIsNotCrossing() {
        // C lies on A -> D: B -> C ends on it without crossing.
        assertThat(EdgeCrossings.count(dag, Map.of("A", at(0, 0), "B", at(10, 0), "C", at(5, 5), "D", at(10, 10),
                "E", at(50, 50)))).isZero();
    }

    @Test
    void everyVariableNeedsAPosition() {
        assertThatThrownBy(() -> EdgeCrossings.count(dag, Map.of("A", at(0, 0), "B", at(1, 1), "C", at(2, 2))))
                .isInstanceOf(DagException.class).hasMessage("No position was given for the variable 'D'.");
    }

    @Test
    void aLayoutResultCountsItsCrossingsOnlyWhenAsked() {
        Map<String, CanvasPosition> positions = Map.of("A", at(0, 0), "B", at(10, 0), "C", at(0, 10));
        // D has no position: building the result must not count, asking must.
        LayoutResult result = new LayoutResult(positions, List.of(new EdgeRoute("A", "D", List.of()),
                new EdgeRoute("B", "C", List.of())), 2);
        assertThatThrownBy(result::crossings).isInstanceOf(DagException.class)
                .hasMessage("No position was given for the variable 'D'.");

        LayoutResult crossed = new LayoutResult(Map.of("A", at(0, 0), "B", at(10, 0), "C", at(0, 10), "D", at(10, 10)),
                List.of(new EdgeRoute("A", "D", List.of()), new EdgeRoute("B", "C", List.of())), 2);
        assertThat(crossed.crossings()).isEqualTo(1).isEqualTo(crossed.crossings());
    }
}

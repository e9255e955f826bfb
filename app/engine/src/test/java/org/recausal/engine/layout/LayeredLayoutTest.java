package org.recausal.engine.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.recausal.engine.dag.CanvasPosition;
import org.recausal.engine.dag.CausalEdge;
import org.recausal.engine.dag.Dag;
import org.recausal.engine.dag.RandomDags;
import org.recausal.engine.dag.Role;
import org.recausal.engine.dag.Variable;

class LayeredLayoutTest {
    private static final LayoutOptions OPTIONS = LayoutOptions.DEFAULT;

    static Stream<Arguments> graphs() {
        return Stream.of(
                Arguments.of("ALARM", AlarmNetwork.dag()),
                Arguments.of("random 40/60", RandomDags.generate(40, 60, 1)),
                Arguments.of("random 45/70", RandomDags.generate(45, 70, 2)),
                Arguments.of("random 50/90", RandomDags.generate(50, 90, 3)),
                Arguments.of("random 60/100", RandomDags.generate(60, 100, 4)),
                Arguments.of("random 45/70 sparse parts", RandomDags.generate(45, 30, 5)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("graphs")
    void everyCauseIsAboveItsEffects(String label, Dag dag) {
        Map<String, CanvasPosition> positions = LayeredLayout.layout(dag, OPTIONS).positions();
        assertThat(positions.keySet()).containsExactlyElementsOf(dag.names());
        for (CausalEdge edge : dag.edges()) {
            assertThat(positions.get(edge.to()).y() - positions.get(edge.from()).y()).as(edge.toString())
                    .isGreaterThanOrEqualTo(OPTIONS.nodeHeight() + OPTIONS.layerGap());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("graphs")
    void boxesDoNotOverlap(String label, Dag dag) {
        List<CanvasPosition> centres = List.copyOf(LayeredLayout.layout(dag, OPTIONS).positions().values());
        for (int i = 0; i < centres.size(); i++) {
            for (int j = i + 1; j < centres.size(); j++) {
                CanvasPosition a = centres.get(i);
                CanvasPosition b = centres.get(j);
                boolean apart = Math.abs(a.x() - b.x()) >= OPTIONS.nodeWidth() + OPTIONS.horizontalGap() - 1e-9
                        || Math.abs(a.y() - b.y()) >= OPTIONS.nodeHeight() + OPTIONS.layerGap() - 1e-9;
                assertThat(apart).as("%s at %s and %s at %s", dag.names().get(i), a, dag.names().get(j), b).isTrue();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("graphs")
    void muchFewerCrossingsThanANaiveGrid(String label, Dag dag) {
        LayoutResult result = LayeredLayout.layout(dag, OPTIONS);
        int naive = EdgeCrossings.count(dag, NaiveGridLayout.layout(dag, OPTIONS));
        assertThat(result.crossings()).isEqualTo(EdgeCrossings.count(dag, result.positions()));
        assertThat(result.crossings()).as("layered vs naive %d", naive).isLessThanOrEqualTo(naive / 2);
    }

    @Test
    void alarmIsDrawnWithFewCrossings() {
        Dag alarm = AlarmNetwork.dag();
        LayoutResult result = LayeredLayout.layout(alarm, OPTIONS);
        assertThat(result.crossings()).isLessThanOrEqualTo(20);
        assertThat(EdgeCrossings.count(alarm, NaiveGridLayout.layout(alarm, OPTIONS)))
                .isGreaterThan(5 * result.crossings());
    }

    @Test
    void sameGraphSameLayout() {
        Dag dag = RandomDags.generate(50, 90, 8);
        LayoutResult first = LayeredLayout.layout(dag, OPTIONS);
        assertThat(LayeredLayout.layout(dag, OPTIONS)).isEqualTo(first);
        assertThat(LayeredLayout.layout(dag.copy(), OPTIONS)).isEqualTo(first);
        assertThat(LayeredLayout.layout(RandomDags.generate(50, 90, 8), OPTIONS)).isEqualTo(first);
    }

    @Test
    void longEdgesAreRoutedThroughEveryLayerTheyPass() {
        Dag dag = AlarmNetwork.dag();
        LayoutResult result = LayeredLayout.layout(dag, OPTIONS);
        double layerStep = OPTIONS.nodeHeight() + OPTIONS.layerGap();
        int straight = 0;
        int long_ = 0;
        for (EdgeRoute route : result.routes()) {
            CanvasPosition from = result.positions().get(route.from());
            CanvasPosition to = result.positions().get(route.to());
            long span = Math.round((to.y() - from.y()) / layerStep);
            assertThat(route.bends()).as(route.toString()).hasSize((int) span - 1);
            for (int k = 0; k < route.bends().size(); k++) {
                assertThat(route.bends().get(k).y()).isEqualTo(from.y() + (k + 1) * layerStep);
            }
            if (route.bends().size() > 1) {
                long_++;
                if (route.bends().stream().mapToDouble(CanvasPosition::x).distinct().count() == 1) {
                    straight++;
                }
            }
        }
        assertThat(result.routes()).extracting(EdgeRoute::from, EdgeRoute::to).containsExactlyElementsOf(
                dag.edges().stream().map(e -> org.assertj.core.groups.Tuple.tuple(e.from(), e.to())).toList());
        // Brandes–Köpf keeps the inner part of a long edge vertical.
        assertThat(straight).isEqualTo(long_);
    }

    @Test
    void aRootSitsJustAboveItsOnlyEffect() {
        Dag dag = chain("A", "B", "C", "D");
        dag.addVariable(Variable.of("E"));
        dag.addEdge("E", "D");
        Map<String, CanvasPosition> positions = LayeredLayout.layout(dag, OPTIONS).positions();
        assertThat(positions.get("E").y()).isEqualTo(positions.get("C").y());
    }

    @Test
    void aSimpleChainIsAStraightColumn() {
        Map<String, CanvasPosition> positions = LayeredLayout.layout(chain("A", "B", "C", "D"), OPTIONS).positions();
        assertThat(positions.values()).extracting(CanvasPosition::x).containsOnly(OPTIONS.nodeWidth() / 2);
        assertThat(positions.values()).extracting(CanvasPosition::y).doesNotHaveDuplicates();
    }

    @Test
    void aParentIsCentredOverItsChildren() {
        Dag dag = new Dag();
        for (String name : new String[] {"P", "C1", "C2", "C3"}) {
            dag.addVariable(Variable.of(name));
        }
        dag.addEdge("P", "C1");
        dag.addEdge("P", "C2");
        dag.addEdge("P", "C3");
        Map<String, CanvasPosition> positions = LayeredLayout.layout(dag, OPTIONS).positions();
        assertThat(positions.get("P").x()).isEqualTo(positions.get("C2").x());
        assertThat(positions.get("C1").x()).isLessThan(positions.get("C2").x());
        assertThat(positions.get("C3").x()).isGreaterThan(positions.get("C2").x());
    }

    @Test
    void exposureAndOutcomeAreInTheMiddleOfTheirLayers() {
        // Seven independent causes of the outcome; the exposure is declared last, so without the role
        // it would sit at the right end of the top layer.
        Dag dag = new Dag();
        dag.addVariable(Variable.of("Y"));
        for (int i = 1; i <= 6; i++) {
            dag.addVariable(Variable.of("Z" + i));
            dag.addEdge("Z" + i, "Y");
        }
        dag.addVariable(Variable.of("X"));
        dag.addEdge("X", "Y");
        Map<String, CanvasPosition> plain = LayeredLayout.layout(dag, OPTIONS).positions();
        assertThat(rankInLayer(plain, "X")).isEqualTo(6);

        dag.updateVariable(dag.require("X").withRole(Role.EXPOSURE));
        dag.updateVariable(dag.require("Y").withRole(Role.OUTCOME));
        Map<String, CanvasPosition> keyed = LayeredLayout.layout(dag, OPTIONS).positions();
        assertThat(rankInLayer(keyed, "X")).isEqualTo(3);
        assertThat(keyed.get("X").x()).isEqualTo(keyed.get("Y").x());
    }

    @Test
    void unconnectedPartsAndLoneVariablesSitSideBySide() {
        Dag dag = chain("A", "B", "C");
        dag.addVariable(Variable.of("Lone1"));
        dag.addVariable(Variable.of("P"));
        dag.addVariable(Variable.of("Q"));
        dag.addEdge("P", "Q");
        dag.addVariable(Variable.of("Lone2"));
        Map<String, CanvasPosition> positions = LayeredLayout.layout(dag, OPTIONS).positions();
        assertThat(positions.get("P").x()).isGreaterThan(positions.get("A").x() + OPTIONS.nodeWidth());
        assertThat(positions.get("Lone1").x()).isGreaterThan(positions.get("P").x() + OPTIONS.nodeWidth());
        assertThat(positions.get("Lone2").x()).isGreaterThan(positions.get("P").x() + OPTIONS.nodeWidth());
    }

    @Test
    void emptyAndSingleVariableGraphs() {
        LayoutResult empty = LayeredLayout.layout(new Dag());
        assertThat(empty.positions()).isEmpty();
        assertThat(empty.layerCount()).isZero();
        Dag one = new Dag();
        one.addVariable(Variable.of("A"));
        assertThat(LayeredLayout.layout(one).positions())
                .containsExactly(Map.entry("A", new CanvasPosition(OPTIONS.nodeWidth() / 2, OPTIONS.nodeHeight() / 2)));
    }

    @Test
    void aLargeGraphIsLaidOut() {
        Dag dag = RandomDags.generate(500, 2000, 7);
        LayoutResult result = LayeredLayout.layout(dag, OPTIONS);
        assertThat(result.positions()).hasSize(500);
        for (CausalEdge edge : dag.edges()) {
            assertThat(result.positions().get(edge.from()).y()).isLessThan(result.positions().get(edge.to()).y());
        }
    }

    private static int rankInLayer(Map<String, CanvasPosition> positions, String name) {
        CanvasPosition own = positions.get(name);
        return (int) positions.values().stream().filter(p -> p.y() == own.y() && p.x() < own.x()).count();
    }

    private static Dag chain(String... names) {
        Dag dag = new Dag();
        for (String name : names) {
            dag.addVariable(Variable.of(name));
        }
        for (int i = 0; i + 1 < names.length; i++) {
            dag.addEdge(names[i], names[i + 1]);
        }
        return dag;
    }
}

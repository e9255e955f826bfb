package org.recausal.engine.dag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RandomDagsTest {

    @Test
    void hasExactlyTheAskedSize() {
        Dag dag = RandomDags.generate(50, 120, 3);
        assertThat(dag.size()).isEqualTo(50);
        assertThat(dag.edgeCount()).isEqualTo(120);
        assertThat(dag.names()).startsWith("X1", "X2").endsWith("X50");
        assertThat(dag.topologicalOrder()).hasSize(50);
    }

    @Test
    void sameSeedSameGraphOtherSeedOtherGraph() {
        assertThat(DagCanon.of(RandomDags.generate(30, 60, 11))).isEqualTo(DagCanon.of(RandomDags.generate(30, 60, 11)));
        assertThat(DagCanon.of(RandomDags.generate(30, 60, 11))).isNotEqualTo(DagCanon.of(RandomDags.generate(30, 60, 12)));
    }

    @Test
    void causalOrderIsNotTheInsertionOrder() {
        Dag dag = RandomDags.generate(40, 100, 5);
        long backwards = dag.edges().stream().filter(e -> dag.indexOf(e.from()) > dag.indexOf(e.to())).count();
        assertThat(backwards).isBetween(20L, 80L);
    }

    @Test
    void denseAndExtremeSizesWork() {
        assertThat(RandomDags.generate(12, 66, 1).edgeCount()).isEqualTo(66); // complete
        assertThat(RandomDags.generate(12, 50, 1).edgeCount()).isEqualTo(50);
        assertThat(RandomDags.generate(0, 0, 1).size()).isZero();
        assertThat(RandomDags.generate(1, 0, 1).size()).isEqualTo(1);
    }

    @Test
    void impossibleSizesAreRefused() {
        assertThatThrownBy(() -> RandomDags.generate(5, 11, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a DAG of 5 variables has between 0 and 10 edges, asked for 11");
        assertThatThrownBy(() -> RandomDags.generate(-1, 0, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}

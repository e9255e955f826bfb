package org.recausal.engine.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.recausal.engine.dag.Dag;

class DSeparationTest {

    @Test
    void chainForkAndColliderBehaveAsInTheTextbook() {
        DSeparation d = new DSeparation(Graphs.parse("a -> b -> c; a -> d; e -> d; d -> f"));
        assertThat(d.isSeparated(List.of("a"), List.of("c"), List.of())).isFalse();
        assertThat(d.isSeparated(List.of("a"), List.of("c"), List.of("b"))).isTrue();
        // a -> d <- e: blocked until the collider or its descendant f is conditioned on
        assertThat(d.isSeparated(List.of("a"), List.of("e"), List.of())).isTrue();
        assertThat(d.isSeparated(List.of("a"), List.of("e"), List.of("d"))).isFalse();
        assertThat(d.isSeparated(List.of("a"), List.of("e"), List.of("f"))).isFalse();
        // fork b <- a -> d
        assertThat(d.isSeparated(List.of("b"), List.of("d"), List.of("a"))).isTrue();
    }

    @Test
    void kinshipQueries() {
        DSeparation d = new DSeparation(Graphs.parse("a -> b -> c; a -> d; e -> d; d -> f"));
        assertThat(d.ancestors(List.of("d"))).containsExactly("a", "d", "e");
        assertThat(d.descendants(List.of("a"))).containsExactly("a", "b", "c", "d", "f");
        assertThat(d.markovBlanket("a")).containsExactlyInAnyOrder("b", "d", "e");
        assertThat(d.reachable(List.of("a"), List.of("b"))).containsExactlyInAnyOrder("a", "d", "f");
    }

    @Test
    void markovBlanketsMatchDagittysRPackage() {
        // testMarkovBlanket.R, Pearl's figure 2.9
        DSeparation d = new DSeparation(Graphs.parse("W -> Y; X -> W; Z_1 -> X; Z_1 -> Z_3; Z_2 -> Y; Z_2 -> Z_3; Z_3 -> X; Z_3 -> Y"));
        assertThat(d.markovBlanket(List.of())).isEmpty();
        assertThat(d.markovBlanket("Z_1")).containsExactlyInAnyOrder("X", "Z_2", "Z_3");
        assertThat(d.markovBlanket("Y")).containsExactlyInAnyOrder("W", "Z_2", "Z_3");
        assertThat(d.markovBlanket(List.of("W", "Y"))).containsExactlyInAnyOrder("X", "Z_2", "Z_3");
    }

    @Test
    void overlappingSetsAreRefusedWithTheirNames() {
        DSeparation d = new DSeparation(Graphs.parse("a -> b"));
        assertThatThrownBy(() -> d.isSeparated(List.of("a"), List.of("b"), List.of("a")))
                .hasMessageContaining("share a");
        assertThatThrownBy(() -> d.isSeparated(List.of("a"), List.of("zz"), List.of()))
                .hasMessageContaining("'zz'");
    }

    @Test
    void agreesWithPathEnumerationOnRandomGraphs() {
        Random random = new Random(7);
        int checked = 0;
        for (int trial = 0; trial < 150; trial++) {
            Dag dag = BruteForce.randomDag(1000 + trial, 4 + random.nextInt(5), 0.2 + random.nextDouble() * 0.4, 0);
            DSeparation d = new DSeparation(dag);
            List<String> names = new ArrayList<>(dag.names());
            for (int k = 0; k < 10; k++) {
                java.util.Collections.shuffle(names, random);
                String a = names.get(0);
                String b = names.get(1);
                Set<String> z = new java.util.HashSet<>();
                for (String v : names.subList(2, names.size())) {
                    if (random.nextBoolean()) {
                        z.add(v);
                    }
                }
                assertThat(d.isSeparated(List.of(a), List.of(b), z))
                        .as("%s _||_ %s | %s in %s", a, b, z, dag.edges())
                        .isEqualTo(BruteForce.separated(dag, List.of(a), List.of(b), z));
                checked++;
            }
        }
        assertThat(checked).isEqualTo(1500);
    }
}

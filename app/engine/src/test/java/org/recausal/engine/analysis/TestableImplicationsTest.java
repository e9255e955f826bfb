package org.recausal.engine.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.recausal.engine.dag.Dag;
import org.recausal.engine.io.GraphFormat;
import org.recausal.engine.task.CancellationToken;
import org.recausal.engine.task.CancelledException;

/**
 * Expected lists are the ones asserted in DAGitty's own test suite ("testable implications" and the
 * uncategorized tests of its QUnit suite), on the same graphs read from DAGitty's old text format.
 */
class TestableImplicationsTest {

    /** DAGitty's TestGraphs.commentator1 (A, B, C latent). */
    static final String COMMENTATOR_1 = """
            X 1
            Y 1
            A U
            B U
            C U
            V 1
            W1 1
            W2 1
            Z1 1
            Z2 1

            A W2 W1
            B W1 X
            C Y W2
            V Z1 Z2
            W1 Z1
            W2 Z2
            X Y
            Z1 X
            Z2 Y""";

    /** DAGitty's example "Small model with mediator". */
    static final String MEDIATOR = "X E\nY O\nZ 1\nI 1\n\nZ X I\nX I Y\nI Y";

    /** DAGitty's example "Extended confounding triangle". */
    static final String EXTENDED_CONFOUNDING = "E E\nD O\nA 1\nB 1\nZ 1\n\nE D\nA E Z\nB D Z\nZ E D";

    static Dag legacy(String text) {
        return GraphFormat.DAGITTY_LEGACY.read(text).dag();
    }

    /** Parses DAGitty's "A _||_ B | C, D" lines. */
    static Set<Independence> dagitty(String lines) {
        Set<Independence> result = new TreeSet<>();
        for (String line : lines.split("\n")) {
            String[] parts = line.split("\\|\\|_|\\|", -1);
            String x = parts[0].replace("_", " ").strip();
            String y = parts[1].strip();
            List<String> given = parts.length > 2
                    ? Arrays.stream(parts[2].split(",")).map(String::strip).toList() : List.of();
            result.add(Independence.of(x, y, given));
        }
        return result;
    }

    static List<Independence> all(Dag dag) {
        return new TestableImplications(dag).all(10_000, CancellationToken.none()).implications();
    }

    @Test
    void commentatorGraphMatchesDagitty() {
        assertThat(all(legacy(COMMENTATOR_1))).containsExactlyElementsOf(dagitty("""
                X _||_ V | W1, Z1
                X _||_ Z2 | V, W2
                X _||_ Z2 | W1, W2, Z1
                Y _||_ V | W1, W2, Z1, Z2
                V _||_ W1
                V _||_ W2
                W1 _||_ Z2 | W2
                W2 _||_ Z1 | W1
                Z1 _||_ Z2 | V, W2
                Z1 _||_ Z2 | V, W1"""));
    }

    @Test
    void mediatorModelMatchesDagittyAlsoWithAnAdjustedVariable() {
        assertThat(all(legacy(MEDIATOR))).containsExactlyElementsOf(dagitty("Y _||_ Z | I, X"));
        // DAGitty: marking Z as adjusted changes nothing
        assertThat(all(legacy(MEDIATOR.replace("Z 1", "Z A")))).containsExactlyElementsOf(dagitty("Y _||_ Z | I, X"));
    }

    @Test
    void aLatentConfounderLeavesNothingToTest() {
        assertThat(all(legacy(EXTENDED_CONFOUNDING.replace("A 1", "A U")))).isEmpty();
        // with A observed: E _||_ B | A, Z and A _||_ D | B, E, Z among others
        assertThat(all(legacy(EXTENDED_CONFOUNDING))).contains(Independence.of("E", "B", List.of("A", "Z")));
    }

    @Test
    void sebastianiFirstPairMatchesDagittysFirstSevenResults() throws IOException {
        Dag dag = legacy(resource("dagitty/sebastiani2005.txt"));
        List<Independence> listed = all(dag);
        Set<Independence> dagittyFirstSeven = dagitty("""
                EDN1.3 _||_ SELP.22 | SELP.17, Stroke
                EDN1.3 _||_ SELP.22 | ECE1.13, Stroke
                EDN1.3 _||_ SELP.22 | ECE1.12, Stroke
                EDN1.3 _||_ SELP.22 | ANXA2.8
                EDN1.3 _||_ SELP.17 | ECE1.13
                EDN1.3 _||_ SELP.17 | ECE1.12, Stroke
                EDN1.3 _||_ SELP.17 | ANXA2.8""");
        assertThat(listed).containsAll(dagittyFirstSeven);
        // DAGitty's first pair was listed whole before its limit of 7 was reached
        assertThat(listed.stream().filter(i -> i.x().equals("EDN1.3") && i.y().equals("SELP.22")))
                .containsExactlyInAnyOrderElementsOf(dagittyFirstSeven.stream()
                        .filter(i -> i.y().equals("SELP.22")).toList());
    }

    @Test
    void everyListedImplicationIsAMinimalSeparationAndOnePerPairIsAmongThem() {
        Dag dag = legacy(COMMENTATOR_1);
        DSeparation d = new DSeparation(dag);
        List<Independence> all = all(dag);
        for (Independence i : all) {
            assertThat(d.isSeparated(List.of(i.x()), List.of(i.y()), i.given())).as("%s", i).isTrue();
            for (String dropped : i.given()) {
                List<String> smaller = new ArrayList<>(i.given());
                smaller.remove(dropped);
                assertThat(d.isSeparated(List.of(i.x()), List.of(i.y()), smaller)).as("%s without %s", i, dropped).isFalse();
            }
        }
        List<Independence> one = new TestableImplications(dag).onePerPair(1000, CancellationToken.none()).implications();
        assertThat(all).containsAll(one);
        assertThat(pairs(one)).isEqualTo(pairs(all));
    }

    @Test
    void limitTruncatesAndCancellationStops() {
        TestableImplications implications = new TestableImplications(legacy(COMMENTATOR_1));
        TestableImplications.Listing three = implications.all(3, CancellationToken.none());
        assertThat(three.implications()).hasSize(3);
        assertThat(three.truncated()).isTrue();
        assertThat(implications.all(10, CancellationToken.none()).truncated()).isFalse();
        CancellationToken cancelled = new CancellationToken();
        cancelled.cancel();
        assertThatThrownBy(() -> implications.all(10, cancelled)).isInstanceOf(CancelledException.class);
    }

    @Test
    void independenceIsCanonical() {
        Independence i = Independence.of("b", "a", List.of("d", "c"));
        assertThat(i.x()).isEqualTo("a");
        assertThat(i.y()).isEqualTo("b");
        assertThat(i.given()).containsExactly("c", "d");
        assertThat(i).isEqualTo(Independence.of("a", "b", List.of("c", "d"))).hasToString("a _||_ b | c, d");
        assertThatThrownBy(() -> Independence.of("a", "a", List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Independence.of("a", "b", List.of("a"))).isInstanceOf(IllegalArgumentException.class);
    }

    static Set<String> pairs(List<Independence> implications) {
        return implications.stream().map(i -> i.x() + "|" + i.y()).collect(Collectors.toCollection(TreeSet::new));
    }

    static String resource(String name) throws IOException {
        try (InputStream in = TestableImplicationsTest.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}

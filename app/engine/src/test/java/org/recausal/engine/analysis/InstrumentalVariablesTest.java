package org.recausal.engine.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.recausal.engine.dag.Dag;
import org.recausal.engine.io.GraphFormat;

/** Cases marked DAGitty are asserted in DAGitty's QUnit suite or its R package's testthat suite. */
class InstrumentalVariablesTest {

    static List<String> dagittyStyle(Dag dag) {
        return InstrumentalVariables.of(dag).stream().map(Instrument::toString).toList();
    }

    @Test
    void dagittyConditionalInstrument() {
        // QUnit: w -> z -> x -> y, w -> u -> x, u -> y with u latent gives "z | w"
        Dag dag = Graphs.parse("u [latent]; x [exposure]; y [outcome]; w -> z -> x -> y; w -> u -> x; u -> y");
        assertThat(dagittyStyle(dag)).containsExactly("z | w");
    }

    @Test
    void dagittyPlainInstrument() {
        // QUnit: z -> x -> y, u -> x, u -> y with u latent gives "z"
        Dag dag = Graphs.parse("u [latent]; x [exposure]; y [outcome]; z -> x -> y; u -> x; u -> y");
        assertThat(dagittyStyle(dag)).containsExactly("z");
        assertThat(InstrumentalVariables.of(dag).getFirst().conditional()).isFalse();
    }

    @Test
    void dagittyRPackageCasesWithBidirectedEdges() {
        // testInstruments.R: i->{x[e]}->{y[o]}<->x gives the instrument i; {y[o]}<-w->i->{x[e]}->y<->x gives i given w
        Dag basic = GraphFormat.DAGITTY.read("dag { i -> x -> y  x <-> y  x [exposure] y [outcome] }").dag();
        assertThat(dagittyStyle(basic)).containsExactly("i");
        Dag conditional = GraphFormat.DAGITTY.read("dag { y <- w -> i -> x -> y  y <-> x  x [exposure] y [outcome] }").dag();
        assertThat(dagittyStyle(conditional)).containsExactly("i | w");
    }

    @Test
    void anObservedConfounderNeedsNoInstrumentButOneIsStillListed() {
        // with u observed, z stays an instrument (its separator from y is empty)
        Dag dag = Graphs.parse("x [exposure]; y [outcome]; z -> x -> y; u -> x; u -> y");
        assertThat(dagittyStyle(dag)).containsExactly("z");
    }

    @Test
    void needsOneExposureAndOneOutcome() {
        assertThatThrownBy(() -> InstrumentalVariables.of(Graphs.parse("a -> b")))
                .hasMessageContaining("exactly one exposure and one outcome");
    }

    /**
     * van der Zander, Liśkiewicz &amp; Textor (2015): z is an ancestral instrument when some W of
     * ancestors of Y and z (in the proper back-door graph) makes it a conditional instrument; a
     * graph has a conditional instrument exactly when it has an ancestral one. DAGitty lists the
     * ancestral ones, checked here against both definitions by trying every W.
     */
    @Test
    void agreesWithTheDefinitionsOnRandomGraphs() {
        Random random = new Random(31);
        int listed = 0;
        int conditional = 0;
        int onlyNonAncestral = 0;
        for (int trial = 0; trial < 300; trial++) {
            Dag dag = BruteForce.randomDag(7000 + trial, 5 + random.nextInt(4), 0.25 + random.nextDouble() * 0.3, 0.25);
            List<String> observed = dag.variables().stream().filter(v -> !v.isLatent()).map(v -> v.name()).toList();
            if (observed.size() < 3) {
                continue;
            }
            String x = observed.get(random.nextInt(observed.size() - 1));
            String y = observed.getLast();
            Map<String, Set<String>> found = new TreeMap<>();
            InstrumentalVariables.of(dag, x, y).forEach(i -> found.put(i.instrument(), i.given()));
            List<String> pool = dag.names().stream().filter(v -> !v.equals(x) && !v.equals(y)).toList();
            boolean anyConditional = false;
            for (String z : observed) {
                if (z.equals(x) || z.equals(y)) {
                    continue;
                }
                Set<String> ancestral = BruteForce.ancestorsInBackDoorGraph(dag, x, y, z);
                List<Set<String>> candidates = BruteForce.subsets(pool.stream().filter(v -> !v.equals(z)).toList());
                boolean isAncestral = candidates.stream()
                        .anyMatch(w -> ancestral.containsAll(w) && BruteForce.instrument(dag, x, y, z, w));
                boolean isConditional = candidates.stream().anyMatch(w -> BruteForce.instrument(dag, x, y, z, w));
                anyConditional |= isConditional;
                onlyNonAncestral += isConditional && !isAncestral ? 1 : 0;
                assertThat(found.containsKey(z)).as("%s for %s -> %s in %s", z, x, y, dag).isEqualTo(isAncestral);
                if (found.containsKey(z)) {
                    assertThat(BruteForce.instrument(dag, x, y, z, found.get(z))).as("%s | %s", z, found.get(z)).isTrue();
                    listed++;
                    conditional += found.get(z).isEmpty() ? 0 : 1;
                }
            }
            assertThat(!found.isEmpty()).as("some instrument for %s -> %s in %s", x, y, dag).isEqualTo(anyConditional);
        }
        assertThat(listed).isGreaterThan(50);
        assertThat(conditional).isGreaterThan(10);
        assertThat(onlyNonAncestral).as("graphs where the two definitions differ").isGreaterThan(0);
    }

    static Set<String> names(List<Instrument> instruments) {
        return instruments.stream().map(Instrument::instrument).collect(Collectors.toCollection(TreeSet::new));
    }
}

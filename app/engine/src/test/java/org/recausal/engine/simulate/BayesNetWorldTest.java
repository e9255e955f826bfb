package org.recausal.engine.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.recausal.engine.bn.DiscreteBayesNet;
import org.recausal.engine.dag.Dag;
import org.recausal.engine.dag.RandomDags;
import org.recausal.engine.estimate.Distances;
import org.recausal.engine.io.BifFormat;
import org.recausal.engine.io.ImportResult;
import org.recausal.engine.scm.FittedScm;
import org.recausal.engine.scm.Intervention;
import org.recausal.engine.scm.Observations;
import org.recausal.engine.scm.ScmFitter;

/**
 * Discrete networks generated here (the bnlearn networks' licence does not let us ship them; the benchmark
 * command checks those): exact do-probabilities by variable elimination against brute-force enumeration, and a
 * model fitted to data sampled from the network against the exact answers.
 */
class BayesNetWorldTest {

    /** A random network over {@code RandomDags} X1..Xn with 2 or 3 states per variable and random tables. */
    static DiscreteBayesNet randomNetwork(int variables, int edges, long seed) {
        Dag dag = RandomDags.generate(variables, edges, seed);
        SplittableRandom random = new SplittableRandom(seed);
        Map<String, List<String>> states = new HashMap<>();
        for (String name : dag.names()) {
            int count = 2 + random.nextInt(2);
            List<String> names = new ArrayList<>();
            for (int s = 0; s < count; s++) {
                names.add("s" + s);
            }
            states.put(name, names);
        }
        List<DiscreteBayesNet.Node> nodes = new ArrayList<>();
        for (String name : dag.names()) {
            List<String> parents = dag.names().stream().filter(dag.parents(name)::contains).toList();
            int combinations = parents.stream().mapToInt(p -> states.get(p).size()).reduce(1, (a, b) -> a * b);
            List<double[]> rows = new ArrayList<>();
            for (int c = 0; c < combinations; c++) {
                double[] row = new double[states.get(name).size()];
                double sum = 0;
                for (int s = 0; s < row.length; s++) {
                    row[s] = 0.05 + random.nextDouble();
                    sum += row[s];
                }
                for (int s = 0; s < row.length; s++) {
                    row[s] /= sum;
                }
                rows.add(row);
            }
            nodes.add(new DiscreteBayesNet.Node(name, states.get(name), parents, rows));
        }
        return new DiscreteBayesNet(nodes);
    }

    /** P(target | do(settings)) by summing the truncated product over every joint state. */
    private static double[] bruteForce(DiscreteBayesNet net, Map<String, String> settings, String target) {
        List<String> names = net.names();
        double[] result = new double[net.states(target).size()];
        int[] state = new int[names.size()];
        while (true) {
            double p = 1;
            boolean consistent = true;
            for (int i = 0; i < names.size() && consistent; i++) {
                String name = names.get(i);
                String value = net.states(name).get(state[i]);
                if (settings.containsKey(name)) {
                    consistent = settings.get(name).equals(value);
                    continue;
                }
                List<String> parentStates = net.parents(name).stream()
                        .map(parent -> net.states(parent).get(state[names.indexOf(parent)])).toList();
                p *= net.probability(name, value, parentStates);
            }
            if (consistent) {
                result[state[names.indexOf(target)]] += p;
            }
            int i = 0;
            while (i < names.size() && ++state[i] == net.states(names.get(i)).size()) {
                state[i++] = 0;
            }
            if (i == names.size()) {
                return result;
            }
        }
    }

    @Test
    void variableEliminationAgreesWithEnumeration() {
        for (long seed = 1; seed <= 5; seed++) {
            DiscreteBayesNet net = randomNetwork(7, 10, seed);
            for (String target : List.of("X1", "X4", "X7")) {
                Map<String, String> settings = Map.of(target.equals("X2") ? "X3" : "X2", "s1");
                assertThat(ExactInference.interventional(net, settings, target))
                        .containsExactly(bruteForce(net, settings, target), within(1e-12));
                assertThat(ExactInference.interventional(net, Map.of(), target))
                        .containsExactly(bruteForce(net, Map.of(), target), within(1e-12));
            }
        }
    }

    @Test
    void samplingFollowsTheTables() {
        DiscreteBayesNet net = randomNetwork(6, 8, 3);
        Observations sample = BayesNetWorld.model(net).sample(
                List.of(Intervention.parse("X2=s0")), 200_000, 1);
        for (String target : net.names()) {
            double[] exact = ExactInference.interventional(net, Map.of("X2", "s0"), target);
            assertThat(Distances.totalVariation(frequencies(sample, target, exact.length), exact))
                    .as(target).isLessThan(0.01);
        }
    }

    @Test
    void aModelFittedToSampledDataReproducesExactDoProbabilities() {
        DiscreteBayesNet net = randomNetwork(8, 11, 7);
        // Through the BIF importer, as the benchmark reads bnlearn's networks.
        ImportResult imported = new BifFormat().read(new BifFormat().write(net));
        DiscreteBayesNet read = imported.bayesNet().orElseThrow();
        Observations data = BayesNetWorld.model(read).sample(30_000, 5);
        FittedScm fitted = ScmFitter.fit(BayesNetWorld.dag(read), data);
        for (String treated : List.of("X1", "X5")) {
            for (String target : read.names()) {
                if (target.equals(treated)) {
                    continue;
                }
                double[] exact = ExactInference.interventional(read, Map.of(treated, "s1"), target);
                Observations simulated = fitted.model().sample(List.of(Intervention.parse(treated + "=s1")),
                        100_000, 2);
                assertThat(Distances.totalVariation(frequencies(simulated, target, exact.length), exact))
                        .as("P(" + target + " | do(" + treated + "=s1))").isLessThan(0.03);
            }
        }
    }

    private static double[] frequencies(Observations sample, String name, int levels) {
        double[] counts = new double[levels];
        for (double v : sample.column(name)) {
            counts[(int) v]++;
        }
        for (int k = 0; k < levels; k++) {
            counts[k] /= sample.rows();
        }
        return counts;
    }
}

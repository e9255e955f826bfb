package org.recausal.engine.policy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import org.recausal.engine.model.Scale;
import org.recausal.engine.scm.AdditiveNoiseMechanism;
import org.recausal.engine.scm.DiscreteMechanism;
import org.recausal.engine.scm.Mechanism;
import org.recausal.engine.scm.NoiseDistribution;
import org.recausal.engine.scm.Observations;
import org.recausal.engine.scm.ScmException;
import org.recausal.engine.scm.Seeds;
import org.recausal.engine.scm.StructuralCausalModel;

/**
 * Simulates the target's descendants over the logged rows in one world: the context as logged, the target as the
 * world serves it to the nodes that read it, every other descendant drawn from its fitted mechanism. Rows go in
 * fixed chunks, each node of each chunk from its own seeded stream, so worlds drawn with the same seed share their
 * noise (common random numbers) and the result does not depend on the number of threads.
 */
final class RowSimulator {

    private static final int CHUNK = 8192;

    private final StructuralCausalModel model;
    private final PolicyGraph graph;
    private final Observations data;

    /**
     * A world: the value of the target that {@code readers} see (the rest see the logged one), and nodes held
     * at a fixed value.
     */
    record World(double[] target, Set<String> readers, Map<String, Double> fixed) {
    }

    /** The simulated values of the descendants, and for the tracked nodes their expectation given their inputs. */
    record Simulation(Map<String, double[]> values, Map<String, double[]> expected) {
    }

    RowSimulator(StructuralCausalModel model, PolicyGraph graph, Observations data) {
        this.model = model;
        this.graph = graph;
        this.data = data;
    }

    StructuralCausalModel model() {
        return model;
    }

    /** The world as logged: every node reads the logged target. */
    World current() {
        return new World(data.column(graph.target()), Set.of(), Map.of());
    }

    Simulation simulate(World world, List<String> tracked, long seed) {
        int rows = data.rows();
        Map<String, double[]> values = new HashMap<>();
        Map<String, double[]> expected = new HashMap<>();
        for (String node : graph.downstream()) {
            values.put(node, new double[rows]);
        }
        for (String node : tracked) {
            expected.put(node, graph.downstream().contains(node) ? new double[rows] : logged(node, world));
        }
        int chunks = (rows + CHUNK - 1) / CHUNK;
        IntStream.range(0, chunks).parallel().forEach(chunk -> {
            int from = chunk * CHUNK;
            int to = Math.min(rows, from + CHUNK);
            for (int k = 0; k < graph.downstream().size(); k++) {
                String node = graph.downstream().get(k);
                Mechanism mechanism = model.node(node).mechanism();
                double[][] parents = mechanism.parents().stream().map(p -> column(p, node, world, values))
                        .toArray(double[][]::new);
                double[] out = values.get(node);
                Double fixed = world.fixed().get(node);
                if (fixed != null) {
                    java.util.Arrays.fill(out, from, to, fixed);
                } else {
                    mechanism.draw(parents, from, to, Seeds.random(seed, k, chunk), out);
                }
                double[] mean = expected.get(node);
                if (mean != null) {
                    if (fixed != null) {
                        java.util.Arrays.fill(mean, from, to, fixed);
                    } else {
                        expectation(node, mechanism, parents, from, to, mean);
                    }
                }
            }
        });
        return new Simulation(values, expected);
    }

    /** A tracked node the world does not simulate: the target as served, or a logged context value. */
    private double[] logged(String node, World world) {
        return node.equals(graph.target()) ? world.target() : data.column(node);
    }

    private double[] column(String parent, String reader, World world, Map<String, double[]> values) {
        double[] simulated = values.get(parent);
        if (simulated != null) {
            return simulated;
        }
        if (parent.equals(graph.target()) && world.readers().contains(reader)) {
            return world.target();
        }
        return data.column(parent);
    }

    /** The mean given the inputs: for a binary node the probability of its second level. */
    private void expectation(String node, Mechanism mechanism, double[][] parents, int from, int to, double[] out) {
        Scale scale = model.scale(node);
        switch (mechanism) {
            case DiscreteMechanism discrete when scale.levelCount() == 2 -> {
                double[] p = new double[2];
                for (int row = from; row < to; row++) {
                    discrete.model().probabilities(parents, row, p);
                    out[row] = p[1];
                }
            }
            case AdditiveNoiseMechanism additive -> {
                double noise = noiseMean(additive.noise());
                for (int row = from; row < to; row++) {
                    out[row] = additive.expected(parents, row) + noise;
                }
            }
            default -> throw new ScmException(node + " is " + scale + "; a policy's outcomes and exposure must be"
                    + " binary or numeric");
        }
    }

    private static double noiseMean(NoiseDistribution noise) {
        return switch (noise) {
            case NoiseDistribution.Empirical empirical -> java.util.Arrays.stream(empirical.residuals()).average()
                    .orElse(0);
            case NoiseDistribution.Gaussian gaussian -> 0;
        };
    }
}

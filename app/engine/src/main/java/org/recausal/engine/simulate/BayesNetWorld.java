package org.recausal.engine.simulate;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

import org.recausal.engine.bn.DiscreteBayesNet;
import org.recausal.engine.dag.Dag;
import org.recausal.engine.dag.DataType;
import org.recausal.engine.dag.Role;
import org.recausal.engine.dag.Variable;
import org.recausal.engine.model.Scale;
import org.recausal.engine.scm.Mechanism;
import org.recausal.engine.scm.StructuralCausalModel;

/**
 * A discrete Bayesian network read as a structural causal model: each variable drawn from its conditional
 * probability table by one uniform number, so data sampled from the network and interventions on it have the
 * network's exact tables as their truth ({@link ExactInference}).
 */
public final class BayesNetWorld {

    private BayesNetWorld() {
    }

    /** A variable's scale: binary for two states (the second coded 1), else categorical, levels in state order. */
    public static Scale scale(List<String> states) {
        return states.size() == 2 ? Scale.binary(states.get(0), states.get(1)) : Scale.categorical(states);
    }

    public static StructuralCausalModel model(DiscreteBayesNet net) {
        List<StructuralCausalModel.Node> nodes = new ArrayList<>();
        for (String name : causalOrder(net)) {
            DiscreteBayesNet.Node node = net.nodes().stream().filter(n -> n.name().equals(name)).findFirst()
                    .orElseThrow();
            int[] radix = node.parents().stream().mapToInt(p -> net.states(p).size()).toArray();
            nodes.add(new StructuralCausalModel.Node(name, scale(node.states()),
                    new TableMechanism(node.parents(), radix, node.rows().toArray(double[][]::new))));
        }
        return new StructuralCausalModel(nodes);
    }

    /** The network's graph: every variable observed, binary or categorical. */
    public static Dag dag(DiscreteBayesNet net) {
        Dag dag = new Dag();
        for (String name : causalOrder(net)) {
            dag.addVariable(Variable.of(name, Role.ORDINARY,
                    net.states(name).size() == 2 ? DataType.BINARY : DataType.CATEGORICAL));
        }
        for (String name : net.names()) {
            net.parents(name).forEach(parent -> dag.addEdge(parent, name));
        }
        return dag;
    }

    /** Variables with parents before children, otherwise in the network's order. */
    static List<String> causalOrder(DiscreteBayesNet net) {
        List<String> order = new ArrayList<>();
        List<String> waiting = new ArrayList<>(net.names());
        while (!waiting.isEmpty()) {
            for (int i = 0; i < waiting.size(); i++) {
                if (order.containsAll(net.parents(waiting.get(i)))) {
                    order.add(waiting.remove(i));
                    break;
                }
            }
        }
        return order;
    }

    /** Draws a state from the table row of the parents' states (first parent varying fastest). */
    private record TableMechanism(List<String> parents, int[] radix, double[][] rows) implements Mechanism {
        @Override
        public void draw(double[][] parentColumns, int from, int to, RandomGenerator random, double[] out) {
            for (int row = from; row < to; row++) {
                int index = 0;
                int stride = 1;
                for (int j = 0; j < radix.length; j++) {
                    index += (int) parentColumns[j][row] * stride;
                    stride *= radix[j];
                }
                double[] p = rows[index];
                double u = random.nextDouble();
                int state = 0;
                double cumulative = p[0];
                while (u >= cumulative && state < p.length - 1) {
                    state++;
                    cumulative += p[state];
                }
                out[row] = state;
            }
        }

        @Override
        public String description() {
            return "probability table (true)";
        }
    }
}

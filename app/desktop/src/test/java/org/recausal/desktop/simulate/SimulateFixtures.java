package org.recausal.desktop.simulate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;

import org.recausal.engine.dag.Dag;
import org.recausal.engine.dag.DataType;
import org.recausal.engine.dag.Role;
import org.recausal.engine.dag.Variable;

/**
 * A known linear SCM and data drawn from it (seeded): z ~ N(0, 1), t ~ Bernoulli(sigmoid(0.8 z)),
 * y = 2 t + 1.5 z + N(0, 1). P(t = 1) is 1/2 by symmetry, so E[y | do(t = 1)] - E[y] = 2 (1 - 1/2) = 1 and the
 * average treatment effect of t on y is 2. The treatment's column is called {@code treated}, so binding must go
 * through the mapping.
 */
public final class SimulateFixtures {

    public static final double EFFECT_OF_DO_T1 = 1.0;
    public static final double AVERAGE_TREATMENT_EFFECT = 2.0;

    private SimulateFixtures() {
    }

    public static Dag dag() {
        Dag dag = new Dag();
        dag.addVariable(Variable.of("z", Role.ORDINARY, DataType.CONTINUOUS).at(260, 80));
        dag.addVariable(Variable.of("t", Role.ORDINARY, DataType.BINARY).at(120, 220));
        dag.addVariable(Variable.of("y", Role.ORDINARY, DataType.CONTINUOUS).at(400, 220));
        dag.addEdge("z", "t");
        dag.addEdge("z", "y");
        dag.addEdge("t", "y");
        return dag;
    }

    public static Path data(Path dir, int rows, long seed) {
        Random random = new Random(seed);
        StringBuilder text = new StringBuilder("z,treated,y\n");
        for (int row = 0; row < rows; row++) {
            double z = random.nextGaussian();
            int t = random.nextDouble() < 1 / (1 + Math.exp(-0.8 * z)) ? 1 : 0;
            double y = 2 * t + 1.5 * z + random.nextGaussian();
            text.append(String.format(Locale.ROOT, "%.6f,%d,%.6f%n", z, t, y));
        }
        try {
            return Files.writeString(dir.resolve("shop.csv"), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

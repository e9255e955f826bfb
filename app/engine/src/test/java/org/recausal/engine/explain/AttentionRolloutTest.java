package org.recausal.engine.explain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.recausal.engine.recsys.sasrec.AttentionMap;

class AttentionRolloutTest {
    @Test
    void rolloutMixesTheResidualAndMultipliesTheBlocksByHand() {
        // Two blocks, one head, three positions; causal rows.
        float[][] first = {{1, 0, 0}, {0.4f, 0.6f, 0}, {0.2f, 0.3f, 0.5f}};
        float[][] second = {{1, 0, 0}, {0.9f, 0.1f, 0}, {0.6f, 0.2f, 0.2f}};
        AttentionMap map = new AttentionMap(List.of("a", "b", "c"), new float[][][][] {{first}, {second}});
        double[][] a1 = mixed(first);
        double[][] a2 = mixed(second);
        double[] expected = new double[3];
        for (int j = 0; j < 3; j++) {
            for (int p = 0; p < 3; p++) {
                expected[j] += a2[2][p] * a1[p][j];
            }
        }
        double[] rollout = AttentionRollout.lastRow(map);
        assertThat(rollout).containsExactly(expected, within(1e-6));
        assertThat(rollout[0] + rollout[1] + rollout[2]).isCloseTo(1, within(1e-6));
    }

    @Test
    void headsAreAveragedBeforeRolling() {
        float[][] h1 = {{1, 0}, {1, 0}};
        float[][] h2 = {{1, 0}, {0, 1}};
        AttentionMap map = new AttentionMap(List.of("a", "b"), new float[][][][] {{h1, h2}});
        // Mean attention of the last row: (0.5, 0.5); mixed with the identity: (0.25, 0.75).
        assertThat(AttentionRollout.lastRow(map)).containsExactly(new double[] {0.25, 0.75}, within(1e-9));
    }

    private static double[][] mixed(float[][] w) {
        double[][] m = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                m[i][j] = 0.5 * w[i][j] + (i == j ? 0.5 : 0);
            }
        }
        return m;
    }
}

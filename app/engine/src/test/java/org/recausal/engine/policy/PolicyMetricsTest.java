package org.recausal.engine.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PolicyMetricsTest {

    @Test
    void giniOfKnownDistributions() {
        double[] present = {1, 1, 1, 1};
        assertThat(PolicyMetrics.gini(new double[] {3, 3, 3, 3}, present)).isCloseTo(0, within(1e-12));
        // One item has everything: (n - 1) / n.
        assertThat(PolicyMetrics.gini(new double[] {0, 0, 0, 8}, present)).isCloseTo(0.75, within(1e-12));
        // Mean absolute difference over all ordered pairs / (2 * mean), by brute force.
        double[] counts = {1, 2, 4, 9};
        double sum = 0;
        for (double a : counts) {
            for (double b : counts) {
                sum += Math.abs(a - b);
            }
        }
        double brute = sum / (2 * counts.length * counts.length * (16 / 4.0));
        assertThat(PolicyMetrics.gini(counts, present)).isCloseTo(brute, within(1e-12));
        // Items absent from a bootstrap replicate are not part of its catalogue.
        assertThat(PolicyMetrics.gini(new double[] {3, 0, 3}, new double[] {1, 0, 1})).isCloseTo(0, within(1e-12));
    }

    @Test
    void coverageIsTheExpectedShareOfItemsShownAtLeastOnce() {
        // Item 0: two rows shown with probability 0.5 each; item 1: one row never shown.
        double[] logNeverShown = {2 * Math.log(0.5), 0};
        assertThat(PolicyMetrics.coverage(logNeverShown, new double[] {2, 1})).isCloseTo(0.375, within(1e-12));
    }
}

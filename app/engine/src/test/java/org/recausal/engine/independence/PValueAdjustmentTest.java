package org.recausal.engine.independence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PValueAdjustmentTest {

    /** Expected values: statsmodels 0.13.5 multipletests(p, method="holm" / "fdr_bh"), same as R's p.adjust. */
    private static final double[] P = {0.01, 0.04, 0.03, 0.005, 0.5, 0.04, 0.0};

    @Test
    void holmMatchesStatsmodels() {
        assertThat(PValueAdjustment.holm(P)).containsExactly(new double[] {0.05, 0.12, 0.12, 0.03, 0.5, 0.12, 0.0},
                within(1e-15));
    }

    @Test
    void benjaminiHochbergMatchesStatsmodels() {
        assertThat(PValueAdjustment.benjaminiHochberg(P)).containsExactly(new double[] {0.023333333333333334,
            0.04666666666666667, 0.04666666666666667, 0.0175, 0.5, 0.04666666666666667, 0.0}, within(1e-15));
    }

    @Test
    void adjustedValuesNeverFallBelowTheRawOnesAndKeepTheirOrder() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(5);
        double[] p = new double[200];
        for (int i = 0; i < p.length; i++) {
            p[i] = Math.pow(random.nextDouble(), 3);
        }
        double[] holm = PValueAdjustment.holm(p);
        double[] bh = PValueAdjustment.benjaminiHochberg(p);
        for (int i = 0; i < p.length; i++) {
            assertThat(holm[i]).isBetween(p[i], 1.0).isGreaterThanOrEqualTo(bh[i]);
            assertThat(bh[i]).isBetween(p[i], 1.0);
            for (int j = 0; j < p.length; j++) {
                if (p[i] < p[j]) {
                    assertThat(holm[i]).isLessThanOrEqualTo(holm[j]);
                    assertThat(bh[i]).isLessThanOrEqualTo(bh[j]);
                }
            }
        }
        assertThat(PValueAdjustment.holm(new double[0])).isEmpty();
    }

    @Test
    void refusesWhatIsNotAPValue() {
        assertThatThrownBy(() -> PValueAdjustment.holm(new double[] {0.2, Double.NaN}))
                .hasMessage("a p-value must lie in [0, 1], not NaN");
    }
}

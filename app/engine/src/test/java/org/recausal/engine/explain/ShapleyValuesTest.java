package org.recausal.engine.explain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.recausal.engine.task.CancellationToken;

/** Shapley values against games whose values are known in closed form. */
class ShapleyValuesTest {
    private static final double[] WEIGHTS = {0.5, -1.0, 2.0, 0.25, 1.5, -0.75, 3.0};

    /** v(S) = (sum of the members' weights)^2: phi_i = w_i * W (W the total weight), by symmetry of the cross terms. */
    private static final ShapleyValues.Game SQUARED_SUM = coalitions -> coalitions.stream().mapToDouble(s -> {
        double sum = s.stream().mapToDouble(i -> WEIGHTS[i]).sum();
        return sum * sum;
    }).toArray();

    private static double total() {
        double w = 0;
        for (double x : WEIGHTS) {
            w += x;
        }
        return w;
    }

    @Test
    void exactValuesMatchTheClosedForm() {
        ShapleyValues.Result r = ShapleyValues.exact(WEIGHTS.length, SQUARED_SUM);
        for (int i = 0; i < WEIGHTS.length; i++) {
            assertThat(r.values()[i]).isCloseTo(WEIGHTS[i] * total(), within(1e-9));
            assertThat(r.standardErrors()[i]).isZero();
        }
        assertThat(r.evaluations()).isEqualTo(1 << WEIGHTS.length);
        assertThat(r.exact()).isTrue();
    }

    @Test
    void exactValuesOfAGloveGameMatchTheTextbook() {
        // Glove game: player 0 holds a left glove, players 1 and 2 right gloves; a pair is worth 1.
        // Known values: 2/3 for the left glove, 1/6 for each right glove.
        ShapleyValues.Result r = ShapleyValues.exact(3, coalitions -> coalitions.stream()
                .mapToDouble(s -> s.get(0) && (s.get(1) || s.get(2)) ? 1 : 0).toArray());
        assertThat(r.values()).containsExactly(new double[] {2.0 / 3, 1.0 / 6, 1.0 / 6}, within(1e-12));
    }

    @Test
    void antitheticPairsAreExactForAQuadraticGame() {
        // A permutation and its reverse see complementary predecessors, so their mean contribution to a
        // quadratic game is w_i * W whatever the permutation: zero error from any number of pairs.
        ShapleyValues.Result r = ShapleyValues.sampled(WEIGHTS.length, SQUARED_SUM, 3, 3, CancellationToken.none());
        for (int i = 0; i < WEIGHTS.length; i++) {
            assertThat(r.values()[i]).isCloseTo(WEIGHTS[i] * total(), within(1e-9));
            assertThat(r.standardErrors()[i]).isCloseTo(0, within(1e-9));
        }
    }

    /** v(S) = (sum of weights)^3, whose sampled estimate has a real error; the exact method is the truth. */
    private static final ShapleyValues.Game CUBED_SUM = coalitions -> coalitions.stream().mapToDouble(s -> {
        double sum = s.stream().mapToDouble(i -> WEIGHTS[i]).sum();
        return sum * sum * sum;
    }).toArray();

    @Test
    void sampledValuesAreEfficientAndNearTheTruthWithinTheirErrors() {
        double[] truth = ShapleyValues.exact(WEIGHTS.length, CUBED_SUM).values();
        ShapleyValues.Result r = ShapleyValues.sampled(WEIGHTS.length, CUBED_SUM, 200, 3, CancellationToken.none());
        double sum = 0;
        int within3 = 0;
        for (int i = 0; i < WEIGHTS.length; i++) {
            sum += r.values()[i];
            assertThat(r.standardErrors()[i]).isPositive();
            if (Math.abs(r.values()[i] - truth[i]) <= 3 * r.standardErrors()[i]) {
                within3++;
            }
        }
        assertThat(sum).isCloseTo(r.full() - r.empty(), within(1e-9));
        assertThat(r.full()).isCloseTo(Math.pow(total(), 3), within(1e-9));
        assertThat(within3).isGreaterThanOrEqualTo(WEIGHTS.length - 1);
        assertThat(r.permutations()).isEqualTo(400);
        assertThat(r.exact()).isFalse();
    }

    @Test
    void sampledErrorsShrinkWithMorePermutations() {
        double[] truth = ShapleyValues.exact(WEIGHTS.length, CUBED_SUM).values();
        ShapleyValues.Result few = ShapleyValues.sampled(WEIGHTS.length, CUBED_SUM, 20, 5, CancellationToken.none());
        ShapleyValues.Result many = ShapleyValues.sampled(WEIGHTS.length, CUBED_SUM, 2000, 5, CancellationToken.none());
        double errorFew = 0;
        double errorMany = 0;
        for (int i = 0; i < WEIGHTS.length; i++) {
            errorFew += Math.abs(few.values()[i] - truth[i]);
            errorMany += Math.abs(many.values()[i] - truth[i]);
            assertThat(many.standardErrors()[i]).isLessThan(few.standardErrors()[i]);
        }
        assertThat(errorMany).isLessThan(errorFew);
    }

    @Test
    void sameSeedSameEstimate() {
        ShapleyValues.Result a = ShapleyValues.sampled(WEIGHTS.length, CUBED_SUM, 10, 9, CancellationToken.none());
        ShapleyValues.Result b = ShapleyValues.sampled(WEIGHTS.length, CUBED_SUM, 10, 9, CancellationToken.none());
        assertThat(a.values()).containsExactly(b.values());
    }

    @Test
    void aGameWithOnePlayerGivesItEverything() {
        ShapleyValues.Game game = coalitions -> coalitions.stream().mapToDouble(s -> s.get(0) ? 5 : 2).toArray();
        assertThat(ShapleyValues.exact(1, game).values()).containsExactly(3.0);
        assertThat(ShapleyValues.sampled(1, game, 2, 1, CancellationToken.none()).values()).containsExactly(3.0);
    }
}

package org.recausal.engine.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class PortableMathTest {

    private static double ulps(double actual, double expected) {
        return Math.abs(actual - expected) / Math.ulp(expected);
    }

    @Test
    void expIsWithinTwoUnitsInTheLastPlaceOfStrictMath() {
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < 200_000; i++) {
            double x = (random.nextDouble() - 0.5) * (i % 2 == 0 ? 60 : 1400);
            assertThat(ulps(PortableMath.exp(x), StrictMath.exp(x))).as("exp(%s)", x).isLessThanOrEqualTo(2);
        }
        assertThat(PortableMath.exp(0)).isEqualTo(1);
        assertThat(PortableMath.exp(1000)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(PortableMath.exp(-1000)).isZero();
        assertThat(PortableMath.exp(Double.NaN)).isNaN();
    }

    @Test
    void logIsWithinTwoUnitsInTheLastPlaceOfStrictMath() {
        SplittableRandom random = new SplittableRandom(2);
        for (int i = 0; i < 200_000; i++) {
            double x = StrictMath.exp((random.nextDouble() - 0.5) * 1400);
            assertThat(ulps(PortableMath.log(x), StrictMath.log(x))).as("log(%s)", x).isLessThanOrEqualTo(2);
            double near = 1 + (random.nextDouble() - 0.5) * 1e-3;
            assertThat(Math.abs(PortableMath.log(near) - StrictMath.log(near))).isLessThan(1e-18);
        }
        assertThat(PortableMath.log(1)).isZero();
        assertThat(PortableMath.log(Double.MIN_VALUE)).isEqualTo(StrictMath.log(Double.MIN_VALUE));
        assertThat(PortableMath.log(0)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(PortableMath.log(-1)).isNaN();
        assertThat(PortableMath.log(Double.POSITIVE_INFINITY)).isEqualTo(Double.POSITIVE_INFINITY);
    }

    @Test
    void sigmoidStaysInRangeAtTheExtremes() {
        assertThat(PortableMath.sigmoid(0)).isEqualTo(0.5);
        assertThat(PortableMath.sigmoid(800)).isEqualTo(1);
        assertThat(PortableMath.sigmoid(-800)).isZero();
        assertThat(PortableMath.sigmoid(-3) + PortableMath.sigmoid(3)).isEqualTo(1.0, org.assertj.core.api.Assertions.within(3e-16));
    }
}

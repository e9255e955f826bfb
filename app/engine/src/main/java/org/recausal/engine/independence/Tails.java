package org.recausal.engine.independence;

import org.apache.commons.math3.special.Erf;
import org.apache.commons.math3.special.Gamma;

/**
 * Upper tail probabilities, computed directly rather than as 1 - cdf so that tiny p-values keep their digits.
 * Commons Math's regularized gamma Q and erfc agree with scipy to about 1e-15.
 */
final class Tails {

    private Tails() {
    }

    /** P(chi-square with df degrees of freedom >= x). */
    static double chiSquare(double x, double df) {
        if (df <= 0) {
            throw new IllegalArgumentException("degrees of freedom must be positive, not " + df);
        }
        return x <= 0 ? 1 : Gamma.regularizedGammaQ(df / 2, x / 2);
    }

    /** P(|N(0,1)| >= |z|). */
    static double normalTwoSided(double z) {
        return Erf.erfc(Math.abs(z) / Math.sqrt(2));
    }
}

package org.recausal.engine.scm;

import java.util.random.RandomGenerator;

/** The distribution of an additive noise term: one random value per draw. */
public sealed interface NoiseDistribution {

    double draw(RandomGenerator random);

    String description();

    /** Noise resampled from residuals of the fitted model: keeps skew, heavy tails and bumps. */
    record Empirical(double[] residuals) implements NoiseDistribution {
        public Empirical {
            if (residuals.length == 0) {
                throw new IllegalArgumentException("empirical noise needs at least one residual");
            }
        }

        @Override
        public double draw(RandomGenerator random) {
            return residuals[random.nextInt(residuals.length)];
        }

        @Override
        public String description() {
            return "empirical noise";
        }
    }

    /** Normal noise with mean 0. */
    record Gaussian(double standardDeviation) implements NoiseDistribution {
        public Gaussian {
            if (!(standardDeviation >= 0) || Double.isInfinite(standardDeviation)) {
                throw new IllegalArgumentException("a standard deviation must be finite and >= 0, not "
                        + standardDeviation);
            }
        }

        @Override
        public double draw(RandomGenerator random) {
            return standardDeviation * random.nextGaussian();
        }

        @Override
        public String description() {
            return "normal noise (sd " + (float) standardDeviation + ")";
        }
    }
}

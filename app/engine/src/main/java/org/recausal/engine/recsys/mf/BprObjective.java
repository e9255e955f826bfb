package org.recausal.engine.recsys.mf;

/**
 * Bayesian personalised ranking (Rendle et al. 2009) of a {@link FactorModel} on triples (user, consumed item i,
 * unconsumed item j): {@code mean over triples of -ln sigmoid(x_ui - x_uj) + lambda (|p_u|^2 + |q_i|^2 + |q_j|^2
 * + b_i^2 + b_j^2)}, with {@code x_ui = p_u . q_i + b_i}. Each triple may carry a weight (an inverse propensity
 * of the consumed item, for IPS-weighted BPR); the weights should average 1.
 */
public final class BprObjective implements Objective {
    private final FactorModel layout;
    private final int[] users;
    private final int[] positives;
    private final int[] negatives;
    private final float[] weights;
    private final int count;
    private final double lambda;

    public BprObjective(FactorModel layout, int[] users, int[] positives, int[] negatives, float[] weights, int count,
            double lambda) {
        this.layout = layout;
        this.users = users;
        this.positives = positives;
        this.negatives = negatives;
        this.weights = weights;
        this.count = count;
        this.lambda = lambda;
    }

    @Override
    public double lossAndGradient(float[] p, float[] grad) {
        int k = layout.factors();
        double loss = 0;
        float reg = (float) (2 * lambda / count);
        for (int t = 0; t < count; t++) {
            int pu = layout.userFactor(users[t]);
            int qi = layout.itemFactor(positives[t]);
            int qj = layout.itemFactor(negatives[t]);
            int bi = layout.itemBias(positives[t]);
            int bj = layout.itemBias(negatives[t]);
            double x = p[bi] - p[bj];
            double norms = p[bi] * p[bi] + p[bj] * p[bj];
            for (int f = 0; f < k; f++) {
                x += p[pu + f] * (p[qi + f] - p[qj + f]);
                norms += p[pu + f] * p[pu + f] + p[qi + f] * p[qi + f] + p[qj + f] * p[qj + f];
            }
            double w = weights == null ? 1 : weights[t];
            // -ln sigmoid(x) = ln(1 + e^-x), computed without overflow for large |x|.
            loss += w * (x > 0 ? Math.log1p(Math.exp(-x)) : -x + Math.log1p(Math.exp(x))) + lambda * norms;
            float g = (float) (-w / (1 + Math.exp(x)) / count);
            grad[bi] += g + reg * p[bi];
            grad[bj] += -g + reg * p[bj];
            for (int f = 0; f < k; f++) {
                float u = p[pu + f];
                float i = p[qi + f];
                float j = p[qj + f];
                grad[pu + f] += g * (i - j) + reg * u;
                grad[qi + f] += g * u + reg * i;
                grad[qj + f] += -g * u + reg * j;
            }
        }
        return loss / count;
    }
}

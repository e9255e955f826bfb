package org.recausal.engine.recsys.mf;

/**
 * Weighted squared error of a {@link FactorModel} on observed ratings plus L2 regularisation:
 * {@code sum_r w_r (yhat_r - y_r)^2 + (lambda / n) (|b_u|^2 + |b_i|^2 + |P|^2 + |Q|^2)}.
 * With {@code w_r = 1/n} it is the naive MSE; with {@code w_r = 1 / (p_r U I)} the IPS estimate of the MSE over
 * the whole matrix (Schnabel et al. 2016, eq. 11); with {@code w_r = (1/p_r) / sum(1/p)} the self-normalised one.
 */
public final class RatingObjective implements Objective {
    private final FactorModel layout;
    private final int[] users;
    private final int[] items;
    private final float[] ratings;
    private final double[] weights;
    private final double lambda;

    public RatingObjective(FactorModel layout, int[] users, int[] items, float[] ratings, double[] weights, double lambda) {
        this.layout = layout;
        this.users = users;
        this.items = items;
        this.ratings = ratings;
        this.weights = weights;
        this.lambda = lambda;
    }

    @Override
    public double lossAndGradient(float[] p, float[] grad) {
        int k = layout.factors();
        double loss = 0;
        for (int r = 0; r < users.length; r++) {
            int bu = layout.userBias(users[r]);
            int bi = layout.itemBias(items[r]);
            int pu = layout.userFactor(users[r]);
            int qi = layout.itemFactor(items[r]);
            double prediction = p[0] + p[bu] + p[bi];
            for (int f = 0; f < k; f++) {
                prediction += p[pu + f] * p[qi + f];
            }
            double e = prediction - ratings[r];
            loss += weights[r] * e * e;
            float g = (float) (2 * weights[r] * e);
            grad[0] += g;
            grad[bu] += g;
            grad[bi] += g;
            for (int f = 0; f < k; f++) {
                float pf = p[pu + f];
                grad[pu + f] += g * p[qi + f];
                grad[qi + f] += g * pf;
            }
        }
        double scale = lambda / users.length;
        for (int j = 1; j < p.length; j++) {
            loss += scale * p[j] * p[j];
            grad[j] += (float) (2 * scale * p[j]);
        }
        return loss;
    }
}

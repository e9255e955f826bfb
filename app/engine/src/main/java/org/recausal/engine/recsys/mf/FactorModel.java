package org.recausal.engine.recsys.mf;

import org.recausal.engine.recsys.Recommender;

/**
 * A matrix factorisation: prediction {@code mu + b_u + b_i + p_u . q_i}. Parameters live in one flat array
 * {@code [mu, b_u (users), b_i (items), p (users x k), q (items x k)]} that the objectives, Adam and the
 * model file all use. As a {@link Recommender} its user vector is {@code [p_u, 1]} and its item vector
 * {@code [q_i, b_i]}, which ranks items for a user exactly as the prediction does.
 */
public final class FactorModel implements Recommender {
    private final int users;
    private final int items;
    private final int factors;
    private final float[] params;
    private float[] itemVectors;

    public FactorModel(int users, int items, int factors) {
        this(users, items, factors, new float[1 + users + items + (users + items) * factors]);
    }

    public FactorModel(int users, int items, int factors, float[] params) {
        if (params.length != 1 + users + items + (long) (users + items) * factors) {
            throw new IllegalArgumentException("a factor model of " + users + " users, " + items + " items and "
                    + factors + " factors has " + (1 + users + items + (long) (users + items) * factors)
                    + " parameters, not " + params.length);
        }
        this.users = users;
        this.items = items;
        this.factors = factors;
        this.params = params;
    }

    public int factors() {
        return factors;
    }

    /** The flat parameter array (see the class comment); changing it changes the model. */
    public float[] params() {
        itemVectors = null;
        return params;
    }

    int userBias(int u) {
        return 1 + u;
    }

    int itemBias(int i) {
        return 1 + users + i;
    }

    int userFactor(int u) {
        return 1 + users + items + u * factors;
    }

    int itemFactor(int i) {
        return 1 + users + items + users * factors + i * factors;
    }

    public double predict(int user, int item) {
        float[] p = params;
        int pu = userFactor(user);
        int qi = itemFactor(item);
        double dot = 0;
        for (int f = 0; f < factors; f++) {
            dot += p[pu + f] * p[qi + f];
        }
        return p[0] + p[userBias(user)] + p[itemBias(item)] + dot;
    }

    @Override
    public int itemCount() {
        return items;
    }

    @Override
    public int userCount() {
        return users;
    }

    @Override
    public int dimension() {
        return factors + 1;
    }

    @Override
    public float[] itemVectors() {
        float[] vectors = itemVectors;
        if (vectors == null) {
            vectors = new float[items * (factors + 1)];
            for (int i = 0; i < items; i++) {
                System.arraycopy(params, itemFactor(i), vectors, i * (factors + 1), factors);
                vectors[i * (factors + 1) + factors] = params[itemBias(i)];
            }
            itemVectors = vectors;
        }
        return vectors;
    }

    @Override
    public void encode(int[] userList, int[][] histories, float[] out) {
        for (int k = 0; k < userList.length; k++) {
            System.arraycopy(params, userFactor(userList[k]), out, k * (factors + 1), factors);
            out[k * (factors + 1) + factors] = 1f;
        }
    }
}

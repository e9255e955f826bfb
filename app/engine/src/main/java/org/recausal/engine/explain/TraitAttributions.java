package org.recausal.engine.explain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.recausal.engine.recsys.features.FeatureEncoding;
import org.recausal.engine.recsys.features.SideFeatures;
import org.recausal.engine.recsys.sasrec.SasRecModel;

/**
 * Shapley values of the trait part of a score over the variables the model reads besides the history. The value of
 * a coalition is interventional: the absent variables are drawn from their training marginal (a random user's or
 * item's values), independent of the present ones. The trait part {@code a . x_u + w . x_i + x_u^T B x_i} is linear
 * in each variable's encoding with no product of two user (or two item) variables, so that expectation is the
 * trait part with the absent variables at their mean encodings, and the values have a closed form: each variable's
 * main effect (itself moved from its mean to its value, the others at their means) plus half of each user-item
 * interaction it takes part in. They sum to {@code T(x) - T(mean)} exactly.
 */
final class TraitAttributions {

    /**
     * @param values   one per variable, users' first (the order of {@link SideFeatures#variables()})
     * @param full     the trait part at the user's and the item's values
     * @param baseline the trait part at the mean encodings
     */
    record Result(double[] values, double full, double baseline) {
    }

    private final SasRecModel model;
    private final SideFeatures features;
    private final double[] user;
    private final double[] item;
    private final double[] userMean;
    private final double[] itemMean;

    TraitAttributions(SasRecModel model, int u, int i) {
        this.model = model;
        this.features = model.features();
        this.user = features.userRow(u);
        this.item = features.itemRow(i);
        this.userMean = features.userMean();
        this.itemMean = features.itemMean();
    }

    /** The trait part with the variables in {@code present} at the user's and item's values, the others at their means. */
    double coalition(boolean[] present) {
        double[] xu = userMean.clone();
        double[] xi = itemMean.clone();
        List<FeatureEncoding> variables = features.variables();
        int userVariables = features.userEncodings().size();
        int userAt = 0;
        int itemAt = 0;
        for (int v = 0; v < variables.size(); v++) {
            int width = variables.get(v).width();
            if (v < userVariables) {
                if (present[v]) {
                    System.arraycopy(user, userAt, xu, userAt, width);
                }
                userAt += width;
            } else {
                if (present[v]) {
                    System.arraycopy(item, itemAt, xi, itemAt, width);
                }
                itemAt += width;
            }
        }
        return model.traitScore(xu, xi);
    }

    /** The closed form: main effects plus halved user-item interactions (second differences of the coalitions). */
    Result values() {
        int n = features.variables().size();
        int users = features.userEncodings().size();
        double none = coalition(new boolean[n]);
        double[] main = new double[n];
        for (int v = 0; v < n; v++) {
            main[v] = coalition(only(n, v, -1)) - none;
        }
        double[] values = main.clone();
        for (int u = 0; u < users; u++) {
            for (int i = users; i < n; i++) {
                double interaction = coalition(only(n, u, i)) - none - main[u] - main[i];
                values[u] += interaction / 2;
                values[i] += interaction / 2;
            }
        }
        boolean[] all = new boolean[n];
        Arrays.fill(all, true);
        return new Result(values, coalition(all), none);
    }

    private static boolean[] only(int n, int a, int b) {
        boolean[] present = new boolean[n];
        present[a] = true;
        if (b >= 0) {
            present[b] = true;
        }
        return present;
    }

    /** The variables as players, with the user's or item's observed value. */
    List<Attribution> attributions(Result result, int u, int i) {
        List<Attribution> list = new ArrayList<>();
        int users = features.userEncodings().size();
        List<FeatureEncoding> variables = features.variables();
        for (int v = 0; v < variables.size(); v++) {
            boolean isUser = v < users;
            String observed = isUser ? features.userValue(u, v) : features.itemValue(i, v - users);
            list.add(Attribution.variable(variables.get(v).name(), isUser ? Attribution.USER : Attribution.ITEM,
                    observed, result.values()[v]));
        }
        return list;
    }
}

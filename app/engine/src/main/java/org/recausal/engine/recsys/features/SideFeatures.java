package org.recausal.engine.recsys.features;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.recausal.engine.recsys.RecsysException;

/**
 * The users' and items' traits a recommender reads besides the history, and the arithmetic of its wide part
 * {@code a . x_u + w . x_i + x_u^T B x_i}, where {@code x_u} and {@code x_i} are the encoded traits
 * ({@link FeatureEncoding}) and the weights sit in a flat array at some offset: {@code a} [user width], then
 * {@code w} [item width], then {@code B} [user width x item width], row-major. Holds every known user's and item's
 * observed values (the model file keeps those; the encoded rows follow from them exactly) and the mean encoded rows,
 * the traits' baseline.
 */
public final class SideFeatures {
    private final List<FeatureEncoding> userEncodings;
    private final List<FeatureEncoding> itemEncodings;
    private final int users;
    private final int items;
    private final double[] userObserved;
    private final double[] itemObserved;
    private final int userWidth;
    private final int itemWidth;
    private final float[] userRows;
    private final float[] itemRows;
    private final double[] userMean;
    private final double[] itemMean;

    /**
     * @param userObserved [users x user variables], row-major: each user's observed values
     * @param itemObserved [items x item variables]
     * @throws RecsysException when the sizes disagree, a name repeats or a value does not fit its encoding
     */
    public SideFeatures(List<FeatureEncoding> userEncodings, List<FeatureEncoding> itemEncodings, int users, int items,
            double[] userObserved, double[] itemObserved) {
        this.userEncodings = List.copyOf(userEncodings);
        this.itemEncodings = List.copyOf(itemEncodings);
        this.users = users;
        this.items = items;
        this.userObserved = userObserved.clone();
        this.itemObserved = itemObserved.clone();
        if (userEncodings.isEmpty() && itemEncodings.isEmpty()) {
            throw new RecsysException("side features need at least one user or item trait");
        }
        Set<String> names = new HashSet<>();
        for (FeatureEncoding e : variables()) {
            if (!names.add(e.name())) {
                throw new RecsysException("the trait '" + e.name() + "' is listed twice");
            }
        }
        check(this.userEncodings, FeatureEncoding.Side.USER, users, this.userObserved);
        check(this.itemEncodings, FeatureEncoding.Side.ITEM, items, this.itemObserved);
        userWidth = width(this.userEncodings);
        itemWidth = width(this.itemEncodings);
        userRows = encode(this.userEncodings, users, this.userObserved, userWidth);
        itemRows = encode(this.itemEncodings, items, this.itemObserved, itemWidth);
        userMean = mean(userRows, users, userWidth);
        itemMean = mean(itemRows, items, itemWidth);
    }

    private static void check(List<FeatureEncoding> encodings, FeatureEncoding.Side side, int count, double[] observed) {
        if (observed.length != (long) count * encodings.size()) {
            throw new RecsysException("the " + side.name().toLowerCase(java.util.Locale.ROOT) + " traits hold "
                    + observed.length + " values, expected " + count + " x " + encodings.size());
        }
        for (int v = 0; v < encodings.size(); v++) {
            FeatureEncoding e = encodings.get(v);
            if (e.side() != side) {
                throw new RecsysException("'" + e.name() + "' is listed with the " + side + " traits but encoded as an "
                        + e.side() + " trait");
            }
            for (int r = 0; r < count; r++) {
                double x = observed[r * encodings.size() + v];
                if (!e.accepts(x)) {
                    throw new RecsysException("'" + e.name() + "' of " + side.name().toLowerCase(java.util.Locale.ROOT)
                            + " " + r + " holds " + x + ", which its encoding cannot hold");
                }
            }
        }
    }

    private static int width(List<FeatureEncoding> encodings) {
        return encodings.stream().mapToInt(FeatureEncoding::width).sum();
    }

    private static float[] encode(List<FeatureEncoding> encodings, int count, double[] observed, int width) {
        float[] rows = new float[count * width];
        for (int r = 0; r < count; r++) {
            int at = r * width;
            for (int v = 0; v < encodings.size(); v++) {
                encodings.get(v).encode(observed[r * encodings.size() + v], rows, at);
                at += encodings.get(v).width();
            }
        }
        return rows;
    }

    private static double[] mean(float[] rows, int count, int width) {
        double[] mean = new double[width];
        for (int r = 0; r < count; r++) {
            for (int j = 0; j < width; j++) {
                mean[j] += rows[r * width + j];
            }
        }
        for (int j = 0; j < width; j++) {
            mean[j] /= Math.max(1, count);
        }
        return mean;
    }

    public List<FeatureEncoding> userEncodings() {
        return userEncodings;
    }

    public List<FeatureEncoding> itemEncodings() {
        return itemEncodings;
    }

    /** The user variables then the item variables: the order of the players and of the observed values. */
    public List<FeatureEncoding> variables() {
        List<FeatureEncoding> all = new ArrayList<>(userEncodings);
        all.addAll(itemEncodings);
        return all;
    }

    public int users() {
        return users;
    }

    public int items() {
        return items;
    }

    public int userWidth() {
        return userWidth;
    }

    public int itemWidth() {
        return itemWidth;
    }

    /** Weights of the wide part: {@code a}, {@code w} and {@code B}. */
    public int weightCount() {
        return userWidth + itemWidth + userWidth * itemWidth;
    }

    /** User {@code u}'s observed values, in the order of {@link #userEncodings}; the caller must not change them. */
    public double[] userObserved() {
        return userObserved;
    }

    public double[] itemObserved() {
        return itemObserved;
    }

    /** User {@code u}'s observed value of its {@code v}-th variable, as the data show it (null when missing). */
    public String userValue(int u, int v) {
        return userEncodings.get(v).display(userObserved[u * userEncodings.size() + v]);
    }

    public String itemValue(int i, int v) {
        return itemEncodings.get(v).display(itemObserved[i * itemEncodings.size() + v]);
    }

    /** User {@code u}'s encoded row. */
    public double[] userRow(int u) {
        return row(userRows, u, userWidth);
    }

    public double[] itemRow(int i) {
        return row(itemRows, i, itemWidth);
    }

    private static double[] row(float[] rows, int r, int width) {
        double[] row = new double[width];
        for (int j = 0; j < width; j++) {
            row[j] = rows[r * width + j];
        }
        return row;
    }

    /** The mean encoded user row over all users: the traits' value when the user's are unknown. */
    public double[] userMean() {
        return userMean.clone();
    }

    public double[] itemMean() {
        return itemMean.clone();
    }

    /** The wide part's logit for user {@code u} and item {@code i}, in float as training computes it. */
    public float logit(int u, int i, float[] w, int at) {
        int xu = u * userWidth;
        int xi = i * itemWidth;
        int itemWeights = at + userWidth;
        int bilinear = itemWeights + itemWidth;
        float s = 0f;
        for (int p = 0; p < userWidth; p++) {
            float x = userRows[xu + p];
            if (x == 0f) {
                continue;
            }
            float row = w[at + p];
            for (int q = 0; q < itemWidth; q++) {
                row += w[bilinear + p * itemWidth + q] * itemRows[xi + q];
            }
            s += x * row;
        }
        for (int q = 0; q < itemWidth; q++) {
            s += w[itemWeights + q] * itemRows[xi + q];
        }
        return s;
    }

    /** Adds {@code dLogit} times the gradient of {@link #logit} with respect to the weights into {@code g} at {@code at}. */
    public void addGradient(int u, int i, float dLogit, float[] g, int at) {
        int xu = u * userWidth;
        int xi = i * itemWidth;
        int itemWeights = at + userWidth;
        int bilinear = itemWeights + itemWidth;
        for (int p = 0; p < userWidth; p++) {
            float x = userRows[xu + p];
            if (x == 0f) {
                continue;
            }
            g[at + p] += dLogit * x;
            for (int q = 0; q < itemWidth; q++) {
                g[bilinear + p * itemWidth + q] += dLogit * x * itemRows[xi + q];
            }
        }
        for (int q = 0; q < itemWidth; q++) {
            g[itemWeights + q] += dLogit * itemRows[xi + q];
        }
    }

    /** Extra columns of the user and item vectors that carry the wide part through a dot product. */
    public int tailWidth() {
        return 2 + itemWidth;
    }

    /**
     * User {@code u}'s tail {@code [a . x_u, 1, B^T x_u]}: dotted with an item's tail {@code [1, w . x_i, x_i]}
     * ({@link #itemTail}) it gives the wide logit, so one matrix product scores the whole model.
     */
    public void userTail(int u, float[] w, int at, float[] out, int offset) {
        int xu = u * userWidth;
        int bilinear = at + userWidth + itemWidth;
        float user = 0f;
        for (int p = 0; p < userWidth; p++) {
            user += w[at + p] * userRows[xu + p];
        }
        out[offset] = user;
        out[offset + 1] = 1f;
        for (int q = 0; q < itemWidth; q++) {
            float s = 0f;
            for (int p = 0; p < userWidth; p++) {
                s += userRows[xu + p] * w[bilinear + p * itemWidth + q];
            }
            out[offset + 2 + q] = s;
        }
    }

    /** Item {@code i}'s tail {@code [1, w . x_i, x_i]}; see {@link #userTail}. */
    public void itemTail(int i, float[] w, int at, float[] out, int offset) {
        int xi = i * itemWidth;
        float item = 0f;
        for (int q = 0; q < itemWidth; q++) {
            item += w[at + userWidth + q] * itemRows[xi + q];
        }
        out[offset] = 1f;
        out[offset + 1] = item;
        System.arraycopy(itemRows, xi, out, offset + 2, itemWidth);
    }

    /** The wide part at any encoded rows, in double: what the traits add to the score. */
    public double value(double[] userRow, double[] itemRow, float[] w, int at) {
        int bilinear = at + userWidth + itemWidth;
        double s = 0;
        for (int p = 0; p < userWidth; p++) {
            double row = w[at + p];
            for (int q = 0; q < itemWidth; q++) {
                row += w[bilinear + p * itemWidth + q] * itemRow[q];
            }
            s += userRow[p] * row;
        }
        for (int q = 0; q < itemWidth; q++) {
            s += w[at + userWidth + q] * itemRow[q];
        }
        return s;
    }
}

package org.recausal.engine.model;

import java.util.Arrays;

/** Goodness of fit: R², log-loss and the area under the ROC curve. */
public final class Metrics {

    private Metrics() {
    }

    /** 1 - SSE / SST over rows [0, y.length); NaN when y does not vary. */
    public static double rSquared(double[] y, double[] predicted) {
        double mean = 0;
        for (double v : y) {
            mean += v;
        }
        mean /= y.length;
        double sse = 0;
        double sst = 0;
        for (int i = 0; i < y.length; i++) {
            double r = y[i] - predicted[i];
            sse += r * r;
            double d = y[i] - mean;
            sst += d * d;
        }
        return sst == 0 ? Double.NaN : 1 - sse / sst;
    }

    /** Mean of -log P(observed level); probabilities are floored at 1e-15 so one miss is costly but finite. */
    public static double logLoss(double[] levels, double[][] probabilities) {
        double sum = 0;
        for (int i = 0; i < levels.length; i++) {
            sum -= Math.log(Math.max(probabilities[i][(int) levels[i]], 1e-15));
        }
        return sum / levels.length;
    }

    /**
     * The probability that a random positive row scores above a random negative one, ties counting half
     * (the Mann-Whitney statistic); NaN when one class is absent.
     */
    public static double auc(double[] labels, double[] scores) {
        int positives = 0;
        for (double label : labels) {
            positives += label == 1 ? 1 : 0;
        }
        int negatives = labels.length - positives;
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        double[] positive = new double[positives];
        double[] negative = new double[negatives];
        int p = 0;
        int q = 0;
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] == 1) {
                positive[p++] = scores[i];
            } else {
                negative[q++] = scores[i];
            }
        }
        Arrays.sort(positive);
        Arrays.sort(negative);
        double wins = 0;
        int below = 0;
        int notAbove = 0;
        for (double score : positive) {
            while (below < negatives && negative[below] < score) {
                below++;
            }
            notAbove = Math.max(notAbove, below);
            while (notAbove < negatives && negative[notAbove] == score) {
                notAbove++;
            }
            wins += below + 0.5 * (notAbove - below);
        }
        return wins / ((double) positives * negatives);
    }
}

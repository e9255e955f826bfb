package org.recausal.engine.recsys.sasrec;

import org.recausal.engine.recsys.features.SideFeatures;

/**
 * The side features' share of a training chunk's logits: each target's and negative's logit gains the wide part
 * {@code a . x_u + w . x_i + x_u^T B x_i} of its sequence's user, and the binary cross-entropy's gradient flows into
 * the wide weights. The transformer's own logits and gradients are untouched.
 */
final class WideLogits {
    private final SideFeatures features;
    private final int at;

    /** @param at where the wide weights start in the flat weights */
    WideLogits(SideFeatures features, int at) {
        this.features = features;
        this.at = at;
    }

    /** Adds the wide part to the chunk's positive and negative logits. */
    void addLogits(SasRecNetwork.Chunk c, float[] w) {
        for (int s = 0; s < c.sequences; s++) {
            int u = c.user[s];
            for (int t = c.start[s]; t < c.start[s + 1]; t++) {
                c.positiveLogit[t] += features.logit(u, c.positive[t], w, at);
                c.negativeLogit[t] += features.logit(u, c.negative[t], w, at);
            }
        }
    }

    /** Adds {@code lossScale} times the loss's gradient with respect to the wide weights into {@code g} at {@code gAt}. */
    void backward(SasRecNetwork.Chunk c, float lossScale, float[] g, int gAt) {
        for (int s = 0; s < c.sequences; s++) {
            int u = c.user[s];
            for (int t = c.start[s]; t < c.start[s + 1]; t++) {
                features.addGradient(u, c.positive[t], lossScale * (SasRecNetwork.sigmoid(c.positiveLogit[t]) - 1f), g, gAt);
                features.addGradient(u, c.negative[t], lossScale * SasRecNetwork.sigmoid(c.negativeLogit[t]), g, gAt);
            }
        }
    }
}

package org.recausal.engine.recsys.sasrec;

import org.recausal.engine.recsys.RecsysException;

/**
 * SASRec's hyper-parameters, with the paper's defaults for sparse data such as Amazon Games
 * (Kang &amp; McAuley 2018, section IV-B: d = 50, two blocks, one head, dropout 0.5, Adam at 0.001, batch 128).
 * @param maxLength  the longest history the model reads (n in the paper)
 * @param dimension  embedding and hidden size d
 * @param blocks     stacked self-attention blocks
 * @param heads      attention heads (d must divide by it)
 * @param dropout    dropout rate on embeddings, attention weights and feed-forward layers
 * @param learningRate Adam's step size
 * @param batchSize  sequences per step
 * @param epochs     passes; an epoch is (users / batch size) steps of users drawn at random, as in the paper's code
 * @param seed       all randomness (initial weights, sampled users, negatives, dropout) follows from it
 */
public record SasRecConfig(int maxLength, int dimension, int blocks, int heads, float dropout, float learningRate,
        int batchSize, int epochs, long seed) {
    public SasRecConfig {
        if (maxLength < 1 || maxLength > 4096) {
            throw new RecsysException("maxlen must be between 1 and 4096, not " + maxLength);
        }
        if (dimension < 1 || dimension > 4096 || blocks < 1 || blocks > 64 || heads < 1 || dimension % heads != 0) {
            throw new RecsysException("SASRec needs a dimension of 1..4096 divisible by the heads, and 1..64 blocks"
                    + " (got dimension " + dimension + ", " + heads + " heads, " + blocks + " blocks)");
        }
        if (!(dropout >= 0 && dropout < 1) || !(learningRate > 0) || batchSize < 1 || epochs < 0) {
            throw new RecsysException("SASRec needs a dropout in [0, 1), a positive learning rate, batch size and"
                    + " a non-negative number of epochs");
        }
    }

    /** The paper's settings for Amazon Games, with {@code epochs} passes. */
    public static SasRecConfig games(int epochs, long seed) {
        return new SasRecConfig(50, 50, 2, 1, 0.5f, 0.001f, 128, epochs, seed);
    }

    public SasRecConfig withDropout(float rate) {
        return new SasRecConfig(maxLength, dimension, blocks, heads, rate, learningRate, batchSize, epochs, seed);
    }

    public SasRecConfig withEpochs(int n) {
        return new SasRecConfig(maxLength, dimension, blocks, heads, dropout, learningRate, batchSize, n, seed);
    }
}

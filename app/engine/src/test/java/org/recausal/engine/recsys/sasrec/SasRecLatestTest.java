package org.recausal.engine.recsys.sasrec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Inference of the latest position only ({@link SasRecNetwork#forwardLatest}, with its vectorised attention) against
 * the full forward pass with the training pass's arithmetic (no dropout): the same final states, and so the same
 * scores for every item, up to float rounding; on sequences of every length from one item to a full window, packed
 * many to a chunk. The full inference pass, which the attention maps come from, has the same weights too.
 */
class SasRecLatestTest {

    @ParameterizedTest(name = "{0} blocks, {1} heads")
    @CsvSource({"1, 1", "2, 1", "2, 2", "3, 4"})
    void latestStatesAndScoresEqualTheFullPass(int blocks, int heads) {
        int items = 40;
        int maxLength = 50;
        SasRecConfig config = new SasRecConfig(maxLength, 16, blocks, heads, 0.2f, 0.001f, 3, 1, 7);
        SasRecLayout layout = new SasRecLayout(items, config);
        float[] w = SasRecModel.initialWeights(layout, 5);
        SplittableRandom random = new SplittableRandom(9);
        // Gains and biases away from 1 and 0, and embeddings large enough that attention is far from uniform.
        for (int i = layout.dense(); i < layout.size; i++) {
            w[i] += (float) (random.nextDouble() - 0.5);
        }
        for (int i = 0; i < layout.dense(); i++) {
            w[i] *= 5;
        }
        SasRecNetwork network = new SasRecNetwork(layout, config.dropout());
        int sequences = 70;
        SasRecNetwork.Chunk full = new SasRecNetwork.Chunk(layout, sequences, false);
        SasRecNetwork.Chunk inference = new SasRecNetwork.Chunk(layout, sequences, false);
        SasRecNetwork.Chunk latest = new SasRecNetwork.Chunk(layout, sequences, false);
        for (SasRecNetwork.Chunk chunk : List.of(full, inference, latest)) {
            chunk.clear();
        }
        for (int s = 0; s < sequences; s++) {
            int length = s < maxLength ? s + 1 : 1 + random.nextInt(maxLength);
            int[] history = random.ints(length, 0, items).toArray();
            for (SasRecNetwork.Chunk chunk : List.of(full, inference, latest)) {
                chunk.addSequence(history, 0, length, maxLength, heads);
            }
        }
        // The training pass without dropout is the reference arithmetic.
        new SasRecNetwork(layout, 0f).forward(full, w, true);
        network.forward(inference, w, false);
        network.forwardLatest(latest, w);
        for (int b = 0; b < blocks; b++) {
            for (int i = 0; i < full.probStart[sequences]; i++) {
                assertThat(inference.probs[b][i]).isCloseTo(full.probs[b][i], within(1e-5f));
            }
        }

        int d = layout.dim;
        double largestGap = 0;
        double spread = 0;
        for (int s = 0; s < sequences; s++) {
            int last = full.start[s + 1] - 1;
            for (int j = 0; j < d; j++) {
                largestGap = Math.max(largestGap, Math.abs(full.out[last * d + j] - latest.out[s * d + j]));
                spread = Math.max(spread, Math.abs(full.out[last * d + j] - full.out[(full.start[1] - 1) * d + j]));
            }
            for (int item = 0; item < items; item++) {
                double fullScore = dot(full.out, last * d, w, layout.itemEmbedding + item * d, d);
                double latestScore = dot(latest.out, s * d, w, layout.itemEmbedding + item * d, d);
                assertThat(latestScore).as("sequence %d, item %d", s, item)
                        .isCloseTo(fullScore, within(1e-5 * (1 + Math.abs(fullScore))));
            }
        }
        assertThat(largestGap).isLessThan(1e-5);
        // Not vacuous: the sequences' states differ by far more than the rounding.
        assertThat(spread).isGreaterThan(0.1);
    }

    private static double dot(float[] a, int ao, float[] b, int bo, int n) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += (double) a[ao + i] * b[bo + i];
        }
        return s;
    }
}

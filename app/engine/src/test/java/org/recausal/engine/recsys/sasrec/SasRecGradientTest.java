package org.recausal.engine.recsys.sasrec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.recausal.engine.recsys.features.FeatureEncoding;
import org.recausal.engine.recsys.features.SideFeatures;

/**
 * The analytic gradient of SASRec's loss against central finite differences, for every weight of a tiny model:
 * item and position embeddings, each block's layer norms, query/key/value projections, feed-forward layers,
 * the final layer norm, and the binary cross-entropy on top; with several heads and with dropout (the masks
 * drawn once and held fixed, as within one training step); and with side features, whose wide weights (user and
 * item weights and the user-item interaction matrix) join the logits.
 */
class SasRecGradientTest {

    @ParameterizedTest(name = "{0} blocks, {1} heads, dropout {2}, side features {3}")
    @CsvSource({"1, 1, 0.0, false", "2, 2, 0.0, false", "2, 1, 0.3, false", "1, 1, 0.0, true", "2, 1, 0.3, true"})
    void analyticGradientMatchesFiniteDifferences(int blocks, int heads, float dropout, boolean withFeatures) {
        int items = 9;
        SasRecConfig config = new SasRecConfig(6, 4, blocks, heads, dropout, 0.001f, 3, 1, 7);
        SideFeatures features = withFeatures ? features(items) : null;
        SasRecLayout layout = new SasRecLayout(items, config, features == null ? 0 : features.weightCount());
        float[] w = SasRecModel.initialWeights(layout, 11);
        SplittableRandom random = new SplittableRandom(3);
        // Gains and biases away from 1 and 0, so that their gradients are exercised in general position.
        for (int i = layout.dense(); i < layout.size; i++) {
            w[i] += (float) (random.nextDouble() - 0.5);
        }
        for (int i = 0; i < layout.dense(); i++) {
            w[i] *= 20;
        }
        SasRecNetwork network = new SasRecNetwork(layout, dropout, features);
        SasRecNetwork.Chunk chunk = new SasRecNetwork.Chunk(layout, 3, true);
        int[][] sequences = {{1, 4, 2, 8, 0, 3, 5}, {6, 2}, {7, 7, 1, 3}};
        chunk.clear();
        SplittableRandom[] masks = new SplittableRandom[sequences.length];
        for (int s = 0; s < sequences.length; s++) {
            int[] seq = sequences[s];
            int length = Math.min(seq.length - 1, config.maxLength());
            int t0 = chunk.tokens;
            chunk.addSequence(seq, seq.length - 1 - length, length, config.maxLength(), heads);
            chunk.user[s] = s;
            for (int j = 0; j < length; j++) {
                chunk.positive[t0 + j] = seq[seq.length - length + j];
                chunk.negative[t0 + j] = (seq[seq.length - length + j] + 1 + j) % items;
            }
            masks[s] = new SplittableRandom(100 + s);
        }
        if (dropout > 0) {
            network.drawMasks(chunk, masks);
        }
        float scale = 1f / chunk.tokens;
        network.forward(chunk, w, true);
        network.logits(chunk, w);
        network.backward(chunk, w, scale, true);
        float[] analytic = new float[layout.size];
        System.arraycopy(chunk.denseGrad, 0, analytic, layout.dense(), layout.denseSize());
        for (int s = 0; s < chunk.touchedCount; s++) {
            System.arraycopy(chunk.itemGrad, s * layout.dim, analytic, chunk.touched[s] * layout.dim, layout.dim);
        }

        List<String> mismatches = new ArrayList<>();
        float h = 2e-3f;
        for (int i = 0; i < layout.size; i++) {
            float original = w[i];
            w[i] = original + h;
            double up = loss(network, chunk, w) * scale;
            w[i] = original - h;
            double down = loss(network, chunk, w) * scale;
            w[i] = original;
            double numeric = (up - down) / (2 * h);
            if (Math.abs(numeric - analytic[i]) > 2e-3 + 2e-2 * Math.abs(numeric)) {
                mismatches.add(name(layout, i) + ": analytic " + analytic[i] + ", numeric " + numeric);
            }
        }
        assertThat(mismatches).isEmpty();
        // The check is not vacuous: most weights have a clearly non-zero gradient.
        long nonZero = IntStream.range(layout.dense(), layout.size).filter(i -> Math.abs(analytic[i]) > 1e-3).count();
        assertThat(nonZero).isGreaterThan(layout.denseSize() / 2);
        if (features != null) {
            assertThat(IntStream.range(layout.wide, layout.size).filter(i -> Math.abs(analytic[i]) > 1e-3).count())
                    .isGreaterThan(features.weightCount() / 2);
        }
    }

    /** Three users with a number and a three-level label, nine items with a count and a two-level label. */
    private static SideFeatures features(int items) {
        FeatureEncoding age = FeatureEncoding.numeric("age", FeatureEncoding.Side.USER, new double[] {21, 35, 60});
        FeatureEncoding group = FeatureEncoding.categorical("group", FeatureEncoding.Side.USER, new String[] {"a", "b", "c"});
        double[] counts = {0, 1, 2, 3, 5, 8, 13, 40, 100};
        FeatureEncoding popularity = FeatureEncoding.numeric("popularity", FeatureEncoding.Side.ITEM, counts);
        String[] kinds = {"x", "y", "x", "x", "y", "x", "y", "x", "x"};
        FeatureEncoding kind = FeatureEncoding.categorical("kind", FeatureEncoding.Side.ITEM, kinds);
        double[] itemValues = new double[2 * items];
        for (int i = 0; i < items; i++) {
            itemValues[2 * i] = counts[i];
            itemValues[2 * i + 1] = kind.levelOf(kinds[i]);
        }
        return new SideFeatures(List.of(age, group), List.of(popularity, kind), 3, items,
                new double[] {21, group.levelOf("a"), 35, group.levelOf("b"), 60, group.levelOf("c")}, itemValues);
    }

    private static double loss(SasRecNetwork network, SasRecNetwork.Chunk chunk, float[] w) {
        network.forward(chunk, w, true);
        return network.logits(chunk, w);
    }

    private static String name(SasRecLayout l, int i) {
        if (i < l.positionEmbedding) {
            return "item embedding " + i / l.dim;
        }
        if (i < l.positionEmbedding + l.maxLength * l.dim) {
            return "position embedding " + (i - l.positionEmbedding) / l.dim;
        }
        for (int b = l.blocks - 1; b >= 0; b--) {
            String[] names = {"norm1 gain", "norm1 bias", "query", "query bias", "key", "key bias", "value", "value bias",
                "norm2 gain", "norm2 bias", "ffn1", "ffn1 bias", "ffn2", "ffn2 bias"};
            int[] starts = {l.norm1Gain[b], l.norm1Bias[b], l.query[b], l.queryBias[b], l.key[b], l.keyBias[b], l.value[b],
                l.valueBias[b], l.norm2Gain[b], l.norm2Bias[b], l.ffn1[b], l.ffn1Bias[b], l.ffn2[b], l.ffn2Bias[b]};
            for (int k = starts.length - 1; k >= 0; k--) {
                if (i >= starts[k] && i < l.finalGain && (b == l.blocks - 1 || i < l.norm1Gain[b + 1])) {
                    return "block " + b + " " + names[k] + " [" + (i - starts[k]) + "]";
                }
            }
        }
        if (i >= l.wide) {
            return "wide [" + (i - l.wide) + "]";
        }
        return i < l.finalBias ? "final norm gain" : "final norm bias";
    }
}

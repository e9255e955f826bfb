package org.recausal.engine.recsys.sasrec;

import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import org.recausal.engine.recsys.Adam;
import org.recausal.engine.recsys.EpochReport;
import org.recausal.engine.recsys.Parallel;
import org.recausal.engine.recsys.RecsysException;
import org.recausal.engine.recsys.TrainingListener;
import org.recausal.engine.recsys.data.IdIndex;
import org.recausal.engine.recsys.data.UserSequences;
import org.recausal.engine.recsys.features.SideFeatures;
import org.recausal.engine.recsys.metrics.Protocol;
import org.recausal.engine.recsys.metrics.RankingEvaluation;
import org.recausal.engine.task.CancellationToken;

/**
 * Trains SASRec as the authors' code does: each step draws {@code batch} users with at least two training items
 * at random, reads up to maxlen of their items as input and the following items as targets, draws one negative
 * item per target that the user never consumed, and takes an Adam step (beta2 = 0.98) on the mean binary
 * cross-entropy. A batch is cut into fixed chunks of {@value #CHUNK} sequences that run in parallel; their
 * gradients are summed in chunk order, so a seed gives the same model whatever the thread count or timing.
 * <p>With side features ({@link #features}), each logit adds the wide part of the user's and the item's traits,
 * trained jointly on the same positives and negatives; without them the arithmetic and random draws are exactly
 * those of SASRec alone.
 * <p>With validation, the weights of the epoch with the best validation NDCG@10 are kept and returned (model
 * selection by validation, as is standard); without, the last weights.
 */
public final class SasRecTrainer {
    static final int CHUNK = 16;
    /** The validation metric that selects the returned weights. */
    public static final String SELECTION_METRIC = "NDCG@10";

    private final SasRecConfig config;
    private final int threads;
    private int validateEvery = 0;
    private boolean keepBest = true;
    private SideFeatures features;

    public SasRecTrainer(SasRecConfig config, int threads) {
        this.config = config;
        this.threads = Math.max(1, threads);
    }

    /** Computes validation HR@10 and NDCG@10 (sampled protocol) every {@code epochs} epochs; 0 = never. */
    public SasRecTrainer validateEvery(int epochs) {
        this.validateEvery = epochs;
        return this;
    }

    /** Whether to return the best validated weights (default) or the last ones. */
    public SasRecTrainer keepBest(boolean best) {
        this.keepBest = best;
        return this;
    }

    /** Trains the wide part of these users' and items' traits jointly with the transformer; null: history only. */
    public SasRecTrainer features(SideFeatures traits) {
        this.features = traits;
        return this;
    }

    /**
     * @param train      each user's training items, oldest first
     * @param validation each user's validation item(s), ranked after the training items; may be null
     * @param resume     a saved state to continue from, or null
     */
    public SasRecModel train(UserSequences train, IdIndex users, IdIndex items, int[][] validation, SasRecState resume,
            TrainingListener<SasRecState> listener, CancellationToken cancel) {
        long runStarted = System.nanoTime();
        SasRecLayout layout = new SasRecLayout(items.size(), config, features == null ? 0 : features.weightCount());
        SasRecNetwork network = new SasRecNetwork(layout, config.dropout(), features);
        int[] eligible = IntStream.range(0, train.userCount()).filter(u -> train.length(u) >= 2).toArray();
        if (eligible.length == 0) {
            throw new RecsysException("SASRec needs users with at least two training interactions; there are none");
        }
        int[][] consumed = new int[train.userCount()][];
        for (int u = 0; u < consumed.length; u++) {
            consumed[u] = Arrays.stream(train.items(u)).sorted().distinct().toArray();
            if (consumed[u].length >= items.size()) {
                throw new RecsysException("user " + users.id(u) + " consumed every item, so no negative item can be drawn");
            }
        }
        float[] w;
        Adam adam = new Adam(layout.size, config.learningRate(), 0.9f, 0.98f, 1e-8f);
        int firstEpoch = 0;
        double elapsedBefore = 0;
        int bestEpoch = 0;
        double bestScore = Double.NaN;
        float[] best = null;
        if (resume != null) {
            if (resume.params().length != layout.size) {
                throw new RecsysException("the checkpoint does not match these settings and data (" + resume.params().length
                        + " weights, expected " + layout.size + ")");
            }
            w = resume.params().clone();
            adam.restore(resume.firstMoment(), resume.secondMoment(), resume.steps());
            firstEpoch = resume.epochsDone();
            elapsedBefore = resume.elapsedSeconds();
            bestEpoch = resume.bestEpoch();
            bestScore = resume.bestScore();
            best = resume.bestParams() == null ? null : resume.bestParams().clone();
        } else {
            // The wide weights start at 0: the transformer's initial weights are drawn as without side features.
            w = SasRecModel.initialWeights(layout, config.seed());
        }
        int chunkCount = (config.batchSize() + CHUNK - 1) / CHUNK;
        SasRecNetwork.Chunk[] chunks = new SasRecNetwork.Chunk[chunkCount];
        for (int c = 0; c < chunkCount; c++) {
            chunks[c] = new SasRecNetwork.Chunk(layout, CHUNK, true);
        }
        float[] grad = new float[layout.size];
        double[] chunkLoss = new double[chunkCount];
        int stepsPerEpoch = Math.max(1, train.userCount() / config.batchSize());
        int[] batchUsers = new int[config.batchSize()];
        long[] sequenceSeeds = new long[config.batchSize()];
        for (int epoch = firstEpoch; epoch < config.epochs(); epoch++) {
            long started = System.nanoTime();
            double epochLoss = 0;
            long epochTargets = 0;
            for (int step = 0; step < stepsPerEpoch; step++) {
                cancel.throwIfCancelled();
                SplittableRandom random = new SplittableRandom(config.seed() * 0x9E3779B97F4A7C15L + (long) epoch * stepsPerEpoch + step);
                int targets = 0;
                for (int b = 0; b < batchUsers.length; b++) {
                    batchUsers[b] = eligible[random.nextInt(eligible.length)];
                    sequenceSeeds[b] = random.nextLong();
                    targets += Math.min(train.length(batchUsers[b]) - 1, config.maxLength());
                }
                float lossScale = 1f / targets;
                Parallel.forEach(chunkCount, threads, c -> chunkLoss[c] = runChunk(network, chunks[c], w, train, consumed,
                        batchUsers, sequenceSeeds, c * CHUNK, Math.min(batchUsers.length, (c + 1) * CHUNK), lossScale,
                        items.size()));
                for (int c = 0; c < chunkCount; c++) {
                    epochLoss += chunkLoss[c];
                    addGradients(chunks[c], grad, layout);
                }
                epochTargets += targets;
                adam.nextStep();
                int slices = threads;
                int size = layout.size;
                Parallel.forEach(slices, threads, s -> adam.update(w, grad, (int) ((long) size * s / slices),
                        (int) ((long) size * (s + 1) / slices)));
                Arrays.fill(grad, layout.dense(), layout.size, 0f);
                for (SasRecNetwork.Chunk chunk : chunks) {
                    for (int t = 0; t < chunk.touchedCount; t++) {
                        int item = chunk.touched[t];
                        Arrays.fill(grad, item * layout.dim, (item + 1) * layout.dim, 0f);
                    }
                    SasRecNetwork.clearGradients(chunk);
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            Map<String, Double> metrics = Map.of();
            if (validation != null && validateEvery > 0 && ((epoch + 1) % validateEvery == 0 || epoch + 1 == config.epochs())) {
                int[][] histories = new int[train.userCount()][];
                for (int u = 0; u < histories.length; u++) {
                    histories[u] = train.items(u);
                }
                metrics = new RankingEvaluation(Protocol.SAMPLED100, new int[] {10}, config.seed(), threads)
                        .catalogueMetrics(false).evaluate(new SasRecModel(config, users, items, w, features), histories,
                                validation, null, cancel).metrics();
            }
            Double score = metrics.get(SELECTION_METRIC);
            if (score != null && (best == null || score > bestScore)) {
                bestEpoch = epoch + 1;
                bestScore = score;
                best = w.clone();
            }
            double elapsed = elapsedBefore + (System.nanoTime() - runStarted) / 1e9;
            float[][] moments = adam.moments();
            listener.epochDone(new EpochReport(epoch + 1, config.epochs(), epochLoss / epochTargets, seconds, elapsed, metrics),
                    new SasRecState(w.clone(), moments[0].clone(), moments[1].clone(), adam.steps(), epoch + 1, elapsed,
                            bestEpoch, bestScore, best == null ? null : best.clone()));
        }
        return new SasRecModel(config, users, items, keepBest && best != null ? best : w, features);
    }

    private static double runChunk(SasRecNetwork network, SasRecNetwork.Chunk chunk, float[] w, UserSequences train,
            int[][] consumed, int[] batchUsers, long[] seeds, int from, int to, float lossScale, int itemCount) {
        SasRecLayout l = network.layout();
        chunk.clear();
        SplittableRandom[] random = new SplittableRandom[to - from];
        for (int b = from; b < to; b++) {
            int u = batchUsers[b];
            int[] seq = train.items(u);
            int length = Math.min(seq.length - 1, l.maxLength);
            int t0 = chunk.tokens;
            // Input: the items before the last; targets: each input item's successor.
            chunk.addSequence(seq, seq.length - 1 - length, length, l.maxLength, l.heads);
            chunk.user[chunk.sequences - 1] = u;
            SplittableRandom r = new SplittableRandom(seeds[b]);
            random[b - from] = r;
            for (int j = 0; j < length; j++) {
                chunk.positive[t0 + j] = seq[seq.length - length + j];
                int negative;
                do {
                    negative = r.nextInt(itemCount);
                } while (Arrays.binarySearch(consumed[u], negative) >= 0);
                chunk.negative[t0 + j] = negative;
            }
        }
        if (network.dropoutRate() > 0) {
            network.drawMasks(chunk, random);
        }
        network.forward(chunk, w, true);
        double loss = network.logits(chunk, w);
        network.backward(chunk, w, lossScale, true);
        return loss;
    }

    private static void addGradients(SasRecNetwork.Chunk chunk, float[] grad, SasRecLayout l) {
        int dense = l.dense();
        float[] g = chunk.denseGrad;
        for (int j = 0; j < g.length; j++) {
            grad[dense + j] += g[j];
        }
        int d = l.dim;
        for (int s = 0; s < chunk.touchedCount; s++) {
            int row = chunk.touched[s] * d;
            int o = s * d;
            for (int j = 0; j < d; j++) {
                grad[row + j] += chunk.itemGrad[o + j];
            }
        }
    }
}

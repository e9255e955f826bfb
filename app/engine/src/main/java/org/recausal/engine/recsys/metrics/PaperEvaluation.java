package org.recausal.engine.recsys.metrics;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import org.recausal.engine.recsys.Parallel;
import org.recausal.engine.recsys.Recommender;
import org.recausal.engine.recsys.Scoring;
import org.recausal.engine.recsys.split.SequenceData;
import org.recausal.engine.task.CancellationToken;

/**
 * The test evaluation of the SASRec authors' script (kang205/SASRec, {@code util.py evaluate}), repeated to show
 * how much its figure moves from one run to the next: each repeat draws {@value #USERS} of all users without
 * replacement (when there are more), skips those without a test item, and ranks each one's test item against 100
 * items drawn with replacement from those outside the user's training part, so the validation item can be drawn. So
 * can the test item itself: such a draw takes its slot but never outranks the item (the script leaves that tie to
 * numpy's sort order). A published figure is one such run.
 * <p>{@link RankingEvaluation} is the evaluation Recausal reports: every user, and negatives outside everything
 * the user consumed.
 */
public final class PaperEvaluation {
    /** Users per evaluation in the authors' script. */
    public static final int USERS = 10_000;
    private static final int NEGATIVES = 100;
    private static final int K = 10;

    /** One repeat's HR@10 and NDCG@10. */
    public record Draw(double hr, double ndcg) {
    }

    private final float[] testScores;
    private final int[] testItem;
    private final float[] userVectors;
    private final int[] evaluated;
    private final int[][] training;
    private final int userCount;
    private final Recommender model;

    /** Scores every user's test item once, from the training and validation items as input. */
    public PaperEvaluation(Recommender model, SequenceData data, int threads) {
        this.model = model;
        this.userCount = data.test().length;
        this.evaluated = IntStream.range(0, userCount)
                .filter(u -> data.test()[u].length > 0 && data.train().items(u).length > 0).toArray();
        this.training = new int[userCount][];
        for (int u = 0; u < userCount; u++) {
            training[u] = Arrays.stream(data.train().items(u)).sorted().distinct().toArray();
        }
        int dim = model.dimension();
        int[][] inputs = new int[evaluated.length][];
        for (int k = 0; k < evaluated.length; k++) {
            inputs[k] = data.testInputs()[evaluated[k]];
        }
        userVectors = new float[userCount * dim];
        int blocks = (evaluated.length + 255) / 256;
        Parallel.forEach(blocks, threads, b -> {
            int from = b * 256;
            int to = Math.min(evaluated.length, from + 256);
            float[] vectors = new float[(to - from) * dim];
            model.encode(Arrays.copyOfRange(evaluated, from, to), Arrays.copyOfRange(inputs, from, to), vectors);
            for (int k = from; k < to; k++) {
                System.arraycopy(vectors, (k - from) * dim, userVectors, evaluated[k] * dim, dim);
            }
        });
        testScores = new float[userCount];
        testItem = new int[userCount];
        for (int u : evaluated) {
            testItem[u] = data.test()[u][0];
            float[] score = new float[1];
            Scoring.candidates(model.itemVectors(), dim, userVectors, u * dim, new int[] {testItem[u]}, score);
            testScores[u] = score[0];
        }
    }

    /** Users with a test item and a training part: those a draw can evaluate. */
    public int evaluatedUsers() {
        return evaluated.length;
    }

    /** {@code repeats} draws; repeat r follows from {@code seed} and r alone, so the thread count changes nothing. */
    public Draw[] draws(int repeats, long seed, int threads, CancellationToken cancel) {
        Draw[] draws = new Draw[repeats];
        boolean[] hasTest = new boolean[userCount];
        for (int u : evaluated) {
            hasTest[u] = true;
        }
        Parallel.forEach(repeats, threads, r -> {
            cancel.throwIfCancelled();
            SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + r);
            RankingMetrics metrics = new RankingMetrics(K);
            float[] other = new float[NEGATIVES];
            int[] sampled = new int[NEGATIVES];
            for (int u : sampleUsers(random)) {
                if (!hasTest[u]) {
                    continue;
                }
                for (int n = 0; n < NEGATIVES; n++) {
                    int candidate;
                    do {
                        candidate = random.nextInt(model.itemCount());
                    } while (Arrays.binarySearch(training[u], candidate) >= 0);
                    sampled[n] = candidate;
                }
                Scoring.candidates(model.itemVectors(), model.dimension(), userVectors, u * model.dimension(), sampled, other);
                for (int n = 0; n < NEGATIVES; n++) {
                    if (sampled[n] == testItem[u]) {
                        other[n] = Float.NEGATIVE_INFINITY;
                    }
                }
                metrics.add(RankingMetrics.ranks(new float[] {testScores[u]}, other, NEGATIVES));
            }
            draws[r] = new Draw(metrics.values().get("HR@" + K), metrics.values().get("NDCG@" + K));
        });
        return draws;
    }

    /** {@value #USERS} of all users without replacement (a partial Fisher-Yates shuffle), or all of them. */
    private int[] sampleUsers(SplittableRandom random) {
        int[] users = IntStream.range(0, userCount).toArray();
        int n = Math.min(USERS, userCount);
        for (int i = 0; i < n; i++) {
            int j = i + random.nextInt(userCount - i);
            int t = users[i];
            users[i] = users[j];
            users[j] = t;
        }
        return Arrays.copyOf(users, n);
    }
}

package org.recausal.engine.recsys.split;

import java.util.SplittableRandom;
import java.util.stream.IntStream;

import org.recausal.engine.recsys.RecsysException;
import org.recausal.engine.recsys.data.Interactions;

/** The ways a log is split for evaluation. Randomness comes only from the seed. */
public final class Splits {
    private Splits() {
    }

    /**
     * Leave-one-out by time, as in SASRec: each user's last interaction is the test item, the one before it the
     * validation item. Users with fewer than three interactions keep them all for training.
     */
    public static Split leaveOneOut(Interactions log) {
        int[] order = timeOrder(log);
        int[] counts = log.userCounts();
        int[] seen = new int[log.users().size()];
        int[] part = new int[log.size()];
        for (int r : order) {
            int u = log.user(r);
            int fromEnd = counts[u] - ++seen[u];
            part[r] = counts[u] < 3 || fromEnd >= 2 ? 0 : fromEnd == 1 ? 1 : 2;
        }
        return byPart(log, part);
    }

    /** Everything before the {@code trainShare} quantile of time trains, the next {@code validationShare} validates, the rest tests. */
    public static Split temporal(Interactions log, double trainShare, double validationShare) {
        checkShares(trainShare, validationShare);
        int[] order = timeOrder(log);
        long trainEnd = log.time(order[Math.min(order.length - 1, (int) (trainShare * order.length))]);
        long validationEnd = log.time(order[Math.min(order.length - 1, (int) ((trainShare + validationShare) * order.length))]);
        int[] part = new int[log.size()];
        for (int r = 0; r < part.length; r++) {
            long t = log.time(r);
            part[r] = t < trainEnd ? 0 : t < validationEnd ? 1 : 2;
        }
        return byPart(log, part);
    }

    /** Each interaction goes to test with probability {@code testShare}, to validation with {@code validationShare}. */
    public static Split random(Interactions log, double testShare, double validationShare, long seed) {
        checkShares(testShare, validationShare);
        int[] rows = new int[log.size()];
        for (int r = 0; r < rows.length; r++) {
            rows[r] = r;
        }
        shuffle(rows, new SplittableRandom(seed));
        int test = (int) Math.round(testShare * rows.length);
        int validation = (int) Math.round(validationShare * rows.length);
        int[] part = new int[log.size()];
        for (int k = 0; k < rows.length; k++) {
            part[rows[k]] = k < test ? 2 : k < test + validation ? 1 : 0;
        }
        return byPart(log, part);
    }

    /** Fisher-Yates, the same permutation for the same seed on every machine. */
    public static void shuffle(int[] values, SplittableRandom random) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = values[i];
            values[i] = values[j];
            values[j] = t;
        }
    }

    private static void checkShares(double a, double b) {
        if (!(a >= 0 && b >= 0 && a + b <= 1)) {
            throw new RecsysException("split shares must be at least 0 and add up to at most 1 (got " + a + " and " + b + ")");
        }
    }

    private static int[] timeOrder(Interactions log) {
        return IntStream.range(0, log.size()).boxed()
                .sorted((a, b) -> Long.compare(log.time(a), log.time(b))).mapToInt(Integer::intValue).toArray();
    }

    private static Split byPart(Interactions log, int[] part) {
        return new Split(log.rows(rowsOf(part, 0)), log.rows(rowsOf(part, 1)), log.rows(rowsOf(part, 2)), part);
    }

    private static int[] rowsOf(int[] part, int which) {
        return IntStream.range(0, part.length).filter(r -> part[r] == which).toArray();
    }
}

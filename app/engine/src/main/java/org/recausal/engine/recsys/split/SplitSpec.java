package org.recausal.engine.recsys.split;

import java.util.Locale;

import org.recausal.engine.recsys.RecsysException;
import org.recausal.engine.recsys.data.Interactions;

/**
 * How to split a log, as a user chooses it and a model file records it, so that evaluation splits the log the
 * way training did: leave-one-out by time (SASRec's protocol), a temporal cut-off, or a seeded random split.
 * @param cutoff temporal only: a share of the log in (0, 1) (that quantile of time), or a time or order value;
 *               interactions from the cut-off on are the test part, the {@value #VALIDATION_SHARE} of the log just
 *               before it the validation part
 * @param seed   random only: the seed of the shuffle; {@value #TEST_SHARE} of the log tests, {@value #VALIDATION_SHARE} validates
 */
public record SplitSpec(Kind kind, double cutoff, long seed) {
    public static final double TEST_SHARE = 0.2;
    public static final double VALIDATION_SHARE = 0.1;

    public enum Kind { LOO, TEMPORAL, RANDOM }

    public static final SplitSpec LEAVE_ONE_OUT = new SplitSpec(Kind.LOO, Double.NaN, 0);

    /**
     * @param kind   loo, temporal or random
     * @param cutoff the temporal cut-off, or null (then 0.8)
     */
    public static SplitSpec of(String kind, Double cutoff, long seed) {
        return switch (kind.toLowerCase(Locale.ROOT)) {
            case "loo", "leave-one-out" -> LEAVE_ONE_OUT;
            case "temporal" -> new SplitSpec(Kind.TEMPORAL, cutoff == null ? 0.8 : cutoff, 0);
            case "random" -> new SplitSpec(Kind.RANDOM, Double.NaN, seed);
            default -> throw new RecsysException("the split must be loo, temporal or random, not '" + kind + "'");
        };
    }

    public Split apply(Interactions log) {
        return switch (kind) {
            case LOO -> Splits.leaveOneOut(log);
            case RANDOM -> Splits.random(log, TEST_SHARE, VALIDATION_SHARE, seed);
            case TEMPORAL -> {
                double share = cutoff > 0 && cutoff < 1 ? cutoff : shareBefore(log, cutoff);
                if (share <= VALIDATION_SHARE || share >= 1) {
                    throw new RecsysException("the temporal cut-off " + cutoff + " leaves " + (share >= 1 ? "no test"
                            : "too little training") + " data; give a share such as 0.8 or a time inside the log");
                }
                yield Splits.temporal(log, share - VALIDATION_SHARE, VALIDATION_SHARE);
            }
        };
    }

    private static double shareBefore(Interactions log, double time) {
        int before = 0;
        for (int r = 0; r < log.size(); r++) {
            before += log.time(r) < time ? 1 : 0;
        }
        return before / (double) log.size();
    }

    /** The split in words, as model files and reports record it; {@link #parse} reads it back. */
    public String label() {
        return switch (kind) {
            case LOO -> "leave-one-out";
            case TEMPORAL -> "temporal cutoff=" + cutoff;
            case RANDOM -> "random seed=" + seed;
        };
    }

    /** Reads a {@link #label()}; null or unknown text is leave-one-out, the only split older model files used. */
    public static SplitSpec parse(String label) {
        if (label != null && label.startsWith("temporal cutoff=")) {
            return new SplitSpec(Kind.TEMPORAL, Double.parseDouble(label.substring("temporal cutoff=".length())), 0);
        }
        if (label != null && label.startsWith("random seed=")) {
            return new SplitSpec(Kind.RANDOM, Double.NaN, Long.parseLong(label.substring("random seed=".length())));
        }
        return LEAVE_ONE_OUT;
    }
}

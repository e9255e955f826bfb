package org.recausal.desktop.recsys;

import org.recausal.engine.recsys.data.Interactions;
import org.recausal.engine.recsys.split.Split;
import org.recausal.engine.recsys.split.Splits;

/** How the log is split into training, validation and test parts. */
public enum SplitKind {
    LEAVE_ONE_OUT("Leave one out: each user's last item tests, the one before validates"),
    TEMPORAL("Temporal cut-off: the latest interactions test"),
    RANDOM("Random: a seeded share of the interactions tests");

    private final String label;

    SplitKind(String label) {
        this.label = label;
    }

    /** Whether the test and validation shares apply (they do not to leave-one-out). */
    public boolean usesShares() {
        return this != LEAVE_ONE_OUT;
    }

    Split apply(Interactions log, double testShare, double validationShare, long seed) {
        return switch (this) {
            case LEAVE_ONE_OUT -> Splits.leaveOneOut(log);
            case TEMPORAL -> Splits.temporal(log, 1 - testShare - validationShare, validationShare);
            case RANDOM -> Splits.random(log, testShare, validationShare, seed);
        };
    }

    /** A short name for reports. */
    public String shortName() {
        return switch (this) {
            case LEAVE_ONE_OUT -> "leave-one-out";
            case TEMPORAL -> "temporal";
            case RANDOM -> "random";
        };
    }

    static SplitKind ofShortName(String name) {
        for (SplitKind kind : values()) {
            if (kind.shortName().equals(name)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown split '" + name + "'");
    }

    @Override
    public String toString() {
        return label;
    }
}

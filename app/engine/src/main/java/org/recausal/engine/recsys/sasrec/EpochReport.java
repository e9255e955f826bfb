package org.recausal.engine.recsys.sasrec;

import java.util.Map;

/**
 * One finished epoch.
 * @param loss       mean binary cross-entropy per target over the epoch
 * @param seconds    wall time of the epoch's training steps (validation not included)
 * @param validation validation metrics when they were computed this epoch, else empty
 */
public record EpochReport(int epoch, double loss, double seconds, Map<String, Double> validation) {
}

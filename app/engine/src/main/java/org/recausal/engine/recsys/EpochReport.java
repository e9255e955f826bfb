package org.recausal.engine.recsys;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One finished training epoch, as a live training chart shows it.
 * @param epoch          epochs done so far, counting those before a resume (1 after the first)
 * @param epochs         the epoch the run stops after
 * @param loss           mean training loss per target over the epoch
 * @param seconds        wall time of the epoch's training steps (validation not included)
 * @param elapsedSeconds wall time since the run first started, validation and the sessions before a resume included
 * @param validation     validation metrics (e.g. "HR@10", "NDCG@10") when computed after this epoch, else empty
 */
public record EpochReport(int epoch, int epochs, double loss, double seconds, double elapsedSeconds,
        Map<String, Double> validation) {
    public EpochReport {
        validation = Collections.unmodifiableMap(new LinkedHashMap<>(validation));
    }
}

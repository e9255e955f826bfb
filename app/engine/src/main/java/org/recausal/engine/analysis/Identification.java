package org.recausal.engine.analysis;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.recausal.engine.dag.Dag;
import org.recausal.engine.task.CancellationToken;

/**
 * Whether the total effect of the exposures on the outcomes can be computed from the observed
 * variables, and how: by covariate adjustment (the generalised back-door criterion), failing that
 * by Pearl's front-door criterion (one exposure and one outcome), failing that not by either. The
 * last answer says these two strategies fail, not that no strategy can work (do-calculus may still).
 */
public sealed interface Identification {

    /** Whether one of the strategies identifies the effect. */
    boolean identifiable();

    /** A sentence for the analyst. */
    String explanation();

    /** No directed path leads from an exposure to an outcome: intervening leaves them unchanged, P(y | do(x)) = P(y). */
    record NoCausalPath() implements Identification {
        @Override
        public boolean identifiable() {
            return true;
        }

        @Override
        public String explanation() {
            return "No directed path leads from the exposure to the outcome, so the causal effect is zero:"
                    + " P(y | do(x)) = P(y).";
        }
    }

    /** Adjustment works: {@code result} is {@link AdjustmentResult.EmptySetSuffices} or {@link AdjustmentResult.AdjustmentSets}. */
    record ByAdjustment(AdjustmentResult result) implements Identification {
        public ByAdjustment {
            if (result instanceof AdjustmentResult.NoAdjustmentSet) {
                throw new IllegalArgumentException("ByAdjustment needs an adjustment set");
            }
        }

        @Override
        public boolean identifiable() {
            return true;
        }

        @Override
        public String explanation() {
            return result instanceof AdjustmentResult.EmptySetSuffices
                    ? "Identifiable without adjustment: no biasing path is open."
                    : "Identifiable by covariate adjustment (back-door criterion).";
        }
    }

    /** No adjustment set exists, but front-door sets do. */
    record ByFrontDoor(AdjustmentResult.NoAdjustmentSet noAdjustment, FrontDoor.Listing frontDoor) implements Identification {
        @Override
        public boolean identifiable() {
            return true;
        }

        @Override
        public String explanation() {
            return "No adjustment set exists, but the effect is identifiable by the front-door criterion"
                    + " through " + String.join(", ", frontDoor.sets().getFirst()) + ".";
        }
    }

    /** Neither strategy applies; {@code frontDoorTried} is false when there are several exposures or outcomes. */
    record NotIdentified(AdjustmentResult.NoAdjustmentSet noAdjustment, boolean frontDoorTried) implements Identification {
        @Override
        public boolean identifiable() {
            return false;
        }

        @Override
        public String explanation() {
            return "Not identifiable by adjustment" + (frontDoorTried ? " or by the front-door criterion" : "")
                    + ": " + noAdjustment.reason();
        }
    }

    /** Limits on the sets listed in an answer. */
    record Limits(int adjustmentSets, int frontDoorSets, Duration frontDoorTime) {
        public static final Limits DEFAULT = new Limits(100, 20, Duration.ofSeconds(2));
    }

    static Identification of(Dag dag, Collection<String> exposures, Collection<String> outcomes, Limits limits,
            CancellationToken token) {
        AdjustmentAnalysis adjustment = AdjustmentAnalysis.totalEffect(dag, exposures, outcomes);
        if (adjustment.causalPathVariables().isEmpty()) {
            return new NoCausalPath();
        }
        return of(dag, adjustment, adjustment.minimalSets(limits.adjustmentSets()), limits, token);
    }

    /** The answer when {@code result} has already been computed with {@code adjustment}. */
    static Identification of(Dag dag, AdjustmentAnalysis adjustment, AdjustmentResult result, Limits limits,
            CancellationToken token) {
        if (adjustment.causalPathVariables().isEmpty()) {
            return new NoCausalPath();
        }
        if (!(result instanceof AdjustmentResult.NoAdjustmentSet none)) {
            return new ByAdjustment(result);
        }
        Set<String> x = adjustment.exposures();
        Set<String> y = adjustment.outcomes();
        if (x.size() != 1 || y.size() != 1) {
            return new NotIdentified(none, false);
        }
        FrontDoor frontDoor = FrontDoor.of(dag, List.copyOf(x).getFirst(), List.copyOf(y).getFirst());
        Optional<Set<String>> one = frontDoor.minimalSet();
        if (one.isEmpty()) {
            return new NotIdentified(none, true);
        }
        FrontDoor.Listing sets = frontDoor.minimalSets(limits.frontDoorSets(), limits.frontDoorTime(), token);
        // The listing can run out of time before its first set; the polynomial minimal set still answers.
        return new ByFrontDoor(none, sets.sets().isEmpty() ? new FrontDoor.Listing(List.of(one.get()), true) : sets);
    }
}

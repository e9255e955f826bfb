package org.recausal.engine.analysis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.recausal.engine.dag.Dag;
import org.recausal.engine.dag.Role;
import org.recausal.engine.task.CancellationToken;
import org.recausal.engine.task.ProgressListener;

/**
 * Everything the graph can answer about the exposures and outcomes marked in it, computed in one go
 * so that a panel can run it as a background task: adjustment sets for the total and direct effect,
 * whether and how the total effect is identifiable, instruments and front-door sets (one exposure and
 * one outcome), and the testable implications. Parts that do not apply are empty and {@code notes}
 * says why. The {@link Dag} must not change while this runs: pass a copy made on the UI thread.
 */
public record AnalysisReport(
        List<String> exposures,
        List<String> outcomes,
        Optional<AdjustmentResult> totalEffect,
        Optional<AdjustmentResult> directEffect,
        Optional<Identification> identification,
        Optional<List<Instrument>> instruments,
        Optional<FrontDoor.Listing> frontDoor,
        TestableImplications.Listing implications,
        List<String> notes) {

    public AnalysisReport {
        exposures = List.copyOf(exposures);
        outcomes = List.copyOf(outcomes);
        instruments = instruments.map(List::copyOf);
        notes = List.copyOf(notes);
    }

    /** How much each listing may hold; every listing says when it was cut short. */
    public record Limits(int adjustmentSets, int frontDoorSets, Duration frontDoorTime, int implications) {
        public static final Limits DEFAULT = new Limits(100, 20, Duration.ofSeconds(2), 1_000);

        Identification.Limits identification() {
            return new Identification.Limits(adjustmentSets, frontDoorSets, frontDoorTime);
        }
    }

    /** @throws org.recausal.engine.task.CancelledException when {@code token} is cancelled */
    public static AnalysisReport compute(Dag dag, Limits limits, CancellationToken token, ProgressListener progress) {
        List<String> x = dag.withRole(Role.EXPOSURE);
        List<String> y = dag.withRole(Role.OUTCOME);
        List<String> notes = new ArrayList<>();
        Optional<AdjustmentResult> total = Optional.empty();
        Optional<AdjustmentResult> direct = Optional.empty();
        Optional<Identification> identification = Optional.empty();
        Optional<List<Instrument>> instruments = Optional.empty();
        Optional<FrontDoor.Listing> frontDoor = Optional.empty();
        if (x.isEmpty() || y.isEmpty()) {
            notes.add("Mark at least one exposure and one outcome to ask about causal effects.");
        } else {
            progress.progress(0.0, "Adjustment sets");
            AdjustmentAnalysis totalAnalysis = AdjustmentAnalysis.of(dag, AdjustmentAnalysis.Effect.TOTAL);
            total = Optional.of(totalAnalysis.minimalSets(limits.adjustmentSets()));
            token.throwIfCancelled();
            direct = Optional.of(AdjustmentAnalysis.of(dag, AdjustmentAnalysis.Effect.DIRECT)
                    .minimalSets(limits.adjustmentSets()));
            token.throwIfCancelled();
            progress.progress(0.3, "Identification");
            identification = Optional.of(Identification.of(dag, totalAnalysis, total.get(),
                    limits.identification(), token));
            if (x.size() == 1 && y.size() == 1) {
                progress.progress(0.4, "Instruments and front-door sets");
                instruments = Optional.of(InstrumentalVariables.of(dag, x.getFirst(), y.getFirst()));
                token.throwIfCancelled();
                frontDoor = Optional.of(FrontDoor.of(dag, x.getFirst(), y.getFirst())
                        .minimalSets(limits.frontDoorSets(), limits.frontDoorTime(), token));
            } else {
                notes.add("Instruments and front-door sets need exactly one exposure and one outcome.");
            }
        }
        progress.progress(0.5, "Testable implications");
        TestableImplications.Listing implications = new TestableImplications(dag).all(limits.implications(), token);
        progress.progress(1.0, "Done");
        return new AnalysisReport(x, y, total, direct, identification, instruments, frontDoor, implications, notes);
    }
}

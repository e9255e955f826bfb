package org.recausal.desktop.query;

import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.recausal.desktop.canvas.CanvasOverlay;
import org.recausal.engine.analysis.AdjustmentAnalysis;
import org.recausal.engine.analysis.AdjustmentAnalysis.Effect;
import org.recausal.engine.analysis.AdjustmentCheck;
import org.recausal.engine.analysis.AdjustmentResult;
import org.recausal.engine.analysis.AnalysisReport;
import org.recausal.engine.analysis.DSeparation;
import org.recausal.engine.analysis.FrontDoor;
import org.recausal.engine.analysis.Identification;
import org.recausal.engine.analysis.Instrument;
import org.recausal.engine.analysis.PathFinder;
import org.recausal.engine.analysis.PathLimits;
import org.recausal.engine.analysis.PathListing;
import org.recausal.engine.dag.Dag;
import org.recausal.engine.dag.Role;
import org.recausal.engine.task.CancellationToken;
import org.recausal.engine.task.ProgressListener;

/** One run of the live analysis, on a worker thread: no JavaFX here, only the engine and plain data. */
final class QueryComputation {
    /** Path listing is exponential in the worst case; the panel shows what a quarter second finds. */
    static final PathLimits PATH_LIMITS = new PathLimits(200, Duration.ofMillis(250));

    private static final Comparator<Set<String>> SMALLEST_FIRST = Comparator.<Set<String>>comparingInt(Set::size)
            .thenComparing(set -> String.join("\u0000", new TreeSet<>(set)));

    private QueryComputation() {
    }

    /** @throws org.recausal.engine.task.CancelledException when {@code token} is cancelled */
    static QueryResult compute(QueryRequest request, CancellationToken token) {
        token.throwIfCancelled();
        Dag dag = request.graph().toDag();
        token.throwIfCancelled();
        AnalysisReport report = request.report()
                .orElseGet(() -> AnalysisReport.compute(dag, AnalysisReport.Limits.DEFAULT, token, ProgressListener.NONE));
        token.throwIfCancelled();
        Question question = new Question(report.exposures(), report.outcomes(), request.effect());
        List<Instrument> instruments = report.instruments().orElse(List.of());
        String instrumentsNote = instrumentsNote(report);
        if (!question.complete()) {
            return new QueryResult(request.graphVersion(), report, question,
                    new QueryAnswer.NoQuestion("Pick at least one exposure and one outcome, here or by the"
                            + " variables' roles on the canvas."),
                    "", Optional.empty(), List.of(), false, CanvasOverlay.NONE,
                    report.implications().implications(), report.implications().truncated(), instruments,
                    instrumentsNote);
        }

        AdjustmentResult adjustment = (question.effect() == Effect.TOTAL ? report.totalEffect() : report.directEffect())
                .orElseThrow();
        Map<String, Role> byRole = conditionedByRole(dag, question);
        Set<String> given = new LinkedHashSet<>();
        request.chosenSet().stream().filter(dag::contains).sorted().forEach(given::add);
        given.addAll(byRole.keySet());
        AdjustmentCheck check = AdjustmentAnalysis.of(dag, question.effect()).check(given);
        token.throwIfCancelled();
        PathListing listing = new PathFinder(dag).paths(question.exposures(), question.outcomes(), given, PATH_LIMITS);
        PathExplainer explainer = new PathExplainer(new DSeparation(dag), given, Set.copyOf(dag.withRole(Role.LATENT)),
                question.effect());
        // Open biasing paths first, short ones first: the ones to deal with, easiest to read.
        List<PathRow> rows = listing.paths().stream().map(explainer::explain)
                .sorted(Comparator.comparing(PathRow::status).thenComparingInt(row -> row.path().nodes().size()))
                .toList();
        Optional<String> flagged = flagged(check);
        return new QueryResult(request.graphVersion(), report, question, answer(question, adjustment),
                question.effect() == Effect.TOTAL ? identification(question, report.identification()) : "",
                Optional.of(verdict(check, given, byRole, flagged)), rows, listing.truncated(),
                PathOverlay.of(rows, given, flagged), report.implications().implications(),
                report.implications().truncated(), instruments, instrumentsNote);
    }

    static QueryAnswer answer(Question question, AdjustmentResult result) {
        return switch (result) {
            case AdjustmentResult.EmptySetSuffices empty -> new QueryAnswer.EmptySetSuffices(question, empty.alreadyAdjusted());
            case AdjustmentResult.AdjustmentSets sets -> new QueryAnswer.AdjustmentSets(question,
                    sets.sets().stream().sorted(SMALLEST_FIRST).toList(), sets.truncated());
            case AdjustmentResult.NoAdjustmentSet none -> new QueryAnswer.NoAdjustmentSet(question, none.reason(), none.openPath());
        };
    }

    /** Variables every set contains because of their role (adjusted, selection), as the engine's listing treats them. */
    private static Map<String, Role> conditionedByRole(Dag dag, Question question) {
        Map<String, Role> byRole = new TreeMap<>();
        for (Role role : List.of(Role.ADJUSTED, Role.SELECTION)) {
            dag.withRole(role).forEach(name -> byRole.put(name, role));
        }
        question.exposures().forEach(byRole::remove);
        question.outcomes().forEach(byRole::remove);
        return byRole;
    }

    private static Optional<String> flagged(AdjustmentCheck check) {
        return switch (check) {
            case AdjustmentCheck.ForbiddenVariable forbidden -> Optional.of(forbidden.variable());
            case AdjustmentCheck.LatentVariable latent -> Optional.of(latent.variable());
            case AdjustmentCheck.Valid valid -> Optional.empty();
            case AdjustmentCheck.OpenBiasingPath open -> Optional.empty();
        };
    }

    private static SetVerdict verdict(AdjustmentCheck check, Set<String> given, Map<String, Role> byRole,
            Optional<String> flagged) {
        String explanation = switch (check) {
            case AdjustmentCheck.Valid valid -> given.isEmpty()
                    ? "Valid: no biasing path is open without adjustment."
                    : "Valid: adjusting for " + QueryText.set(given) + " blocks every biasing path and opens none.";
            default -> check.explanation();
        };
        return new SetVerdict(check.valid(), explanation, flagged, byRole);
    }

    private static String identification(Question question, Optional<Identification> identification) {
        return switch (identification.orElseThrow()) {
            case Identification.NoCausalPath none -> "No directed path leads from " + QueryText.names(question.exposures())
                    + " to " + QueryText.names(question.outcomes()) + ": the total effect is zero.";
            case Identification.ByAdjustment adjustment -> "";
            case Identification.ByFrontDoor frontDoor -> frontDoorSentence(frontDoor.frontDoor());
            case Identification.NotIdentified not -> not.frontDoorTried()
                    ? "Not identifiable by the front-door criterion either; the do-calculus may still find a formula."
                    : "The front-door criterion needs exactly one exposure and one outcome.";
        };
    }

    private static String frontDoorSentence(FrontDoor.Listing listing) {
        List<Set<String>> sets = listing.sets();
        String others = sets.size() == 1 ? "" : " (" + (sets.size() - 1) + (listing.truncated() ? "+" : "")
                + " more: " + QueryText.names(sets.subList(1, sets.size()).stream().map(QueryText::set).toList()) + ")";
        return "But the effect is identifiable by the front-door criterion through " + QueryText.set(sets.getFirst())
                + others + ".";
    }

    private static String instrumentsNote(AnalysisReport report) {
        if (report.instruments().isEmpty()) {
            return report.exposures().isEmpty() || report.outcomes().isEmpty()
                    ? "Pick one exposure and one outcome to look for instruments."
                    : "Instruments need exactly one exposure and one outcome.";
        }
        return report.instruments().get().isEmpty() ? "No variable is an instrument, not even given other variables." : "";
    }
}

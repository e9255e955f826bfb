package org.recausal.desktop.query;

import java.util.Optional;
import java.util.Set;

import org.recausal.engine.analysis.AdjustmentAnalysis.Effect;
import org.recausal.engine.analysis.AnalysisReport;

/**
 * One run of the live analysis: the graph as it was at {@code graphVersion}, the effect asked about
 * and the set the analyst picked. {@code report} is the previous run's report when the graph has not
 * changed since, so picking a set or switching the effect does not redo the expensive part.
 */
record QueryRequest(long graphVersion, GraphSnapshot graph, Effect effect, Set<String> chosenSet,
        Optional<AnalysisReport> report) {

    QueryRequest {
        chosenSet = Set.copyOf(chosenSet);
    }
}

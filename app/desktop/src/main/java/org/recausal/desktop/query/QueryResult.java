package org.recausal.desktop.query;

import java.util.List;
import java.util.Optional;

import org.recausal.desktop.canvas.CanvasOverlay;
import org.recausal.engine.analysis.AnalysisReport;
import org.recausal.engine.analysis.Independence;
import org.recausal.engine.analysis.Instrument;

/**
 * Everything the panel shows after one run, computed off the UI thread.
 *
 * @param identification  a sentence on whether the total effect is identifiable when adjustment alone
 *                        does not say it all (zero effect, front door, neither); empty otherwise
 * @param verdict         the check of the picked set; empty when there is no question
 * @param pathsTruncated  the path search stopped at its limit, so more paths may exist
 * @param instrumentsNote why instruments are missing, or empty
 */
record QueryResult(long graphVersion, AnalysisReport report, Question question, QueryAnswer answer,
        String identification, Optional<SetVerdict> verdict, List<PathRow> paths, boolean pathsTruncated,
        CanvasOverlay overlay, List<Independence> implications, boolean implicationsTruncated,
        List<Instrument> instruments, String instrumentsNote) {

    QueryResult {
        paths = List.copyOf(paths);
        implications = List.copyOf(implications);
        instruments = List.copyOf(instruments);
    }
}

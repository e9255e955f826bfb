package org.recausal.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;

import org.recausal.engine.recsys.EpochReport;

import tools.jackson.databind.node.ArrayNode;

/**
 * A training run's epochs as {@code train} shows them: a progress line on stderr per shown epoch (epoch, loss, time,
 * and its validation metrics), and the same epochs as JSON rows for the result and the model file.
 */
final class EpochLines {
    private final PrintWriter err;
    private final ArrayNode rows = Json.object().arrayNode();

    EpochLines(PrintWriter err) {
        this.err = err;
    }

    /** Records the epoch when {@code shown}, with a line on stderr. */
    void add(EpochReport report, boolean shown) {
        if (!shown) {
            return;
        }
        var row = rows.addObject();
        row.put("epoch", report.epoch());
        row.put("loss", report.loss());
        row.put("seconds", report.seconds());
        row.put("elapsedSeconds", report.elapsedSeconds());
        report.validation().forEach(row::put);
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "epoch %d/%d  loss %.4f  %.1fs", report.epoch(),
                report.epochs(), report.loss(), report.seconds()));
        if (!report.validation().isEmpty()) {
            line.append("  validation");
            for (Map.Entry<String, Double> m : report.validation().entrySet()) {
                // The line shows what train sasrec's shows; Recall@10 and MRR stay in the JSON rows.
                if (!m.getKey().startsWith("Recall") && !m.getKey().equals("MRR")) {
                    line.append(String.format(Locale.ROOT, " %s %.4f", m.getKey(), m.getValue()));
                }
            }
        }
        err.println(line);
        err.flush();
    }

    ArrayNode rows() {
        return rows;
    }
}

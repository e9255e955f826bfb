package org.recausal.desktop.explain;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.recausal.engine.explain.Attribution;
import org.recausal.engine.explain.Counterfactual;
import org.recausal.engine.explain.Explanation;
import org.recausal.engine.explain.ExplanationJson;
import org.recausal.engine.explain.FaithfulnessCheck;
import org.recausal.engine.explain.HistoryItem;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An explanation as files a colleague can read without Recausal: CSV in long form (one number a line, named by
 * part, item, position from the end of the history and measure), and JSON with the fields the {@code explain}
 * command prints (attention, attributions, counterfactual, summary) and the rest of what the panel shows.
 */
final class ExplanationFiles {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ExplanationFiles() {
    }

    static void writeCsv(List<RecommendationRow> top, Explanation e, Path file) throws IOException {
        int length = e.history().size();
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("part,item,position,measure,value\n");
            for (RecommendationRow r : top) {
                line(out, "recommendation", r.item(), "", "score at rank " + r.rank(), r.score());
            }
            AttentionGrid grid = AttentionGrid.of(e.attention());
            List<HistoryItem> window = e.attention().window();
            for (int row = 0; row < grid.rowCount(); row++) {
                for (int c = 0; c < grid.columnCount(); c++) {
                    line(out, "attention", grid.items().get(row), fromEnd(window.get(row), length),
                            grid.columns().get(c).label(), grid.value(row, c));
                }
            }
            for (Attribution a : e.attributions().values()) {
                // A variable has no place in the history: its row names it with its observed value instead.
                String position = a.isVariable() ? "" : Integer.toString(a.position() - length);
                String name = a.isVariable() ? a.name() + " = " + a.observed() : a.name();
                line(out, "attribution", name, position, "Shapley value", a.value());
                line(out, "attribution", name, position, "standard error", a.standardError());
            }
            Counterfactual c = e.counterfactual();
            for (HistoryItem removed : c.removed()) {
                line(out, "counterfactual", removed.item(), fromEnd(removed, length), "removed", 1);
            }
            line(out, "counterfactual", e.item(), "", "rank now", c.originalRank());
            if (c.found()) {
                line(out, "counterfactual", e.item(), "", "rank without the removed items", c.newRank());
                line(out, "counterfactual", e.item(), "", "verified by re-scoring", c.verified() ? 1 : 0);
            }
            for (FaithfulnessCheck f : e.faithfulness().checks()) {
                String measure = "remove top " + f.removed() + " by " + f.ranking();
                line(out, "faithfulness", "", "", measure + ": score drop", f.drop());
                line(out, "faithfulness", "", "", measure + ": random drop mean", f.randomMean());
                line(out, "faithfulness", "", "", measure + ": random drop sd", f.randomSd());
            }
        }
    }

    /** The explanation in the {@code explain} command's JSON, with the model's name and the user's top list. */
    static void writeJson(String modelName, List<RecommendationRow> top, Explanation e, Path file) throws IOException {
        ObjectNode root = ExplanationJson.toJson(e);
        root.put("model_name", modelName);
        ArrayNode recommendations = root.putArray("recommendations");
        for (RecommendationRow r : top) {
            recommendations.addObject().put("rank", r.rank()).put("item", r.item()).put("score", r.score());
        }
        Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n",
                StandardCharsets.UTF_8);
    }

    private static String fromEnd(HistoryItem item, int length) {
        return Integer.toString(item.position() - length);
    }

    private static void line(Writer out, String part, String item, String position, String measure, double value)
            throws IOException {
        out.write(part + "," + quote(item) + "," + position + "," + quote(measure) + ","
                + String.format(Locale.ROOT, "%.9g", value) + "\n");
    }

    /** RFC 4180: a field with a comma, quote or line break goes in quotes, its quotes doubled. */
    static String quote(String field) {
        if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\n') < 0 && field.indexOf('\r') < 0) {
            return field;
        }
        return '"' + field.replace("\"", "\"\"") + '"';
    }
}

package org.recausal.desktop.explain;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An explanation as files a colleague can read without Recausal: CSV in long form (one value a line, named by
 * part, item, position and measure), and JSON with the same fields the {@code explain} command prints.
 */
final class ExplanationFiles {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ExplanationFiles() {
    }

    static void writeCsv(ExplainModel.UserExplanation e, Path file) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("part,item,position,measure,value\n");
            for (RecommendationRow r : e.recommendations()) {
                line(out, "recommendation", r.item(), Integer.toString(r.rank()), "score", r.score());
            }
            AttentionGrid g = e.attention();
            if (g != null) {
                for (int row = 0; row < g.rowCount(); row++) {
                    for (int c = 0; c < g.columnCount(); c++) {
                        line(out, "attention", g.items().get(row), Integer.toString(row - g.rowCount()),
                                g.columns().get(c).label(), g.value(row, c));
                    }
                }
            }
        }
    }

    static void writeJson(String modelName, ExplainModel.UserExplanation e, Path file) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("model", modelName);
        root.put("user", e.user());
        ArrayNode recommendations = root.putArray("recommendations");
        for (RecommendationRow r : e.recommendations()) {
            recommendations.addObject().put("rank", r.rank()).put("item", r.item()).put("score", r.score());
        }
        AttentionGrid g = e.attention();
        if (g != null) {
            ObjectNode attention = root.putObject("attention");
            ArrayNode history = attention.putArray("history");
            g.items().forEach(history::add);
            ArrayNode columns = attention.putArray("columns");
            g.columns().forEach(c -> columns.add(c.label()));
            ArrayNode weights = attention.putArray("weights");
            for (int row = 0; row < g.rowCount(); row++) {
                ArrayNode values = weights.addArray();
                for (int c = 0; c < g.columnCount(); c++) {
                    values.add(g.value(row, c));
                }
            }
        }
        Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n",
                StandardCharsets.UTF_8);
    }

    private static void line(Writer out, String part, String item, String position, String measure, double value)
            throws IOException {
        out.write(part + "," + quote(item) + "," + position + "," + quote(measure) + ","
                + String.format(Locale.ROOT, "%.9g", value) + "\n");
    }

    /** RFC 4180: a field with a comma, quote or line break goes in quotes, its quotes doubled. */
    private static String quote(String field) {
        if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\n') < 0 && field.indexOf('\r') < 0) {
            return field;
        }
        return '"' + field.replace("\"", "\"\"") + '"';
    }
}

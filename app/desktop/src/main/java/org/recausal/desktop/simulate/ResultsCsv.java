package org.recausal.desktop.simulate;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.recausal.engine.estimate.Interval;
import org.recausal.engine.estimate.ScenarioResult;

/**
 * Results as CSV: a scenario's, one row per outcome quantity, then the outcome distributions bin by bin; or a
 * comparison of scenarios, one row per scenario and quantity.
 */
final class ResultsCsv {

    private ResultsCsv() {
    }

    static void write(ScenarioResult result, Path file) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("scenario,outcome,quantity,baseline,baseline_lower,baseline_upper,intervened,intervened_lower,"
                    + "intervened_upper,effect,effect_lower,effect_upper\n");
            for (ScenarioResult.QuantityEffect e : result.effects()) {
                out.write(String.join(",", quote(result.scenario()), quote(e.outcome()), quote(e.quantity()),
                        number(e.baselineMean()), bounds(e.baselineCi()), number(e.mean()), bounds(e.ci()),
                        number(e.effect()), bounds(e.effectCi())) + "\n");
            }
            out.write("\noutcome,bin,baseline,intervened\n");
            for (ScenarioResult.OutcomeDistribution d : result.distributions()) {
                for (int i = 0; i < d.baseline().length; i++) {
                    out.write(String.join(",", quote(d.outcome()), quote(Bins.label(d, i)), number(d.baseline()[i]),
                            number(d.intervened()[i])) + "\n");
                }
            }
        }
    }

    static void writeComparison(List<ComparisonRow> rows, Path file) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("scenario,interventions,baseline,subgroup,outcome,quantity,baseline_value,intervened,effect,"
                    + "effect_lower,effect_upper\n");
            for (ComparisonRow row : rows) {
                ScenarioResult.QuantityEffect e = row.effect().values();
                out.write(String.join(",", quote(row.scenario()), quote(row.interventions()), quote(row.against()),
                        quote(row.subgroup()), quote(e.outcome()), quote(e.quantity()), number(e.baselineMean()),
                        number(e.mean()), number(e.effect()), bounds(e.effectCi())) + "\n");
            }
        }
    }

    private static String bounds(Interval ci) {
        return ci == null ? "," : number(ci.lower()) + "," + number(ci.upper());
    }

    private static String number(double value) {
        return Double.isNaN(value) ? "" : String.format(Locale.ROOT, "%.6g", value);
    }

    private static String quote(String text) {
        return text.contains(",") || text.contains("\"") ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}

package org.recausal.desktop.explain;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.recausal.engine.policy.PolicyResult;

/** Policy comparisons as CSV: one line per policy and metric, both worlds and the difference with intervals. */
final class PolicyFiles {
    private PolicyFiles() {
    }

    static void writeCsv(List<PolicyResult> results, Path file) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("policy,definition,metric,group,current,current_low,current_high,policy_value,policy_low,"
                    + "policy_high,difference,difference_low,difference_high\n");
            for (PolicyResult r : results) {
                for (PolicyResult.MetricEffect m : r.metrics()) {
                    out.write(String.join(",", ExplanationFiles.quote(r.policy()), ExplanationFiles.quote(r.definition()), ExplanationFiles.quote(m.metric()),
                            ExplanationFiles.quote(m.group() == null ? "" : m.group()), estimate(m.current()), estimate(m.policy()),
                            estimate(m.difference())) + "\n");
                }
            }
        }
    }

    private static String estimate(PolicyResult.Estimate e) {
        return number(e.value()) + "," + number(e.ci().lower()) + "," + number(e.ci().upper());
    }

    private static String number(double value) {
        return Double.isNaN(value) ? "" : String.format(Locale.ROOT, "%.9g", value);
    }
}

package org.recausal.engine.report;

import static org.recausal.engine.report.SvgChart.escape;
import static org.recausal.engine.report.SvgChart.number;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.recausal.engine.Version;
import org.recausal.engine.estimate.Interval;
import org.recausal.engine.policy.PolicyData;
import org.recausal.engine.policy.PolicyResult;

/**
 * A policy simulation as one self-contained HTML file (styles inline, charts as inline SVG, no scripts or links),
 * so a colleague without Recausal can open it in any browser: the policy's definition, a summary, the effects
 * with their intervals in a table and a chart, the outcomes in both worlds, the user groups, the uplifts of
 * recommendations and users, the off-policy estimates beside the simulation, and the notes.
 */
public final class PolicyReport {

    private static final String CURRENT = "#8c99a6";
    private static final String POLICY = "#2f6fdf";
    private static final Map<String, String> WORLDS = colours("current policy", CURRENT, "new policy", POLICY);
    private static final Map<String, String> ESTIMATORS = colours("simulation", POLICY, "IPS", "#d9822b", "SNIPS",
            "#8e5bd1", "DR", "#2a9d6f");
    private static final int LISTED = 10;

    private PolicyReport() {
    }

    public static void write(PolicyResult result, PolicyData data, String title, Writer out) throws IOException {
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang='en'><head><meta charset='utf-8'><title>").append(escape(title))
                .append("</title><style>").append(STYLE).append("</style></head><body><main>");
        html.append("<h1>").append(escape(title)).append("</h1>");
        html.append("<p class='definition'><b>Policy</b> <code>").append(escape(result.policy()))
                .append("</code>: <code>").append(escape(result.definition())).append("</code></p>");
        summary(html, result);
        effects(html, result);
        worlds(html, result);
        groups(html, result);
        uplifts(html, result, data);
        offPolicy(html, result);
        notes(html, result);
        html.append("<footer>").append(String.format("%,d logged rows, %d simulation draws per row, %d bootstrap"
                + " replicates, %d%% intervals, seed %d. Written by Recausal %s.", result.rows(), result.draws(),
                result.replicates(), Math.round(result.level() * 100), result.seed(), Version.current()))
                .append("</footer></main></body></html>\n");
        out.write(html.toString());
    }

    private static void summary(StringBuilder html, PolicyResult result) {
        html.append("<section><h2>Summary</h2><ul>");
        for (PolicyResult.MetricEffect metric : overall(result)) {
            if (metric.metric().startsWith("gap:")) {
                continue;
            }
            PolicyResult.Estimate d = metric.difference();
            html.append("<li>").append(escape(metric.label())).append(": ").append(number(metric.current().value()))
                    .append(" &rarr; ").append(number(metric.policy().value())).append(", a change of <b>")
                    .append(signed(d.value())).append("</b>").append(interval(d.ci()))
                    .append(verdict(d.ci())).append("</li>");
        }
        html.append("</ul><p class='hint'>Values are per logged (user, item) pair the ranking considered. The"
                + " intervals come from bootstrap replicates that refit every mechanism, so they include the"
                + " uncertainty of the fit.</p></section>");
    }

    private static String verdict(Interval ci) {
        if (!Double.isFinite(ci.lower())) {
            return "";
        }
        return ci.lower() > 0 ? " <span class='up'>(increase)</span>" : ci.upper() < 0
                ? " <span class='down'>(decrease)</span>" : " <span class='flat'>(no clear change)</span>";
    }

    private static void effects(StringBuilder html, PolicyResult result) {
        html.append("<section><h2>Effects</h2><table><thead><tr><th>Metric</th><th>Current policy</th>"
                + "<th>New policy</th><th>Change</th></tr></thead><tbody>");
        List<SvgChart.Point> points = new ArrayList<>();
        for (PolicyResult.MetricEffect metric : overall(result)) {
            html.append("<tr><td>").append(escape(metric.label())).append("</td>");
            for (PolicyResult.Estimate e : List.of(metric.current(), metric.policy(), metric.difference())) {
                html.append("<td>").append(e == metric.difference() ? signed(e.value()) : number(e.value()))
                        .append(interval(e.ci())).append("</td>");
            }
            html.append("</tr>");
            double base = metric.current().value();
            if (base != 0 && Double.isFinite(base)) {
                Interval ci = metric.difference().ci();
                points.add(new SvgChart.Point(metric.label(), "new policy", 100 * metric.difference().value() / base,
                        100 * ci.lower() / base, 100 * ci.upper() / base));
            }
        }
        html.append("</tbody></table>");
        html.append("<figure>").append(SvgChart.intervals(points, "change relative to the current policy (%)",
                colours("new policy", POLICY))).append("<figcaption>Each metric's change as a share of its current"
                + " value, with its interval; the dashed line is no change.</figcaption></figure></section>");
    }

    private static void worlds(StringBuilder html, PolicyResult result) {
        List<SvgChart.Bar> bars = new ArrayList<>();
        for (PolicyResult.MetricEffect metric : overall(result)) {
            if (metric.label().startsWith("P(")) {
                bars.add(bar(metric.label(), "current policy", metric.current()));
                bars.add(bar(metric.label(), "new policy", metric.policy()));
            }
        }
        if (!bars.isEmpty()) {
            html.append("<section><h2>Probabilities under both policies</h2><figure>")
                    .append(SvgChart.bars(bars, "probability per considered pair", WORLDS)).append("</figure></section>");
        }
    }

    private static void groups(StringBuilder html, PolicyResult result) {
        List<PolicyResult.MetricEffect> grouped = result.metrics().stream().filter(m -> m.group() != null).toList();
        if (grouped.isEmpty()) {
            return;
        }
        String primary = result.uplifts().outcomes().getFirst();
        html.append("<section><h2>User groups</h2>");
        List<SvgChart.Bar> bars = new ArrayList<>();
        for (PolicyResult.MetricEffect metric : grouped) {
            if (metric.metric().equals(primary)) {
                bars.add(bar(metric.group(), "current policy", metric.current()));
                bars.add(bar(metric.group(), "new policy", metric.policy()));
            }
        }
        html.append("<figure>").append(SvgChart.bars(bars, grouped.stream().filter(m -> m.metric().equals(primary))
                .findFirst().orElseThrow().label().replaceAll(" \\|.*", "") + " by group", WORLDS))
                .append("</figure>");
        html.append("<table><thead><tr><th>Outcome in group</th><th>Current policy</th><th>New policy</th>"
                + "<th>Change</th></tr></thead><tbody>");
        for (PolicyResult.MetricEffect metric : grouped) {
            html.append("<tr><td>").append(escape(metric.label())).append("</td><td>")
                    .append(number(metric.current().value())).append("</td><td>").append(number(metric.policy().value()))
                    .append("</td><td>").append(signed(metric.difference().value()))
                    .append(interval(metric.difference().ci())).append("</td></tr>");
        }
        html.append("</tbody></table><p class='hint'>A gap is the largest group mean minus the smallest; a policy"
                + " that narrows it treats the groups more alike.</p></section>");
    }

    private static void uplifts(StringBuilder html, PolicyResult result, PolicyData data) {
        PolicyResult.Uplifts uplifts = result.uplifts();
        String primary = uplifts.outcomes().getFirst();
        html.append("<section><h2>Uplift per recommendation</h2><figure>")
                .append(SvgChart.histogram(uplifts.perRow()[0], 40, "expected change in " + primary
                        + " per logged recommendation", POLICY))
                .append("<figcaption>How the policy's expected change in ").append(escape(primary))
                .append(" spreads over the logged recommendations.</figcaption></figure>");
        html.append("<h3>Largest and smallest uplifts</h3><table><thead><tr><th>Row</th>");
        if (data.users() != null) {
            html.append("<th>User</th>");
        }
        if (data.items() != null) {
            html.append("<th>Item</th>");
        }
        html.append("<th>P(shown) now</th><th>P(shown) then</th>");
        uplifts.outcomes().forEach(o -> html.append("<th>&Delta; ").append(escape(o)).append("</th>"));
        html.append("</tr></thead><tbody>");
        for (int row : PolicyExports.extremes(uplifts.perRow()[0], LISTED / 2)) {
            html.append("<tr><td>").append(row + 1).append("</td>");
            if (data.users() != null) {
                html.append("<td>").append(escape(data.users()[row])).append("</td>");
            }
            if (data.items() != null) {
                html.append("<td>").append(escape(data.items()[row])).append("</td>");
            }
            html.append("<td>").append(number(uplifts.currentExposure()[row])).append("</td><td>")
                    .append(number(uplifts.policyExposure()[row])).append("</td>");
            for (double[] perRow : uplifts.perRow()) {
                html.append("<td>").append(signed(perRow[row])).append("</td>");
            }
            html.append("</tr>");
        }
        html.append("</tbody></table>");
        if (!uplifts.perUser().isEmpty()) {
            html.append("<h3>Users gaining and losing most</h3><table><thead><tr><th>User</th><th>Rows</th>");
            uplifts.outcomes().forEach(o -> html.append("<th>&Delta; ").append(escape(o)).append("</th>"));
            html.append("</tr></thead><tbody>");
            double[] primaryPerUser = uplifts.perUser().stream().mapToDouble(u -> u.uplift()[0]).toArray();
            for (int at : PolicyExports.extremes(primaryPerUser, LISTED / 2)) {
                PolicyResult.UserUplift user = uplifts.perUser().get(at);
                html.append("<tr><td>").append(escape(user.user())).append("</td><td>").append(user.rows())
                        .append("</td>");
                for (double u : user.uplift()) {
                    html.append("<td>").append(signed(u)).append("</td>");
                }
                html.append("</tr>");
            }
            html.append("</tbody></table>");
        }
        html.append("</section>");
    }

    private static void offPolicy(StringBuilder html, PolicyResult result) {
        PolicyResult.OffPolicy off = result.offPolicy();
        html.append("<section><h2>Off-policy estimates</h2>");
        if (off == null) {
            html.append("<p>The log has no exposure propensities, so only the simulation answers.</p></section>");
            return;
        }
        html.append("<p>The log's propensities re-weight its exposure decisions to those the policy would make"
                + " (effective sample size ").append(number(off.effectiveSampleSize())).append(", largest weight ")
                .append(number(off.maxWeight())).append("). The simulation beside them applies the same exposure"
                + " decisions and keeps every other variable as the current policy has it.</p>");
        List<SvgChart.Point> points = new ArrayList<>();
        html.append("<table><thead><tr><th>Outcome</th><th>Logged mean</th><th>Estimator</th><th>Value</th>"
                + "<th>Change</th><th></th></tr></thead><tbody>");
        for (PolicyResult.OffPolicyOutcome outcome : off.outcomes()) {
            html.append("<tr><td>").append(escape(outcome.outcome())).append("</td><td>")
                    .append(number(outcome.logged())).append("</td><td>simulation</td><td></td><td>")
                    .append(signed(outcome.simulated().value())).append(interval(outcome.simulated().ci()))
                    .append("</td><td></td></tr>");
            points.add(point(outcome.outcome() + ", simulation", "simulation", outcome.simulated()));
            for (PolicyResult.Estimator estimator : outcome.estimators()) {
                html.append("<tr><td></td><td></td><td>").append(estimator.name()).append("</td><td>")
                        .append(number(estimator.value().value())).append(interval(estimator.value().ci()))
                        .append("</td><td>").append(signed(estimator.difference().value()))
                        .append(interval(estimator.difference().ci())).append("</td><td>")
                        .append(estimator.disagrees() ? "<span class='warn'>disagrees</span>" : "").append("</td></tr>");
                points.add(point(outcome.outcome() + ", " + estimator.name(), estimator.name(),
                        estimator.difference()));
            }
        }
        html.append("</tbody></table><figure>").append(SvgChart.intervals(points, "change against the current policy",
                ESTIMATORS)).append("</figure></section>");
    }

    private static void notes(StringBuilder html, PolicyResult result) {
        if (result.notes().isEmpty()) {
            return;
        }
        html.append("<section><h2>Notes</h2><ul>");
        result.notes().forEach(n -> html.append("<li>").append(escape(n)).append("</li>"));
        html.append("</ul></section>");
    }

    private static List<PolicyResult.MetricEffect> overall(PolicyResult result) {
        return result.metrics().stream().filter(m -> m.group() == null).toList();
    }

    private static SvgChart.Bar bar(String category, String series, PolicyResult.Estimate e) {
        return new SvgChart.Bar(category, series, e.value(), e.ci().lower(), e.ci().upper());
    }

    private static SvgChart.Point point(String label, String series, PolicyResult.Estimate e) {
        return new SvgChart.Point(label, series, e.value(), e.ci().lower(), e.ci().upper());
    }

    private static String interval(Interval ci) {
        if (!Double.isFinite(ci.lower()) || !Double.isFinite(ci.upper())) {
            return "";
        }
        return " <span class='ci'>[" + number(ci.lower()) + ", " + number(ci.upper()) + "]</span>";
    }

    private static String signed(double value) {
        return Double.isFinite(value) && value > 0 ? "+" + number(value) : number(value);
    }

    private static Map<String, String> colours(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    private static final String STYLE = "body{margin:0;background:#f7f8fa;color:#2b3138;"
            + "font:15px/1.5 system-ui,-apple-system,'Segoe UI',sans-serif}"
            + "main{max-width:820px;margin:0 auto;padding:28px 32px 40px;background:#fff}"
            + "h1{font-size:24px;margin:0 0 8px}h2{font-size:18px;margin:28px 0 8px;border-bottom:1px solid #e3e7eb;"
            + "padding-bottom:4px}h3{font-size:15px;margin:18px 0 6px}"
            + "code{font:13px ui-monospace,Menlo,Consolas,monospace;background:#f0f2f5;padding:1px 4px;border-radius:3px}"
            + "table{border-collapse:collapse;width:100%;font-size:13px;margin:8px 0}"
            + "th,td{text-align:left;padding:4px 8px;border-bottom:1px solid #eceff2}th{background:#f4f6f8}"
            + ".ci{color:#6b7580}.hint,figcaption,footer{color:#6b7580;font-size:13px}figure{margin:12px 0}"
            + ".up{color:#2a7d4f}.down{color:#b3412e}.flat{color:#6b7580}.warn{color:#b3412e;font-weight:600}"
            + "footer{margin-top:32px;border-top:1px solid #e3e7eb;padding-top:8px}";
}

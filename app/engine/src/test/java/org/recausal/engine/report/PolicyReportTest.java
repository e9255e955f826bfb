package org.recausal.engine.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.recausal.engine.estimate.Interval;
import org.recausal.engine.policy.PolicyData;
import org.recausal.engine.policy.PolicyResult;
import org.recausal.engine.policy.PolicyResult.Estimate;
import org.recausal.engine.scm.Observations;
import org.recausal.engine.model.Scale;

import tools.jackson.databind.JsonNode;

class PolicyReportTest {

    private static Estimate e(double value, double lower, double upper) {
        return new Estimate(value, new Interval(lower, upper, 0.95));
    }

    /** Three logged rows, two users, with every part of a result filled in. */
    private static PolicyResult result() {
        List<PolicyResult.MetricEffect> metrics = List.of(
                new PolicyResult.MetricEffect("exposure", null, "P(exposure=1)", e(0.4, 0.38, 0.42),
                        e(0.3, 0.28, 0.32), e(-0.1, -0.12, -0.08)),
                new PolicyResult.MetricEffect("purchase", null, "P(purchase=1)", e(0.05, 0.04, 0.06),
                        e(0.045, 0.04, 0.05), e(-0.005, -0.008, -0.002)),
                new PolicyResult.MetricEffect("purchase", "device=<app>", "P(purchase=1) | device=<app>",
                        e(0.06, 0.05, 0.07), e(0.05, 0.04, 0.06), e(-0.01, -0.02, 0.001)));
        PolicyResult.Uplifts uplifts = new PolicyResult.Uplifts(List.of("purchase"), new double[] {0.5, 0.2, 0.9},
                new double[] {0.4, 0.3, 0.1}, new double[][] {{-0.01, 0.02, -0.05}},
                List.of(new PolicyResult.UserUplift("ann", 2, new double[] {0.01}),
                        new PolicyResult.UserUplift("bob", 1, new double[] {-0.05})));
        PolicyResult.OffPolicy off = new PolicyResult.OffPolicy(List.of(new PolicyResult.OffPolicyOutcome("purchase",
                0.05, e(-0.004, -0.006, -0.002), List.of(
                        new PolicyResult.Estimator("IPS", e(0.046, 0.04, 0.052), e(-0.004, -0.007, -0.001), false),
                        new PolicyResult.Estimator("SNIPS", e(0.046, 0.04, 0.052), e(-0.004, -0.007, -0.001), false),
                        new PolicyResult.Estimator("DR", e(0.03, 0.028, 0.032), e(-0.02, -0.022, -0.018), true)))),
                2.5, 3.0);
        return new PolicyResult("popularity-penalty=0.5", "score := score - 0.5 * log(1 + popularity)", metrics,
                uplifts, off, List.of("DR and the simulation disagree on purchase"), 3, 4, 50, 0.95, 1);
    }

    private static PolicyData data() {
        Observations rows = new Observations(List.of("x"), List.of(Scale.numeric()), List.of(new double[] {1, 2, 3}));
        return PolicyData.of(rows).withIds(new String[] {"ann", "ann", "bob"}, new String[] {"i1", "i2", "i<3>"});
    }

    @Test
    void theReportIsOneSelfContainedPageWithEveryPart() throws Exception {
        StringWriter out = new StringWriter();
        PolicyReport.write(result(), data(), "Penalty & co", out);
        String html = out.toString();
        assertThat(html).startsWith("<!DOCTYPE html>").endsWith("</html>\n");
        assertThat(html).contains("<title>Penalty &amp; co</title>", "P(purchase=1) | device=&lt;app&gt;", "i&lt;3&gt;");
        assertThat(html).doesNotContain("<script", "<link", "src=", "@import", "i<3>");
        // Only the SVG namespace names a web address, and no resource is loaded from anywhere.
        assertThat(html.replace("http://www.w3.org/2000/svg", "")).doesNotContain("http");
        assertThat(html.split("<svg", -1)).hasSize(1 + 5);
        // Legends name the worlds and the estimators.
        assertThat(html).contains(">current policy</text>", ">new policy</text>", ">IPS</text>", ">DR</text>");
        assertThat(html).contains("<span class='warn'>disagrees</span>", "DR and the simulation disagree on purchase");
        assertThat(html).contains("P(exposure=1): 0.4 &rarr; 0.3, a change of <b>-0.1</b>");
    }

    @Test
    void jsonAndCsvCarryTheNumbers() throws Exception {
        JsonNode json = PolicyExports.json(result(), data(), 1);
        assertThat(json.get("metrics").get(1).get("difference_ci").get(0).doubleValue()).isEqualTo(-0.008);
        assertThat(json.get("metrics").get(0).get("group").isNull()).isTrue();
        // One largest and one smallest uplift.
        assertThat(json.get("uplift").get("recommendations")).hasSize(2);
        assertThat(json.get("uplift").get("recommendations").get(0).get("item").stringValue()).isEqualTo("i2");
        assertThat(json.get("uplift").get("recommendations").get(1).get("row").intValue()).isEqualTo(3);
        assertThat(json.get("uplift").get("users").get(1).get("user").stringValue()).isEqualTo("bob");
        assertThat(json.get("off_policy").get("outcomes").get(0).get("estimators").get(2)
                .get("disagrees_with_simulation").booleanValue()).isTrue();
        StringWriter csv = new StringWriter();
        PolicyExports.writeMetricsCsv(result(), csv);
        assertThat(csv.toString().split("\n")).hasSize(4);
        assertThat(csv.toString()).contains("purchase,device=<app>,P(purchase=1) | device=<app>,0.06,0.05,0.07,");
        StringWriter rows = new StringWriter();
        PolicyExports.writeUpliftCsv(result(), data(), rows);
        assertThat(rows.toString()).startsWith("row,user,item,current_exposure,policy_exposure,uplift_purchase\n"
                + "1,ann,i1,0.5,0.4,-0.01\n");
    }
}

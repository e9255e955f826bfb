package org.recausal.engine.report;

import java.io.IOException;
import java.io.Writer;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

import org.recausal.engine.estimate.Interval;
import org.recausal.engine.policy.PolicyData;
import org.recausal.engine.policy.PolicyResult;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A policy simulation's results as JSON (for tools and the command line) and CSV (for spreadsheets): the metrics,
 * the uplifts of recommendations and users, the off-policy block and the notes. Numbers that are not finite are
 * written as null in JSON and left empty in CSV.
 */
public final class PolicyExports {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private PolicyExports() {
    }

    /**
     * @param top how many recommendations and users with the largest and the smallest uplift in the primary
     *            outcome to list, each way
     */
    public static ObjectNode json(PolicyResult result, PolicyData data, int top) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("policy", result.policy());
        root.put("definition", result.definition());
        root.put("rows", result.rows());
        root.put("draws", result.draws());
        root.put("replicates", result.replicates());
        root.put("level", result.level());
        root.put("seed", result.seed());
        ArrayNode metrics = root.putArray("metrics");
        for (PolicyResult.MetricEffect metric : result.metrics()) {
            ObjectNode node = metrics.addObject();
            node.put("metric", metric.metric());
            if (metric.group() == null) {
                node.putNull("group");
            } else {
                node.put("group", metric.group());
            }
            node.put("label", metric.label());
            estimate(node, "current", metric.current());
            estimate(node, "policy", metric.policy());
            estimate(node, "difference", metric.difference());
        }
        root.set("uplift", uplift(result.uplifts(), data, top));
        if (result.offPolicy() == null) {
            root.putNull("off_policy");
        } else {
            root.set("off_policy", offPolicy(result.offPolicy()));
        }
        ArrayNode notes = root.putArray("notes");
        result.notes().forEach(notes::add);
        return root;
    }

    public static String jsonText(PolicyResult result, PolicyData data, int top) {
        return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(json(result, data, top));
    }

    private static ObjectNode uplift(PolicyResult.Uplifts uplifts, PolicyData data, int top) {
        ObjectNode node = MAPPER.createObjectNode();
        ArrayNode outcomes = node.putArray("outcomes");
        uplifts.outcomes().forEach(outcomes::add);
        node.put("ranked_by", uplifts.outcomes().getFirst());
        double[] primary = uplifts.perRow()[0];
        ArrayNode rows = node.putArray("recommendations");
        for (int row : extremes(primary, top)) {
            ObjectNode item = rows.addObject();
            item.put("row", row + 1);
            if (data.users() != null) {
                item.put("user", data.users()[row]);
            }
            if (data.items() != null) {
                item.put("item", data.items()[row]);
            }
            number(item, "current_exposure", uplifts.currentExposure()[row]);
            number(item, "policy_exposure", uplifts.policyExposure()[row]);
            ObjectNode values = item.putObject("uplift");
            for (int o = 0; o < uplifts.outcomes().size(); o++) {
                number(values, uplifts.outcomes().get(o), uplifts.perRow()[o][row]);
            }
        }
        ArrayNode users = node.putArray("users");
        List<PolicyResult.UserUplift> perUser = uplifts.perUser();
        double[] userPrimary = perUser.stream().mapToDouble(u -> u.uplift()[0]).toArray();
        for (int at : extremes(userPrimary, top)) {
            PolicyResult.UserUplift user = perUser.get(at);
            ObjectNode item = users.addObject();
            item.put("user", user.user());
            item.put("rows", user.rows());
            ObjectNode values = item.putObject("uplift");
            for (int o = 0; o < uplifts.outcomes().size(); o++) {
                number(values, uplifts.outcomes().get(o), user.uplift()[o]);
            }
        }
        return node;
    }

    /** The indices of the {@code top} largest values, then of the {@code top} smallest, largest first overall. */
    static int[] extremes(double[] values, int top) {
        Integer[] order = IntStream.range(0, values.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -values[i]).thenComparingInt(i -> i));
        if (order.length <= 2 * top) {
            return Arrays.stream(order).mapToInt(Integer::intValue).toArray();
        }
        return IntStream.concat(IntStream.range(0, top), IntStream.range(order.length - top, order.length))
                .map(k -> order[k]).toArray();
    }

    private static ObjectNode offPolicy(PolicyResult.OffPolicy off) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("action", "exposure");
        number(node, "effective_sample_size", off.effectiveSampleSize());
        number(node, "max_weight", off.maxWeight());
        ArrayNode outcomes = node.putArray("outcomes");
        for (PolicyResult.OffPolicyOutcome outcome : off.outcomes()) {
            ObjectNode item = outcomes.addObject();
            item.put("outcome", outcome.outcome());
            number(item, "logged", outcome.logged());
            estimate(item, "simulated_difference", outcome.simulated());
            ArrayNode estimators = item.putArray("estimators");
            for (PolicyResult.Estimator estimator : outcome.estimators()) {
                ObjectNode e = estimators.addObject();
                e.put("estimator", estimator.name());
                estimate(e, "value", estimator.value());
                estimate(e, "difference", estimator.difference());
                e.put("disagrees_with_simulation", estimator.disagrees());
            }
        }
        return node;
    }

    private static void estimate(ObjectNode node, String field, PolicyResult.Estimate estimate) {
        number(node, field, estimate.value());
        Interval ci = estimate.ci();
        if (Double.isFinite(ci.lower()) && Double.isFinite(ci.upper())) {
            node.putArray(field + "_ci").add(ci.lower()).add(ci.upper());
        } else {
            node.putNull(field + "_ci");
        }
    }

    private static void number(ObjectNode node, String field, double value) {
        if (Double.isFinite(value)) {
            node.put(field, value);
        } else {
            node.putNull(field);
        }
    }

    /** The metrics table: one line per metric (and group), with the three estimates and their intervals. */
    public static void writeMetricsCsv(PolicyResult result, Writer out) throws IOException {
        out.write("metric,group,label,current,current_lower,current_upper,policy,policy_lower,policy_upper,"
                + "difference,difference_lower,difference_upper\n");
        for (PolicyResult.MetricEffect metric : result.metrics()) {
            StringBuilder line = new StringBuilder();
            line.append(csv(metric.metric())).append(',').append(csv(metric.group() == null ? "" : metric.group()))
                    .append(',').append(csv(metric.label()));
            for (PolicyResult.Estimate estimate : List.of(metric.current(), metric.policy(), metric.difference())) {
                line.append(',').append(csvNumber(estimate.value())).append(',')
                        .append(csvNumber(estimate.ci().lower())).append(',').append(csvNumber(estimate.ci().upper()));
            }
            out.write(line.append('\n').toString());
        }
    }

    /** Every logged recommendation: its ids where known, exposure probability in both worlds and outcome uplifts. */
    public static void writeUpliftCsv(PolicyResult result, PolicyData data, Writer out) throws IOException {
        PolicyResult.Uplifts uplifts = result.uplifts();
        StringBuilder header = new StringBuilder("row");
        if (data.users() != null) {
            header.append(",user");
        }
        if (data.items() != null) {
            header.append(",item");
        }
        header.append(",current_exposure,policy_exposure");
        uplifts.outcomes().forEach(o -> header.append(",uplift_").append(csv(o)));
        out.write(header.append('\n').toString());
        StringBuilder line = new StringBuilder();
        for (int row = 0; row < uplifts.currentExposure().length; row++) {
            line.setLength(0);
            line.append(row + 1);
            if (data.users() != null) {
                line.append(',').append(csv(data.users()[row]));
            }
            if (data.items() != null) {
                line.append(',').append(csv(data.items()[row]));
            }
            line.append(',').append(csvNumber(uplifts.currentExposure()[row])).append(',')
                    .append(csvNumber(uplifts.policyExposure()[row]));
            for (double[] perRow : uplifts.perRow()) {
                line.append(',').append(csvNumber(perRow[row]));
            }
            out.write(line.append('\n').toString());
        }
    }

    private static String csvNumber(double value) {
        return Double.isFinite(value) ? Double.toString(value) : "";
    }

    private static String csv(String text) {
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }
}

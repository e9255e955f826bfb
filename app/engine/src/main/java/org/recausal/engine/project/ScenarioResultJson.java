package org.recausal.engine.project;

import java.util.List;

import org.recausal.engine.estimate.Interval;
import org.recausal.engine.estimate.ScenarioResult;
import org.recausal.engine.estimate.ScenarioResult.OutcomeDistribution;
import org.recausal.engine.estimate.ScenarioResult.QuantityEffect;
import org.recausal.engine.estimate.ScenarioResult.Quantiles;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON form of a scenario's result, as kept in {@code results.json}. Numbers are written exactly (shortest
 * round-trip form); a value that is not a number (an interval without bootstrap replicates) is written as
 * {@code null} and read back as NaN.
 */
public final class ScenarioResultJson {

    private ScenarioResultJson() {
    }

    public static ObjectNode toJson(ScenarioResult result) {
        ObjectNode json = PartJson.object();
        json.put("scenario", result.scenario());
        json.put("samples", result.samples());
        number(json, "subgroupShare", result.subgroupShare());
        json.put("replicates", result.replicates());
        ArrayNode effects = json.putArray("effects");
        for (QuantityEffect e : result.effects()) {
            ObjectNode item = effects.addObject();
            item.put("outcome", e.outcome());
            item.put("quantity", e.quantity());
            number(item, "mean", e.mean());
            interval(item, "ci", e.ci());
            number(item, "baselineMean", e.baselineMean());
            interval(item, "baselineCi", e.baselineCi());
            number(item, "effect", e.effect());
            interval(item, "effectCi", e.effectCi());
        }
        ArrayNode distributions = json.putArray("distributions");
        for (OutcomeDistribution d : result.distributions()) {
            ObjectNode item = distributions.addObject();
            item.put("outcome", d.outcome());
            ArrayNode levels = item.putArray("levels");
            d.levels().forEach(levels::add);
            numbers(item, "edges", d.edges());
            numbers(item, "intervened", d.intervened());
            numbers(item, "baseline", d.baseline());
            quantiles(item, "intervenedQuantiles", d.intervenedQuantiles());
            quantiles(item, "baselineQuantiles", d.baselineQuantiles());
        }
        return json;
    }

    /** @throws ProjectFileException naming {@code where} and the field that is missing or wrong */
    public static ScenarioResult fromJson(ObjectNode json, String where) throws ProjectFileException {
        String scenario = PartJson.text(json, "scenario", where);
        where += " (scenario '" + scenario + "')";
        List<QuantityEffect> effects = PartJson.objects(json, "effects", where, "effect",
                (e, at) -> new QuantityEffect(PartJson.text(e, "outcome", at), PartJson.text(e, "quantity", at),
                        number(e, "mean", at), interval(e, "ci", at), number(e, "baselineMean", at),
                        interval(e, "baselineCi", at), number(e, "effect", at), interval(e, "effectCi", at)));
        List<OutcomeDistribution> distributions = PartJson.objects(json, "distributions", where, "distribution",
                (d, at) -> {
                    List<String> levels = PartJson.texts(d, "levels", at);
                    return new OutcomeDistribution(PartJson.text(d, "outcome", at), levels, numbers(d, "edges", at),
                            numbers(d, "intervened", at), numbers(d, "baseline", at),
                            quantiles(d, "intervenedQuantiles", at), quantiles(d, "baselineQuantiles", at));
                });
        return new ScenarioResult(scenario, effects, distributions, PartJson.integer(json, "samples", where),
                number(json, "subgroupShare", where), PartJson.integer(json, "replicates", where));
    }

    private static void number(ObjectNode json, String field, double value) {
        PartJson.putNumber(json, field, value);
    }

    private static double number(JsonNode json, String field, String where) throws ProjectFileException {
        return PartJson.numberOrNaN(json, field, where);
    }

    static void interval(ObjectNode json, String field, Interval interval) {
        ObjectNode item = json.putObject(field);
        number(item, "lower", interval.lower());
        number(item, "upper", interval.upper());
        number(item, "level", interval.level());
    }

    static Interval interval(JsonNode json, String field, String where) throws ProjectFileException {
        ObjectNode item = PartJson.requiredObject(json, field, where);
        String at = where + ": " + field;
        return new Interval(number(item, "lower", at), number(item, "upper", at), number(item, "level", at));
    }

    private static void numbers(ObjectNode json, String field, double[] values) {
        if (values == null) {
            json.putNull(field);
            return;
        }
        ArrayNode array = json.putArray(field);
        for (double v : values) {
            if (Double.isFinite(v)) {
                array.add(v);
            } else {
                array.addNull();
            }
        }
    }

    private static double[] numbers(JsonNode json, String field, String where) throws ProjectFileException {
        JsonNode value = json.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        ArrayNode array = PartJson.array(json, field, where);
        double[] values = new double[array.size()];
        for (int i = 0; i < values.length; i++) {
            JsonNode v = array.get(i);
            if (v.isNull()) {
                values[i] = Double.NaN;
            } else if (v.isNumber() && Double.isFinite(v.doubleValue())) {
                values[i] = v.doubleValue();
            } else {
                throw new ProjectFileException(where + ": \"" + field + "\" value " + (i + 1) + " is not a number");
            }
        }
        return values;
    }

    private static void quantiles(ObjectNode json, String field, Quantiles q) {
        if (q == null) {
            json.putNull(field);
            return;
        }
        ObjectNode item = json.putObject(field);
        number(item, "q05", q.q05());
        number(item, "q25", q.q25());
        number(item, "median", q.median());
        number(item, "q75", q.q75());
        number(item, "q95", q.q95());
    }

    private static Quantiles quantiles(JsonNode json, String field, String where) throws ProjectFileException {
        ObjectNode item = PartJson.optionalObject(json, field, where);
        if (item == null) {
            return null;
        }
        String at = where + ": " + field;
        return new Quantiles(number(item, "q05", at), number(item, "q25", at), number(item, "median", at),
                number(item, "q75", at), number(item, "q95", at));
    }
}

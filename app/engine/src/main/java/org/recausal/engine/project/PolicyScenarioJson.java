package org.recausal.engine.project;

import java.util.List;

import org.recausal.engine.policy.Policy;
import org.recausal.engine.policy.PolicyRequest;
import org.recausal.engine.policy.PolicyResult;
import org.recausal.engine.policy.PolicyResult.Estimate;
import org.recausal.engine.policy.RankingSetup;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The policy scenarios and their last results ({@code policies.json}), version 4 of the project file. */
final class PolicyScenarioJson {

    private PolicyScenarioJson() {
    }

    /** The part, or null when the project has no policy scenarios. */
    static ObjectNode toJson(Project project) {
        if (project.policyScenarios().isEmpty()) {
            return null;
        }
        ObjectNode json = PartJson.object();
        ArrayNode list = json.putArray("policies");
        for (PolicyScenario scenario : project.policyScenarios()) {
            ObjectNode item = list.addObject();
            item.put("name", scenario.name());
            PolicyRequest r = scenario.request();
            item.put("policy", r.policy().text());
            item.put("model", scenario.model());
            ObjectNode setup = item.putObject("setup");
            setup.put("score", r.setup().score());
            setup.put("exposure", r.setup().exposure());
            setup.put("popularity", r.setup().popularity());
            ArrayNode outcomes = setup.putArray("outcomes");
            r.setup().outcomes().forEach(outcomes::add);
            setup.put("group", r.setup().group());
            item.put("draws", r.draws());
            item.put("replicates", r.replicates());
            PartJson.putNumber(item, "level", r.level());
            item.put("seed", r.seed());
            item.set("fit", ScmJson.options(r.fit()));
            if (scenario.result() != null) {
                item.set("fittedOn", AnalysisJson.fingerprint(scenario.fittedOn()));
                item.set("result", result(scenario.result()));
            } else {
                item.putNull("result");
            }
        }
        return json;
    }

    static void read(String part, ObjectNode json, Project project) throws ProjectFileException {
        ArrayNode list = PartJson.array(json, "policies", part);
        for (int i = 0; i < list.size(); i++) {
            String at = part + ": policy " + (i + 1);
            ObjectNode item = PartJson.element(list, i, at);
            String name = PartJson.text(item, "name", at);
            if (project.policyScenario(name).isPresent()) {
                throw new ProjectFileException(at + ": a second policy scenario named '" + name + "'");
            }
            at = part + ": policy '" + name + "'";
            try {
                ObjectNode s = PartJson.requiredObject(item, "setup", at);
                String setupAt = at + ": setup";
                RankingSetup setup = new RankingSetup(PartJson.text(s, "score", setupAt),
                        PartJson.text(s, "exposure", setupAt), PartJson.text(s, "popularity", setupAt),
                        PartJson.texts(s, "outcomes", setupAt), nullable(s, "group", setupAt));
                PolicyRequest request = new PolicyRequest(Policy.parse(PartJson.text(item, "policy", at)), setup,
                        PartJson.integer(item, "draws", at), PartJson.integer(item, "replicates", at),
                        PartJson.number(item, "level", at), PartJson.longInteger(item, "seed", at),
                        ScmJson.options(PartJson.requiredObject(item, "fit", at), at + ": fit"));
                String model = nullable(item, "model", at);
                ObjectNode result = PartJson.optionalObject(item, "result", at);
                project.putPolicyScenario(result == null ? PolicyScenario.of(name, request, model)
                        : new PolicyScenario(name, request, model, result(result, at + ": result"),
                                AnalysisJson.fingerprint(PartJson.requiredObject(item, "fittedOn", at),
                                        at + ": fittedOn")));
            } catch (IllegalArgumentException e) {
                throw new ProjectFileException(at + ": " + e.getMessage(), e);
            }
        }
    }

    private static ObjectNode result(PolicyResult r) {
        ObjectNode json = PartJson.object();
        json.put("policy", r.policy());
        json.put("definition", r.definition());
        json.put("rows", r.rows());
        json.put("draws", r.draws());
        json.put("replicates", r.replicates());
        PartJson.putNumber(json, "level", r.level());
        json.put("seed", r.seed());
        ArrayNode upliftOutcomes = json.putArray("outcomes");
        r.uplifts().outcomes().forEach(upliftOutcomes::add);
        ArrayNode metrics = json.putArray("metrics");
        for (PolicyResult.MetricEffect m : r.metrics()) {
            ObjectNode item = metrics.addObject();
            item.put("metric", m.metric());
            item.put("group", m.group());
            item.put("label", m.label());
            estimate(item, "current", m.current());
            estimate(item, "policy", m.policy());
            estimate(item, "difference", m.difference());
        }
        if (r.offPolicy() == null) {
            json.putNull("offPolicy");
        } else {
            ObjectNode off = json.putObject("offPolicy");
            PartJson.putNumber(off, "effectiveSampleSize", r.offPolicy().effectiveSampleSize());
            PartJson.putNumber(off, "maxWeight", r.offPolicy().maxWeight());
            ArrayNode outcomes = off.putArray("outcomes");
            for (PolicyResult.OffPolicyOutcome o : r.offPolicy().outcomes()) {
                ObjectNode item = outcomes.addObject();
                item.put("outcome", o.outcome());
                PartJson.putNumber(item, "logged", o.logged());
                estimate(item, "simulated", o.simulated());
                ArrayNode estimators = item.putArray("estimators");
                for (PolicyResult.Estimator e : o.estimators()) {
                    ObjectNode est = estimators.addObject();
                    est.put("name", e.name());
                    estimate(est, "value", e.value());
                    estimate(est, "difference", e.difference());
                    est.put("disagrees", e.disagrees());
                }
            }
        }
        ArrayNode notes = json.putArray("notes");
        r.notes().forEach(notes::add);
        return json;
    }

    private static PolicyResult result(ObjectNode json, String where) throws ProjectFileException {
        List<PolicyResult.MetricEffect> metrics = PartJson.objects(json, "metrics", where, "metric",
                (m, at) -> new PolicyResult.MetricEffect(PartJson.text(m, "metric", at), nullable(m, "group", at),
                        PartJson.text(m, "label", at), estimate(m, "current", at), estimate(m, "policy", at),
                        estimate(m, "difference", at)));
        PolicyResult.OffPolicy offPolicy = null;
        ObjectNode off = PartJson.optionalObject(json, "offPolicy", where);
        if (off != null) {
            String offAt = where + ": offPolicy";
            List<PolicyResult.OffPolicyOutcome> outcomes = PartJson.objects(off, "outcomes", offAt, "outcome",
                    (o, at) -> new PolicyResult.OffPolicyOutcome(PartJson.text(o, "outcome", at),
                            PartJson.numberOrNaN(o, "logged", at), estimate(o, "simulated", at),
                            PartJson.objects(o, "estimators", at, "estimator", PolicyScenarioJson::estimator)));
            offPolicy = new PolicyResult.OffPolicy(outcomes, PartJson.numberOrNaN(off, "effectiveSampleSize", offAt),
                    PartJson.numberOrNaN(off, "maxWeight", offAt));
        }
        List<String> outcomes = PartJson.texts(json, "outcomes", where);
        // Per-row uplifts are not kept: an empty list for each outcome.
        PolicyResult.Uplifts uplifts = new PolicyResult.Uplifts(outcomes, new double[0], new double[0],
                new double[outcomes.size()][0], List.of());
        return new PolicyResult(PartJson.text(json, "policy", where), PartJson.text(json, "definition", where), metrics,
                uplifts, offPolicy, PartJson.texts(json, "notes", where), PartJson.integer(json, "rows", where),
                PartJson.integer(json, "draws", where), PartJson.integer(json, "replicates", where),
                PartJson.number(json, "level", where), PartJson.longInteger(json, "seed", where));
    }

    private static PolicyResult.Estimator estimator(ObjectNode json, String where) throws ProjectFileException {
        return new PolicyResult.Estimator(PartJson.text(json, "name", where), estimate(json, "value", where),
                estimate(json, "difference", where), PartJson.bool(json, "disagrees", where));
    }

    /** An optional string field, null when absent or empty. */
    private static String nullable(JsonNode json, String field, String where) throws ProjectFileException {
        String text = PartJson.optionalText(json, field, where);
        return text.isEmpty() ? null : text;
    }

    private static void estimate(ObjectNode json, String field, Estimate estimate) {
        ObjectNode item = json.putObject(field);
        PartJson.putNumber(item, "value", estimate.value());
        ScenarioResultJson.interval(item, "ci", estimate.ci());
    }

    private static Estimate estimate(JsonNode json, String field, String where) throws ProjectFileException {
        ObjectNode item = PartJson.requiredObject(json, field, where);
        String at = where + ": " + field;
        return new Estimate(PartJson.numberOrNaN(item, "value", at), ScenarioResultJson.interval(item, "ci", at));
    }
}

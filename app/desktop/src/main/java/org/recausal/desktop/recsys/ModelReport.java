package org.recausal.desktop.recsys;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.recausal.engine.recsys.metrics.EvaluationReport;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A trained model's evaluation on its test split: ranking metrics at several cut-offs under the sampled-100 and the
 * full protocol (with coverage, popularity and Gini of the top-K lists, and the same per user group), the rating
 * errors of a rating model, and the popularity profile of its recommendations.
 *
 * @param ranking   by protocol label ({@code sampled100}, {@code full})
 * @param catalogue coverage, mean recommended popularity (next to that of consumed items) and Gini of the top-10 lists
 * @param ratings MSE, MAE (and IPS/SNIPS estimates when the data carry propensities); empty for ranking models
 */
public record ModelReport(List<Integer> ks, Map<String, EvaluationReport> ranking, Map<String, Double> catalogue,
        Map<String, Double> ratings, PopularityProfile popularity) {

    /** The cut-offs every model is evaluated at; the plots draw metrics against them. */
    static final List<Integer> KS = List.of(1, 5, 10, 20, 50);

    public ModelReport {
        ks = List.copyOf(ks);
        ranking = new LinkedHashMap<>(ranking);
        catalogue = new LinkedHashMap<>(catalogue);
        ratings = new LinkedHashMap<>(ratings);
    }

    ObjectNode toJson() {
        ObjectNode json = TrainSettings.JSON.createObjectNode();
        ArrayNode k = json.putArray("ks");
        ks.forEach(k::add);
        ObjectNode byProtocol = json.putObject("ranking");
        ranking.forEach((protocol, report) -> {
            ObjectNode r = byProtocol.putObject(protocol);
            r.put("seed", report.seed());
            r.put("users", report.users());
            r.set("metrics", numbers(report.metrics()));
            ObjectNode groups = r.putObject("groups");
            report.groups().forEach((name, values) -> groups.set(name, numbers(values)));
        });
        json.set("catalogue", numbers(catalogue));
        json.set("ratings", numbers(ratings));
        ObjectNode p = json.putObject("popularity");
        p.put("k", popularity.k());
        ArrayNode groups = p.putArray("groups");
        popularity.groups().forEach(groups::add);
        ArrayNode recommended = p.putArray("recommended");
        ArrayNode consumed = p.putArray("consumed");
        for (int g = 0; g < popularity.groups().size(); g++) {
            recommended.add(popularity.recommended()[g]);
            consumed.add(popularity.consumed()[g]);
        }
        return json;
    }

    static ModelReport fromJson(JsonNode json) {
        List<Integer> ks = new ArrayList<>();
        json.path("ks").forEach(k -> ks.add(k.asInt()));
        Map<String, EvaluationReport> ranking = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : json.path("ranking").properties()) {
            JsonNode r = e.getValue();
            Map<String, Map<String, Double>> groups = new LinkedHashMap<>();
            r.path("groups").properties().forEach(g -> groups.put(g.getKey(), numbers(g.getValue())));
            ranking.put(e.getKey(), new EvaluationReport(e.getKey(), r.path("seed").asLong(), r.path("users").asInt(),
                    numbers(r.path("metrics")), groups));
        }
        JsonNode p = json.path("popularity");
        List<String> groups = new ArrayList<>();
        p.path("groups").forEach(g -> groups.add(g.asString()));
        double[] recommended = new double[groups.size()];
        double[] consumed = new double[groups.size()];
        for (int g = 0; g < groups.size(); g++) {
            recommended[g] = p.path("recommended").path(g).asDouble();
            consumed[g] = p.path("consumed").path(g).asDouble();
        }
        return new ModelReport(ks, ranking, numbers(json.path("catalogue")), numbers(json.path("ratings")),
                new PopularityProfile(p.path("k").asInt(), groups, recommended, consumed));
    }

    /** NaN (a metric of no user) is written as null, which JSON can hold. */
    private static ObjectNode numbers(Map<String, Double> values) {
        ObjectNode node = TrainSettings.JSON.createObjectNode();
        values.forEach((name, v) -> {
            if (Double.isFinite(v)) {
                node.put(name, v);
            } else {
                node.putNull(name);
            }
        });
        return node;
    }

    private static Map<String, Double> numbers(JsonNode node) {
        Map<String, Double> values = new LinkedHashMap<>();
        node.properties().forEach(e -> values.put(e.getKey(), e.getValue().isNull() ? Double.NaN : e.getValue().asDouble()));
        return values;
    }
}

package org.recausal.engine.explain;

import java.util.Locale;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An explanation as JSON, the one form the {@code explain} command prints and the app exports: attention per layer
 * and head with its rollout, Shapley attributions with their method, the counterfactual, faithfulness and summary.
 * Field names are snake_case and documented in {@code docs/explanations.md}.
 */
public final class ExplanationJson {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private ExplanationJson() {
    }

    public static ObjectNode toJson(Explanation e) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("user", e.user());
        root.put("item", e.item());
        root.put("model", e.modelKind());
        root.put("k", e.k());
        root.put("score", e.score());
        root.put("rank", e.rank());
        ArrayNode history = root.putArray("history");
        e.history().forEach(h -> history.add(historyItem(h)));
        root.set("attention", attention(e.attention()));
        Attributions a = e.attributions();
        ArrayNode values = root.putArray("attributions");
        for (Attribution x : a.values()) {
            ObjectNode value = values.addObject().put("name", x.name())
                    .put("kind", x.kind().name().toLowerCase(Locale.ROOT));
            if (x.isVariable()) {
                value.put("of", x.owner()).put("observed", x.observed());
            } else {
                value.put("position", x.position());
            }
            value.put("value", x.value()).put("standard_error", x.standardError());
        }
        ObjectNode method = root.putObject("attribution_method");
        method.put("method", a.method());
        method.put("variables", a.variableMethod());
        method.put("permutations", a.permutations());
        method.put("evaluations", a.evaluations());
        method.put("full_score", a.fullScore());
        method.put("baseline_score", a.baselineScore());
        method.put("efficiency_gap", a.efficiencyGap());
        root.set("counterfactual", counterfactual(e.counterfactual()));
        root.put("summary", e.summary());
        ObjectNode faithfulness = root.putObject("faithfulness");
        faithfulness.put("seed", e.faithfulness().seed());
        ArrayNode checks = faithfulness.putArray("checks");
        for (FaithfulnessCheck f : e.faithfulness().checks()) {
            checks.addObject().put("ranking", f.ranking()).put("removed", f.removed()).put("drop", f.drop())
                    .put("random_mean", f.randomMean()).put("random_sd", f.randomSd()).put("draws", f.draws())
                    .put("beats_random", f.beatsRandom());
        }
        return root;
    }

    private static ObjectNode historyItem(HistoryItem h) {
        ObjectNode node = MAPPER.createObjectNode().put("position", h.position()).put("item", h.item());
        if (h.hasTime()) {
            node.put("time", h.time());
        }
        return node;
    }

    private static ObjectNode attention(AttentionView view) {
        ObjectNode node = MAPPER.createObjectNode();
        ArrayNode items = node.putArray("history");
        ArrayNode positions = node.putArray("positions");
        view.window().forEach(h -> {
            items.add(h.item());
            positions.add(h.position());
        });
        ArrayNode layers = node.putArray("layers");
        for (double[][] block : view.lastRows()) {
            ArrayNode heads = layers.addArray();
            for (double[] row : block) {
                ArrayNode weights = heads.addArray();
                for (double w : row) {
                    weights.add(w);
                }
            }
        }
        ArrayNode rollout = node.putArray("rollout");
        for (double w : view.rollout()) {
            rollout.add(w);
        }
        return node;
    }

    private static ObjectNode counterfactual(Counterfactual c) {
        ObjectNode node = MAPPER.createObjectNode().put("found", c.found());
        if (c.found()) {
            ArrayNode removed = node.putArray("removed");
            ArrayNode positions = node.putArray("removed_positions");
            c.removed().forEach(h -> {
                removed.add(h.item());
                positions.add(h.position());
            });
            node.put("original_rank", c.originalRank());
            node.put("new_rank", c.newRank());
            node.put("new_score", c.newScore());
            node.put("verified", c.verified());
        } else {
            node.put("reason", c.reason());
            node.put("original_rank", c.originalRank());
        }
        node.put("search", c.search());
        node.put("evaluated", c.evaluated());
        return node;
    }
}

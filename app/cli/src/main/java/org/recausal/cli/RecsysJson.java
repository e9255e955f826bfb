package org.recausal.cli;

import java.util.Map;

import org.recausal.engine.recsys.metrics.EvaluationReport;

import tools.jackson.databind.node.ObjectNode;

/** JSON for recommender results: metric maps as objects, NaN (no user in a group) as null. */
final class RecsysJson {
    private RecsysJson() {
    }

    static ObjectNode metrics(Map<String, Double> values) {
        ObjectNode node = Json.object();
        values.forEach((name, value) -> {
            if (value == null || value.isNaN()) {
                node.putNull(name);
            } else {
                node.put(name, value);
            }
        });
        return node;
    }

    static ObjectNode report(EvaluationReport report) {
        ObjectNode node = Json.object();
        node.put("protocol", report.protocol());
        node.put("seed", report.seed());
        node.put("users", report.users());
        node.set("metrics", metrics(report.metrics()));
        ObjectNode groups = node.putObject("groups");
        report.groups().forEach((name, values) -> groups.set(name, metrics(values)));
        return node;
    }
}

package org.recausal.engine.recsys.metrics;

import java.util.Map;

/**
 * Evaluation results: metric name to value, the same per user group, and how they were obtained.
 * @param groups metrics per user group (by history length), each group named with its range
 */
public record EvaluationReport(String protocol, long seed, int users, Map<String, Double> metrics,
        Map<String, Map<String, Double>> groups) {
}

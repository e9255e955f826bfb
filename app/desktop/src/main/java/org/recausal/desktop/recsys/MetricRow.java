package org.recausal.desktop.recsys;

/** One line of the evaluation table: a metric under the sampled-100 protocol and with full ranking, formatted. */
public record MetricRow(String metric, String sampled, String full) {
}

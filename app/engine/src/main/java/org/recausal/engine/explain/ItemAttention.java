package org.recausal.engine.explain;

/**
 * How much positions holding item {@code from} attend to earlier positions holding item {@code to}, over users.
 * @param meanWeight the mean attention weight (heads and blocks averaged) over the {@code count} occurrences
 */
public record ItemAttention(String from, String to, double meanWeight, int count) {
}

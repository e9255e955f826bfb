package org.recausal.engine.explain;

import java.util.List;

/**
 * Where attention goes between item categories: {@code shares[a][b]} is the share of the attention that positions
 * holding items of category {@code a} pay to earlier positions holding items of category {@code b} (rows sum to 1
 * over the categories, or are all 0 when a category never attends to an earlier item).
 */
public record CategoryAttention(List<String> categories, double[][] shares) {
}

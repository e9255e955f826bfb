package org.recausal.desktop.recsys;

/** One user group (by history length) of the evaluation: its size and HR@10, NDCG@10 under both protocols. */
public record GroupRow(String group, String users, String sampledHr, String sampledNdcg, String fullHr, String fullNdcg) {
}

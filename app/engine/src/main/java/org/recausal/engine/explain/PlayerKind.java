package org.recausal.engine.explain;

/** What an attribution's player is: a past interaction, or a variable of the project's DAG that feeds the model. */
public enum PlayerKind {
    HISTORY_ITEM,
    VARIABLE
}

package org.recausal.desktop.simulate;

/** A variable the counterfactual recomputed for the chosen row: its observed and its counterfactual value. */
public record CounterfactualRow(String variable, String factual, String counterfactual) {
}

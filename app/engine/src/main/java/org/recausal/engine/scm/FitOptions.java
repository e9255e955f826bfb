package org.recausal.engine.scm;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.recausal.engine.model.BoostedTrees;

/**
 * How to fit a structural causal model.
 *
 * @param choice        the model kind for every node not in {@code perNode}
 * @param perNode       model kinds the analyst set for particular nodes
 * @param noise         how additive noise is modelled
 * @param folds         cross-validation folds when choosing a model kind
 * @param selectionRows at most this many rows (a seeded sample) take part in choosing the model kind
 * @param boosting      settings of the boosted trees
 * @param seed          seeds every random choice: same seed, same model
 */
public record FitOptions(ModelChoice choice, Map<String, ModelChoice> perNode, NoiseKind noise, int folds,
        int selectionRows, BoostedTrees.Settings boosting, long seed) {

    /** Residuals resampled as they are, or a normal distribution with their spread. */
    public enum NoiseKind { EMPIRICAL, GAUSSIAN }

    public FitOptions {
        Objects.requireNonNull(choice, "choice");
        Objects.requireNonNull(noise, "noise");
        Objects.requireNonNull(boosting, "boosting");
        perNode = Map.copyOf(perNode);
        if (folds < 2) {
            throw new IllegalArgumentException("cross-validation needs at least 2 folds, not " + folds);
        }
        if (selectionRows < 10 * folds) {
            throw new IllegalArgumentException("choosing a model needs at least " + 10 * folds + " rows, not "
                    + selectionRows);
        }
    }

    /** Automatic choice, empirical noise, 5 folds over at most 10,000 rows, seed 1. */
    public static FitOptions defaults() {
        return new FitOptions(ModelChoice.AUTO, Map.of(), NoiseKind.EMPIRICAL, 5, 10_000,
                BoostedTrees.Settings.DEFAULT, 1);
    }

    public ModelChoice choiceFor(String node) {
        return perNode.getOrDefault(node, choice);
    }

    public FitOptions withChoice(ModelChoice newChoice) {
        return new FitOptions(newChoice, perNode, noise, folds, selectionRows, boosting, seed);
    }

    public FitOptions withChoice(String node, ModelChoice nodeChoice) {
        Map<String, ModelChoice> changed = new LinkedHashMap<>(perNode);
        changed.put(node, nodeChoice);
        return new FitOptions(choice, changed, noise, folds, selectionRows, boosting, seed);
    }

    public FitOptions withNoise(NoiseKind newNoise) {
        return new FitOptions(choice, perNode, newNoise, folds, selectionRows, boosting, seed);
    }

    public FitOptions withSeed(long newSeed) {
        return new FitOptions(choice, perNode, noise, folds, selectionRows, boosting, newSeed);
    }
}

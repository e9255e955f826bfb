package org.recausal.engine.policy;

import java.util.Objects;

import org.recausal.engine.scm.FitOptions;

/**
 * What to simulate: the policy against the current one, on which variables, how many simulation draws per logged
 * row, how many bootstrap replicates (each refitting the mechanisms) for intervals at which level, and the seed.
 */
public record PolicyRequest(Policy policy, RankingSetup setup, int draws, int replicates, double level, long seed,
        FitOptions fit) {

    public PolicyRequest {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(setup, "setup");
        Objects.requireNonNull(fit, "fit");
        if (draws < 1) {
            throw new IllegalArgumentException("at least 1 simulation draw per row, not " + draws);
        }
        if (replicates < 0) {
            throw new IllegalArgumentException("the number of bootstrap replicates cannot be negative: " + replicates);
        }
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("the interval level must lie between 0 and 1, not " + level);
        }
    }

    /** 4 draws per row, 50 replicates, 95% intervals, seed 1, mechanisms chosen by cross-validation. */
    public static PolicyRequest of(Policy policy, RankingSetup setup) {
        return new PolicyRequest(policy, setup, 4, 50, 0.95, 1, FitOptions.defaults());
    }

    public PolicyRequest withReplicates(int newReplicates) {
        return new PolicyRequest(policy, setup, draws, newReplicates, level, seed, fit);
    }

    public PolicyRequest withLevel(double newLevel) {
        return new PolicyRequest(policy, setup, draws, replicates, newLevel, seed, fit);
    }

    public PolicyRequest withDraws(int newDraws) {
        return new PolicyRequest(policy, setup, newDraws, replicates, level, seed, fit);
    }

    public PolicyRequest withSeed(long newSeed) {
        return new PolicyRequest(policy, setup, draws, replicates, level, newSeed, fit.withSeed(newSeed));
    }

    public PolicyRequest withFit(FitOptions newFit) {
        return new PolicyRequest(policy, setup, draws, replicates, level, seed, newFit);
    }
}

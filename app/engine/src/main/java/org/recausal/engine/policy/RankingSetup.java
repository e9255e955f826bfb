package org.recausal.engine.policy;

import java.util.List;
import java.util.Objects;

/**
 * Which of the graph's variables play which part in a recommender: the score the ranker serves, the exposure
 * decision, the item's popularity (for popularity penalties), the outcomes to report (the first is the primary one,
 * by which uplift lists are ranked) and the variable that splits users into groups for fairness gaps (a discrete variable's levels, or a numeric one split at its median).
 */
public record RankingSetup(String score, String exposure, String popularity, List<String> outcomes, String group) {

    public RankingSetup {
        Objects.requireNonNull(score, "score");
        Objects.requireNonNull(exposure, "exposure");
        Objects.requireNonNull(popularity, "popularity");
        outcomes = List.copyOf(outcomes);
        if (outcomes.isEmpty()) {
            throw new IllegalArgumentException("name at least one outcome");
        }
    }

    /**
     * The sample project's variables: recommender_score, exposure, item_popularity; the outcomes purchase, click
     * and rating; users grouped by user_activity.
     */
    public static RankingSetup recommenderShop() {
        return new RankingSetup("recommender_score", "exposure", "item_popularity",
                List.of("purchase", "click", "rating"), "user_activity");
    }

    public RankingSetup withOutcomes(List<String> newOutcomes) {
        return new RankingSetup(score, exposure, popularity, newOutcomes, group);
    }

    public RankingSetup withGroup(String newGroup) {
        return new RankingSetup(score, exposure, popularity, outcomes, newGroup);
    }
}

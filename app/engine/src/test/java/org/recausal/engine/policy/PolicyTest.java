package org.recausal.engine.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PolicyTest {

    @Test
    void parsesEveryKindAndWritesItBack() {
        for (String text : new String[] {"popularity-penalty=0.5", "exposure-cap=0.2",
                "boost=0.3:item_category == \"books\"", "remove-feature=item_popularity", "swap-model",
                "score-rule=recommender_score - 0.1 * user_activity"}) {
            assertThat(Policy.parse(text).text()).isEqualTo(text);
            assertThat(Policy.parse(Policy.parse(text).text())).isEqualTo(Policy.parse(text));
        }
        assertThat(Policy.parse(" Popularity-Penalty = 2 ")).isEqualTo(new Policy.PopularityPenalty(2));
        assertThat(Policy.parse("exposure-cap=0.2").actsOnScore()).isFalse();
        assertThat(Policy.parse("popularity-penalty=0.5").definition())
                .isEqualTo("score := score - 0.5 * log(1 + popularity)");
    }

    @Test
    void badPoliciesSayWhatIsWrong() {
        assertThatThrownBy(() -> Policy.parse("popularity-penalty=lots")).hasMessage(
                "in the policy 'popularity-penalty=lots': 'lots' is not a finite number");
        assertThatThrownBy(() -> Policy.parse("exposure-cap=1.5")).hasMessage(
                "in the policy 'exposure-cap=1.5': the cap is an exposure rate in (0, 1], not 1.5");
        assertThatThrownBy(() -> Policy.parse("boost=0.3")).hasMessageContaining(
                "a boost needs an amount and a condition");
        assertThatThrownBy(() -> Policy.parse("boost=1:uniform(0, 1) > 0.5")).hasMessageContaining(
                "draws random numbers");
        assertThatThrownBy(() -> Policy.parse("shuffle")).hasMessageStartingWith(
                "in the policy 'shuffle': unknown policy 'shuffle'; write one of popularity-penalty=0.5");
        assertThatThrownBy(() -> Policy.parse("swap-model=other.model")).hasMessageContaining("takes no value");
    }
}

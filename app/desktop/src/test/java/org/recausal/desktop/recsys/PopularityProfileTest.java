package org.recausal.desktop.recsys;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PopularityProfileTest {

    @Test
    void sharesOfSlotsAndOfHeldOutItemsPerPopularityFifth() {
        // Five items, one per fifth once ranked: item 1 and 2 tie on 3 (lower index first), then 4, 0, 3.
        int[] popularity = {1, 3, 3, 0, 2};
        int[][] lists = {{1, 2}, {1, 4}};
        int[][] heldOut = {{3}, {0}};
        PopularityProfile profile = PopularityProfile.of(2, lists, heldOut, popularity);
        assertThat(profile.groups()).containsExactly("1st", "2nd", "3rd", "4th", "5th");
        assertThat(profile.recommended()).containsExactly(0.5, 0.25, 0.25, 0, 0);
        assertThat(profile.consumed()).containsExactly(0, 0, 0, 0.5, 0.5);
    }

    @Test
    void aLargerCatalogueSplitsIntoFifthsOfEqualItemCount() {
        int[] popularity = new int[10];
        for (int i = 0; i < 10; i++) {
            popularity[i] = 10 - i;
        }
        PopularityProfile profile = PopularityProfile.of(1, new int[][] {{0}, {1}, {9}, {8}}, new int[][] {{5}}, popularity);
        assertThat(profile.recommended()).containsExactly(0.5, 0, 0, 0, 0.5);
        assertThat(profile.consumed()).containsExactly(0, 0, 1, 0, 0);
    }
}

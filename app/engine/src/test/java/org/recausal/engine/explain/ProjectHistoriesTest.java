package org.recausal.engine.explain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Matching a log's times to a model's history, latest first. */
class ProjectHistoriesTest {
    private static final long U = HistoryItem.UNKNOWN_TIME;

    @Test
    void aHistoryEqualToTheLogTakesItsTimes() {
        assertThat(ProjectHistories.align(new int[] {3, 1, 3}, new int[] {3, 1, 3}, new long[] {10, 20, 30}))
                .containsExactly(10, 20, 30);
    }

    @Test
    void repeatedItemsTakeTheLatestUnmatchedInteraction() {
        // The log holds an extra, later 3 the model's history lacks (added after training): it is skipped.
        assertThat(ProjectHistories.align(new int[] {3, 1, 3}, new int[] {3, 1, 3, 2, 3}, new long[] {1, 2, 3, 4, 5}))
                .containsExactly(1, 2, 5);
    }

    @Test
    void itemsTheLogNoLongerHoldsKeepNoTime() {
        assertThat(ProjectHistories.align(new int[] {7, 1, 2}, new int[] {1, 2}, new long[] {40, 50}))
                .containsExactly(U, 40, 50);
        assertThat(ProjectHistories.align(new int[] {1, 2}, new int[0], new long[0])).containsExactly(U, U);
    }
}

package org.recausal.engine.explain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.recausal.engine.recsys.data.IdIndex;
import org.recausal.engine.recsys.data.Interactions;

class LoggedHistoriesTest {
    @Test
    void historiesFollowTimeInTheModelsIndicesAndSkipWhatItDoesNotKnow() {
        // The model knows users a, b and items x, y, z; the log adds user c and item w.
        Interactions.Builder log = Interactions.builder(IdIndex.of(List.of("a", "b")),
                IdIndex.of(List.of("x", "y", "z")));
        log.add("a", "z", 1, 30);
        log.add("a", "x", 1, 10);
        log.add("b", "y", 1, 5);
        log.add("a", "w", 1, 20);
        log.add("c", "x", 1, 1);
        log.add("a", "y", 1, 10);
        LoggedHistories h = LoggedHistories.of(log.build(), 2, 3);
        assertThat(h.histories()[0]).containsExactly(0, 1, 2);
        assertThat(h.times()[0]).containsExactly(10, 10, 30);
        assertThat(h.histories()[1]).containsExactly(1);
        assertThat(h.times()[1]).containsExactly(5);
        assertThat(h.skipped()).isEqualTo(2);
    }
}

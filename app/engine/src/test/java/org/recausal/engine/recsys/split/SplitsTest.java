package org.recausal.engine.recsys.split;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.recausal.engine.recsys.data.IdIndex;
import org.recausal.engine.recsys.data.Interactions;

class SplitsTest {

    /** User "a": items 1..5 at times 10..50 (given out of order); user "b": two items; user "c": three. */
    private static Interactions log() {
        Interactions.Builder b = Interactions.builder(new IdIndex(), new IdIndex());
        b.add("a", "i3", 1, 30).add("a", "i1", 1, 10).add("a", "i5", 1, 50).add("a", "i2", 1, 20).add("a", "i4", 1, 40);
        b.add("b", "i1", 1, 5).add("b", "i2", 1, 6);
        b.add("c", "i7", 1, 1).add("c", "i8", 1, 2).add("c", "i9", 1, 3);
        return b.build();
    }

    private static List<String> pairs(Interactions part) {
        List<String> out = new ArrayList<>();
        for (int r = 0; r < part.size(); r++) {
            out.add(part.users().id(part.user(r)) + ":" + part.items().id(part.item(r)));
        }
        return out;
    }

    @Test
    void leaveOneOutHoldsOutTheLastTwoByTime() {
        Split split = Splits.leaveOneOut(log());
        assertThat(pairs(split.test())).containsExactlyInAnyOrder("a:i5", "c:i9");
        assertThat(pairs(split.validation())).containsExactlyInAnyOrder("a:i4", "c:i8");
        assertThat(pairs(split.train())).containsExactlyInAnyOrder("a:i3", "a:i1", "a:i2", "b:i1", "b:i2", "c:i7");
    }

    @Test
    void temporalCutOffSplitsByTimeQuantiles() {
        Split split = Splits.temporal(log(), 0.5, 0.2);
        for (int r = 0; r < split.train().size(); r++) {
            for (int s = 0; s < split.test().size(); s++) {
                assertThat(split.train().time(r)).isLessThan(split.test().time(s));
            }
        }
        assertThat(split.train().size() + split.validation().size() + split.test().size()).isEqualTo(10);
        assertThat(split.train().size()).isEqualTo(5);
    }

    @Test
    void randomSplitIsSeeded() {
        Split one = Splits.random(log(), 0.3, 0.2, 42);
        Split same = Splits.random(log(), 0.3, 0.2, 42);
        Split other = Splits.random(log(), 0.3, 0.2, 43);
        assertThat(one.test().size()).isEqualTo(3);
        assertThat(one.validation().size()).isEqualTo(2);
        assertThat(pairs(one.test())).isEqualTo(pairs(same.test()));
        List<List<String>> tests = new ArrayList<>();
        for (long seed = 0; seed < 10; seed++) {
            tests.add(pairs(Splits.random(log(), 0.3, 0.2, seed).test()));
        }
        assertThat(tests.stream().distinct().count()).isGreaterThan(1);
        assertThat(other.train().size()).isEqualTo(5);
        assertThatThrownBy(() -> Splits.random(log(), 0.8, 0.5, 1)).hasMessageContaining("add up to at most 1");
    }

    @Test
    void splitSpecsRoundTripThroughTheirLabelsAndCutAtATimeOrAShare() {
        for (SplitSpec spec : new SplitSpec[] {SplitSpec.LEAVE_ONE_OUT, SplitSpec.of("temporal", 25.0, 0),
            SplitSpec.of("random", null, 9)}) {
            assertThat(SplitSpec.parse(spec.label())).isEqualTo(spec);
        }
        assertThat(SplitSpec.parse(null)).isEqualTo(SplitSpec.LEAVE_ONE_OUT);
        // Time 25 leaves 7 of the 10 interactions before it (times 1..20): the last of those validates.
        Split byTime = SplitSpec.of("temporal", 25.0, 0).apply(log());
        assertThat(pairs(byTime.test())).containsExactlyInAnyOrder("a:i3", "a:i4", "a:i5");
        assertThat(byTime.part()).hasSize(10);
        SequenceData data = SequenceData.of(log(), byTime);
        int a = log().users().indexOf("a");
        assertThat(data.test()[a]).hasSize(3);
        assertThat(data.testInputs()[a]).hasSize(2);
        assertThatThrownBy(() -> SplitSpec.of("temporal", 0.05, 0).apply(log())).hasMessageContaining("too little training");
        assertThatThrownBy(() -> SplitSpec.of("temporal", 99.0, 0).apply(log())).hasMessageContaining("no test");
    }

    @Test
    void sequenceDataOfATemporalSplitKeepsEachUsersHeldOutItemsInTimeOrder() {
        Interactions log = log();
        Split split = Splits.temporal(log, 0.5, 0.2);
        SequenceData data = SequenceData.of(log, split);
        int a = log.users().indexOf("a");
        // Times 1..6 train, 10 and 20 validate (at and after the 50% quantile, before the 70% one), 30..50 test.
        assertThat(ids(log, data.train().items(a))).containsExactly();
        assertThat(ids(log, data.validation()[a])).containsExactly("i1", "i2");
        assertThat(ids(log, data.test()[a])).containsExactly("i3", "i4", "i5");
        assertThat(ids(log, data.testInputs()[a])).containsExactly("i1", "i2");
        assertThat(ids(log, data.everything()[a])).containsExactly("i1", "i2", "i3", "i4", "i5");
        assertThat(data.popularity()[log.items().indexOf("i7")]).isEqualTo(1);
        assertThat(data.popularity()[log.items().indexOf("i5")]).isZero();
    }

    private static List<String> ids(Interactions log, int[] items) {
        List<String> out = new ArrayList<>();
        for (int i : items) {
            out.add(log.items().id(i));
        }
        return out;
    }
}

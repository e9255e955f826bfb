package org.recausal.engine.recsys.split;

import java.util.Arrays;
import java.util.stream.IntStream;

import org.recausal.engine.recsys.data.Interactions;
import org.recausal.engine.recsys.data.UserSequences;

/**
 * A split log in the forms sequential training and evaluation read: training sequences, each user's validation
 * and test items (none for users with fewer than three interactions under leave-one-out), the test-time input
 * (the user's training and validation items in time order), and each user's whole sequence.
 */
public record SequenceData(Interactions log, Split split, UserSequences train, int[][] validation, int[][] test,
        int[][] testInputs, int[][] everything, int[] popularity) {

    public static SequenceData leaveOneOut(Interactions log) {
        return of(log, Splits.leaveOneOut(log));
    }

    /**
     * Any split of {@code log} in these forms (temporal and random ones too): a user's validation and test items
     * are taken in time order, and the test-time input is the training items followed by the validation items.
     */
    public static SequenceData of(Interactions log, Split split) {
        UserSequences train = UserSequences.of(split.train());
        int users = log.users().size();
        int[][] validation = targets(split.validation(), users);
        int[][] test = targets(split.test(), users);
        int[] known = IntStream.range(0, log.size()).filter(r -> split.part()[r] < 2).toArray();
        UserSequences beforeTest = UserSequences.of(log.rows(known));
        int[][] testInputs = new int[users][];
        for (int u = 0; u < users; u++) {
            testInputs[u] = beforeTest.items(u);
        }
        UserSequences all = UserSequences.of(log);
        int[][] everything = new int[users][];
        for (int u = 0; u < users; u++) {
            everything[u] = all.items(u);
        }
        return new SequenceData(log, split, train, validation, test, testInputs, everything, split.train().itemCounts());
    }

    /** Each user's training items, as the input for validation. */
    public int[][] trainInputs() {
        int[][] inputs = new int[train.userCount()][];
        for (int u = 0; u < inputs.length; u++) {
            inputs[u] = train.items(u);
        }
        return inputs;
    }

    /** Each user's items of {@code part}, oldest first. */
    private static int[][] targets(Interactions part, int users) {
        UserSequences sequences = UserSequences.of(part);
        int[][] targets = new int[users][];
        for (int u = 0; u < users; u++) {
            targets[u] = sequences.items(u);
        }
        return targets;
    }
}

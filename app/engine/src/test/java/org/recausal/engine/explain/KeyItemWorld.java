package org.recausal.engine.explain;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.recausal.engine.recsys.data.IdIndex;
import org.recausal.engine.recsys.data.InteractionFiles;
import org.recausal.engine.recsys.data.UserSequences;
import org.recausal.engine.recsys.model.StoredModel;
import org.recausal.engine.recsys.sasrec.SasRecConfig;
import org.recausal.engine.recsys.sasrec.SasRecModel;
import org.recausal.engine.recsys.sasrec.SasRecTrainer;
import org.recausal.engine.task.CancellationToken;

import tools.jackson.databind.json.JsonMapper;

/**
 * Sequences with a known cause: each history holds random filler items (10..59) and one key item k (0..4) at a
 * random place, and ends with the answer 5 + k. A SASRec trained on them must learn that the key, and nothing
 * else in the history, makes the answer likely, so explanations of the answer have a true main reason.
 * The explained histories are the sequences without their answer.
 */
final class KeyItemWorld {
    static final int ITEMS = 60;
    static final int USERS = 400;

    final StoredModel stored;
    /** The histories explained: each sequence without its answer. */
    final int[][] histories;
    /** Each user's key item's index. */
    final int[] keys;

    private static KeyItemWorld trained;

    private KeyItemWorld(StoredModel stored, int[][] histories, int[] keys) {
        this.stored = stored;
        this.histories = histories;
        this.keys = keys;
    }

    /** The world with a model trained for 40 epochs, built once per test run. */
    static synchronized KeyItemWorld trained() {
        if (trained == null) {
            trained = build(40);
        }
        return trained;
    }

    static KeyItemWorld build(int epochs) {
        SplittableRandom random = new SplittableRandom(17);
        IdIndex items = IdIndex.of(InteractionFiles.numberedIds(ITEMS));
        List<String> userIds = new ArrayList<>();
        int[][] sequences = new int[USERS][];
        int[][] histories = new int[USERS][];
        int[] keys = new int[USERS];
        for (int u = 0; u < USERS; u++) {
            userIds.add("u" + u);
            int length = 3 + random.nextInt(6);
            int key = random.nextInt(5);
            int at = random.nextInt(length);
            int[] history = new int[length];
            for (int p = 0; p < length; p++) {
                history[p] = p == at ? key : 10 + random.nextInt(ITEMS - 10);
            }
            int[] sequence = new int[length + 1];
            System.arraycopy(history, 0, sequence, 0, length);
            sequence[length] = 5 + key;
            sequences[u] = sequence;
            histories[u] = history;
            keys[u] = key;
        }
        IdIndex users = IdIndex.of(userIds);
        SasRecConfig config = new SasRecConfig(10, 16, 2, 2, 0.1f, 0.01f, 32, epochs, 5);
        SasRecModel model = new SasRecTrainer(config, 2).train(UserSequences.of(sequences, ITEMS), users, items, null, null,
                (report, state) -> { }, CancellationToken.none());
        StoredModel stored = new StoredModel(StoredModel.SASREC, model, users, items, histories,
                JsonMapper.builder().build().createObjectNode(), null);
        return new KeyItemWorld(stored, histories, keys);
    }

    Explainer explainer() {
        return new Explainer(stored, histories, null, 2);
    }

    String user(int u) {
        return stored.users().id(u);
    }

    String item(int i) {
        return stored.items().id(i);
    }
}

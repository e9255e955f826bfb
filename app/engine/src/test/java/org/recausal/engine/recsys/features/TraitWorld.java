package org.recausal.engine.recsys.features;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.recausal.engine.data.ImportOptions;
import org.recausal.engine.data.Table;
import org.recausal.engine.data.TableReader;
import org.recausal.engine.recsys.data.IdIndex;
import org.recausal.engine.recsys.data.Interactions;
import org.recausal.engine.recsys.data.TableInteractions;
import org.recausal.engine.recsys.split.SequenceData;
import org.recausal.engine.task.CancellationToken;
import org.recausal.engine.task.ProgressListener;

/**
 * A simulated shop whose log depends on traits with known effects and on no sequential pattern: 200 items in two
 * categories (x: 120, y: 80) with skewed purchase counts, 400 users in two groups (a: 60%, b: 40%). Each interaction
 * picks the user's group's category (a: x, b: y) with probability 0.85, then an item of it with probability
 * proportional to 1 + its count, never an item the user has. So the item's popularity pushes consumption up, and
 * group b's affinity for category y is a user-by-item interaction. Each row also carries a price drawn per row:
 * a row-level variable, not a trait.
 */
public final class TraitWorld {
    public static final int ITEMS = 200;
    public static final int USERS = 400;

    private TraitWorld() {
    }

    /** The log as a table: user_id, item_id, timestamp, user_group, item_popularity, item_category, price. */
    public static Table table(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] popularity = new int[ITEMS];
        for (int i = 0; i < ITEMS; i++) {
            popularity[i] = (int) Math.floor(Math.exp(4.5 * random.nextDouble())) - 1;
        }
        StringBuilder csv = new StringBuilder("user_id,item_id,timestamp,user_group,item_popularity,item_category,price\n");
        long time = 0;
        for (int u = 0; u < USERS; u++) {
            boolean groupB = u % 5 >= 3;
            int length = 6 + random.nextInt(4);
            List<Integer> had = new ArrayList<>();
            for (int t = 0; t < length; t++) {
                boolean wantsY = random.nextDouble() < 0.85 == groupB;
                int item = draw(random, popularity, wantsY, had);
                had.add(item);
                csv.append("u").append(u).append(",i").append(item).append(',').append(time++).append(',')
                        .append(groupB ? "b" : "a").append(',').append(popularity[item]).append(',')
                        .append(isY(item) ? "y" : "x").append(',').append(String.format(java.util.Locale.ROOT, "%.2f",
                                5 + 10 * random.nextDouble())).append('\n');
            }
        }
        byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);
        return TableReader.read("world.csv", new ByteArrayInputStream(bytes), bytes.length, ImportOptions.defaults(),
                ProgressListener.NONE, CancellationToken.none()).table();
    }

    static boolean isY(int item) {
        return item >= 120;
    }

    private static int draw(SplittableRandom random, int[] popularity, boolean y, List<Integer> had) {
        double total = 0;
        for (int i = 0; i < ITEMS; i++) {
            total += isY(i) == y && !had.contains(i) ? 1 + popularity[i] : 0;
        }
        double at = random.nextDouble() * total;
        for (int i = 0; i < ITEMS; i++) {
            if (isY(i) == y && !had.contains(i)) {
                at -= 1 + popularity[i];
                if (at < 0) {
                    return i;
                }
            }
        }
        throw new IllegalStateException("no item left to draw");
    }

    /** A world drawn with a seed: its log as a table, split leave-one-out, and the three traits. */
    public record World(Table table, SequenceData data, SideFeatures features) {
        public static World of(long seed) {
            Table table = TraitWorld.table(seed);
            SequenceData data = TraitWorld.data(table);
            return new World(table, data, TraitWorld.traits(table, data).features());
        }
    }

    /** The table's log, split leave-one-out. */
    public static SequenceData data(Table table) {
        Interactions log = TableInteractions.read(table, null, new IdIndex(), new IdIndex());
        return SequenceData.leaveOneOut(log);
    }

    /** The three traits, chosen by name. */
    public static TraitSelection.Selection traits(Table table, SequenceData data) {
        return TraitSelection.explicit(List.of("user_group", "item_popularity", "item_category"), null, table, null,
                data.log().users(), data.log().items());
    }
}

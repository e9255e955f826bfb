package org.recausal.desktop.recsys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;

import org.recausal.engine.data.TableReader;

/**
 * Interaction logs with a known structure. In the cyclic log every user walks the catalogue in a fixed order from a
 * random start (item i is always followed by item i + 1), so the next item is fully predictable from the last one:
 * a sequential model that learns anything ranks it first, while chance puts it in a sampled top 10 one time in ten.
 */
final class RecsysFixtures {
    static final int USERS = 240;
    static final int ITEMS = 60;
    static final int LENGTH = 12;

    private RecsysFixtures() {
    }

    /** {@code user_id,item_id,timestamp,rating,propensity}; ratings and propensities follow the item (even items 5, p 0.8). */
    static DatasetTable cyclicLog(Path dir) {
        StringBuilder csv = new StringBuilder("user_id,item_id,timestamp,rating,propensity\n");
        SplittableRandom random = new SplittableRandom(11);
        for (int u = 0; u < USERS; u++) {
            int start = random.nextInt(ITEMS);
            for (int t = 0; t < LENGTH; t++) {
                int item = (start + t) % ITEMS;
                csv.append(String.format(Locale.ROOT, "u%d,i%d,%d,%d,%.2f%n", u, item, 1_000 * u + t,
                        item % 2 == 0 ? 5 : 1 + item % 3, item % 2 == 0 ? 0.8 : 0.2));
            }
        }
        try {
            Path file = dir.resolve("cyclic.csv");
            Files.writeString(file, csv);
            return new DatasetTable("cyclic", "cyclic", TableReader.read(file).table());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

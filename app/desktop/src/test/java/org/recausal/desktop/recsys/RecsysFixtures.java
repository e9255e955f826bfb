package org.recausal.desktop.recsys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;

import org.recausal.engine.dag.Dag;
import org.recausal.engine.dag.DataType;
import org.recausal.engine.dag.Role;
import org.recausal.engine.dag.Variable;
import org.recausal.engine.data.TableReader;
import org.recausal.engine.project.Project;
import org.recausal.engine.project.ProjectFiles;

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

    /**
     * A shop's considered pairs and their graph: item popularity drives exposure (P(exposure) rises from 0.1 to 0.9
     * with it) and ratings; {@code user_id,item_id,popularity,exposure,rating}, one row per pair, with the graph
     * popularity -> exposure, popularity -> rating, saved as a project file.
     */
    static Path exposureProject(Path dir) {
        Dag dag = new Dag();
        dag.addVariable(Variable.of("popularity", Role.ORDINARY, DataType.CONTINUOUS).at(100, 80));
        dag.addVariable(Variable.of("exposure", Role.EXPOSURE, DataType.BINARY).at(40, 220));
        dag.addVariable(Variable.of("rating", Role.OUTCOME, DataType.CONTINUOUS).at(200, 220));
        dag.addEdge("popularity", "exposure");
        dag.addEdge("popularity", "rating");
        try {
            Path file = dir.resolve("exposure.recausal");
            ProjectFiles.save(new Project("exposure", dag), file);
            return file;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The considered pairs of {@link #exposureProject}: 80 users x 30 items, seeded. */
    static Path exposureLog(Path dir) {
        StringBuilder csv = new StringBuilder("user_id,item_id,popularity,exposure,rating\n");
        SplittableRandom random = new SplittableRandom(5);
        for (int u = 0; u < 80; u++) {
            for (int i = 0; i < 30; i++) {
                double popularity = i / 29.0;
                int exposed = random.nextDouble() < 0.1 + 0.8 * popularity ? 1 : 0;
                int rating = (int) Math.round(1 + 4 * popularity * random.nextDouble());
                csv.append(String.format(Locale.ROOT, "u%d,i%d,%.4f,%d,%d%n", u, i, popularity, exposed, rating));
            }
        }
        try {
            Path file = dir.resolve("pairs.csv");
            Files.writeString(file, csv);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package org.recausal.desktop.explain;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.recausal.engine.data.Table;
import org.recausal.engine.project.Dataset;
import org.recausal.engine.project.Datasets;
import org.recausal.engine.project.Project;
import org.recausal.engine.project.ProjectFiles;
import org.recausal.engine.project.StoredRecommender;
import org.recausal.engine.recsys.data.IdIndex;
import org.recausal.engine.recsys.data.InteractionFiles;
import org.recausal.engine.recsys.data.Interactions;
import org.recausal.engine.recsys.data.TableInteractions;
import org.recausal.engine.recsys.features.FeatureEncoding;
import org.recausal.engine.recsys.features.SideFeatures;
import org.recausal.engine.recsys.model.ModelFile;
import org.recausal.engine.recsys.model.StoredModel;
import org.recausal.engine.recsys.sasrec.SasRecConfig;
import org.recausal.engine.recsys.sasrec.SasRecModel;
import org.recausal.engine.recsys.sasrec.SasRecTrainer;
import org.recausal.engine.recsys.split.SequenceData;
import org.recausal.engine.task.CancellationToken;
import org.recausal.engine.task.ProgressListener;

/**
 * A real SASRec (2 layers, 2 heads) trained for a few epochs on sequences with a rhythm (after item i comes
 * i + 1 for even users, i + 2 for odd ones), saved as a model file.
 */
final class ExplainFixtures {
    static final Path SAMPLE = Path.of("../../sample-projects/recommender-shop.recausal");
    static final int ITEMS = 24;
    static final int USERS = 80;

    private ExplainFixtures() {
    }

    static StoredModel sasrec() {
        return sasrec(false);
    }

    /**
     * @param traits whether the model also reads two traits: the user's parity (even or odd, a label) and the item's
     *               number (a number)
     */
    static StoredModel sasrec(boolean traits) {
        IdIndex users = new IdIndex();
        IdIndex items = IdIndex.of(InteractionFiles.numberedIds(ITEMS));
        Interactions.Builder log = Interactions.builder(users, items);
        SplittableRandom random = new SplittableRandom(11);
        for (int u = 0; u < USERS; u++) {
            int step = u % 2 == 0 ? 1 : 2;
            int item = random.nextInt(ITEMS);
            int length = 5 + random.nextInt(10);
            for (int t = 0; t < length; t++) {
                log.add("user" + u, Integer.toString(item), 1, t);
                item = (item + step) % ITEMS;
            }
        }
        SequenceData data = SequenceData.leaveOneOut(log.build());
        SasRecConfig config = new SasRecConfig(8, 16, 2, 2, 0.1f, 0.01f, 32, 6, 3);
        SideFeatures features = traits ? traits(users, items) : null;
        SasRecModel model = new SasRecTrainer(config, 1).features(features).train(data.train(), users, items,
                data.validation(), null, (report, state) -> { }, CancellationToken.none());
        return new StoredModel(StoredModel.SASREC, model, users, items, data.everything(),
                tools.jackson.databind.json.JsonMapper.builder().build().createObjectNode(), null);
    }

    private static SideFeatures traits(IdIndex users, IdIndex items) {
        String[] parity = users.ids().stream().map(u -> Integer.parseInt(u.substring(4)) % 2 == 0 ? "even" : "odd")
                .toArray(String[]::new);
        FeatureEncoding userParity = FeatureEncoding.categorical("parity", FeatureEncoding.Side.USER, parity);
        double[] numbers = items.ids().stream().mapToDouble(Double::parseDouble).toArray();
        FeatureEncoding itemNumber = FeatureEncoding.numeric("number", FeatureEncoding.Side.ITEM, numbers);
        double[] levels = Arrays.stream(parity).mapToDouble(userParity::levelOf).toArray();
        return new SideFeatures(List.of(userParity), List.of(itemNumber), users.size(), items.size(), levels, numbers);
    }

    /** The sample project, as shipped. */
    static Project sampleProject() {
        try {
            return ProjectFiles.open(SAMPLE);
        } catch (org.recausal.engine.project.ProjectFileException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A SASRec trained for {@code epochs} on the sample project's clicks (its interactions dataset, columns
     * found by name as the CLI finds them), kept as a project recommender trained on that dataset.
     */
    static StoredRecommender sampleSasrec(Project project, int epochs) {
        Dataset dataset = project.dataset("interactions").orElseThrow();
        Table table = Datasets.load(dataset, ProgressListener.NONE, CancellationToken.none()).table();
        Interactions log = TableInteractions.read(table, TableInteractions.detect(table), false).log();
        SequenceData data = SequenceData.leaveOneOut(log);
        // The settings train sasrec uses by default (maxlen 50, 50 dimensions, 2 blocks, 1 head).
        SasRecConfig config = new SasRecConfig(50, 50, 2, 1, 0.5f, 0.001f, 128, epochs, 1);
        SasRecModel model = new SasRecTrainer(config, 2).train(data.train(), log.users(), log.items(),
                data.validation(), null, (report, state) -> { }, CancellationToken.none());
        StoredModel stored = new StoredModel(StoredModel.SASREC, model, log.users(), log.items(), data.everything(),
                tools.jackson.databind.json.JsonMapper.builder().build().createObjectNode(), null);
        return new StoredRecommender("sasrec-shop", "SASRec on the shop", stored,
                StoredRecommender.TrainedOn.of(dataset));
    }

    static Path sasrecFile(Path dir) {
        Path file = dir.resolve("rhythm.model");
        ModelFile.write(file, sasrec());
        return file;
    }
}

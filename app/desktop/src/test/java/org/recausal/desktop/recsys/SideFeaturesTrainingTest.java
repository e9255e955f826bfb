package org.recausal.desktop.recsys;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recausal.engine.dag.Dag;
import org.recausal.engine.data.Table;
import org.recausal.engine.data.TableReader;
import org.recausal.engine.mapping.ColumnMapping;
import org.recausal.engine.mapping.MappedTable;
import org.recausal.engine.project.ProjectData;
import org.recausal.engine.project.ProjectFiles;
import org.recausal.engine.recsys.data.TableInteractions;
import org.recausal.engine.recsys.features.FeatureEncoding;
import org.recausal.engine.recsys.sasrec.SasRecConfig;
import org.recausal.engine.task.CancellationToken;
import org.recausal.engine.task.ProgressListener;

/**
 * The Train dialog's "Use the DAG's variables that feed the recommender": offered, on by default, when the graph's
 * exposure has observed causes the tables hold per user or item; and a SASRec trained with it reads them.
 */
class SideFeaturesTrainingTest {
    @TempDir
    Path temp;

    private DatasetTable pairs() {
        Table read = TableReader.read(RecsysFixtures.exposureLog(temp)).table();
        return new DatasetTable("pairs", "pairs", new Table("pairs", read.columns()));
    }

    private Dag dag() throws Exception {
        return ProjectFiles.open(RecsysFixtures.exposureProject(temp)).dag();
    }

    @Test
    void theDialogOffersTheExposuresCausesAndStartsWithThemOn() throws Exception {
        TrainDialogModel model = new TrainDialogModel(List.of(pairs()), dag());
        assertThat(model.getTraits()).containsExactly("popularity");
        assertThat(model.sideFeaturesProperty().get()).isTrue();
        assertThat(model.settings().sideFeatures()).isTrue();
        model.sideFeaturesProperty().set(false);
        assertThat(model.settings().sideFeatures()).isFalse();
        model.sideFeaturesProperty().set(true);
        model.kindProperty().set(ModelKind.BPR);
        assertThat(model.settings().sideFeatures()).as("only SASRec reads traits").isFalse();

        TrainDialogModel plain = new TrainDialogModel(List.of(pairs()), new Dag());
        assertThat(plain.getTraits()).isEmpty();
        assertThat(plain.sideFeaturesProperty().get()).isFalse();
        assertThat(plain.settings().sideFeatures()).isFalse();
    }

    @Test
    void aSasRecTrainedWithThemReadsThemAndSaysSoInItsSettings() throws Exception {
        Dag dag = dag();
        DatasetTable pairs = pairs();
        ProjectData data = new ProjectData(List.of(MappedTable.of(dag, pairs.table(), ColumnMapping.automatic())),
                List.of(), List.of());
        TrainSettings settings = new TrainSettings("pairs", new TableInteractions.Columns("user_id", "item_id", null,
                "exposure", null), ModelKind.SASREC, SplitKind.LEAVE_ONE_OUT, 0, 0,
                new SasRecConfig(10, 8, 1, 1, 0.2f, 0.01f, 16, 2, 1), null, 0, null, true);
        TrainedRecommender trained = new TrainingRun(2).run("traits", settings, pairs.table(),
                new CausalData(dag, () -> data), null, report -> { }, ProgressListener.NONE, CancellationToken.none());
        assertThat(trained.stored().sasrec().features().variables()).extracting(FeatureEncoding::name)
                .containsExactly("popularity");
        assertThat(trained.report()).isNotNull();
        assertThat(TrainSettings.fromJson(trained.settings().toJson()).sideFeatures()).isTrue();
    }
}

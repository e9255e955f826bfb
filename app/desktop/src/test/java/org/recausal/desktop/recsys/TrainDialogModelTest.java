package org.recausal.desktop.recsys;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recausal.engine.dag.Dag;
import org.recausal.engine.dag.DataType;
import org.recausal.engine.dag.Role;
import org.recausal.engine.dag.Variable;

class TrainDialogModelTest {

    @TempDir
    Path temp;

    @Test
    void columnsAreGuessedFromTheirNamesAndSasRecStartsWithThePapersSettings() {
        TrainDialogModel model = new TrainDialogModel(List.of(RecsysFixtures.cyclicLog(temp)), new Dag());
        assertThat(model.userProperty().get()).isEqualTo("user_id");
        assertThat(model.itemProperty().get()).isEqualTo("item_id");
        assertThat(model.timeProperty().get()).isEqualTo("timestamp");
        assertThat(model.feedbackProperty().get()).isEqualTo("rating");
        assertThat(model.propensityProperty().get()).isEqualTo("propensity");
        assertThat(model.getNumericColumns()).startsWith(TrainDialogModel.NONE).doesNotContain("user_id");
        TrainSettings settings = model.settings();
        assertThat(model.problemProperty().get()).isEmpty();
        assertThat(settings.kind()).isEqualTo(ModelKind.SASREC);
        assertThat(settings.sasrec().maxLength()).isEqualTo(50);
        assertThat(settings.sasrec().dimension()).isEqualTo(50);
        assertThat(settings.sasrec().blocks()).isEqualTo(2);
        assertThat(settings.sasrec().dropout()).isEqualTo(0.5f);
        assertThat(settings.sasrec().learningRate()).isEqualTo(0.001f);
        assertThat(settings.split()).isEqualTo(SplitKind.LEAVE_ONE_OUT);
    }

    @Test
    void aRatingModelTakesItsOwnDefaultsAndARandomSplit() {
        TrainDialogModel model = new TrainDialogModel(List.of(RecsysFixtures.cyclicLog(temp)), new Dag());
        model.kindProperty().set(ModelKind.MF_SNIPS);
        TrainSettings settings = model.settings();
        assertThat(settings.mf().factors()).isEqualTo(10);
        assertThat(settings.mf().steps()).isEqualTo(1000);
        assertThat(settings.split()).isEqualTo(SplitKind.RANDOM);
        assertThat(settings.testShare()).isEqualTo(0.2);
        assertThat(settings.columns().propensity()).isEqualTo("propensity");
    }

    @Test
    void whatIsMissingOrMistypedIsNamedAndNoSettingsAreGiven() {
        TrainDialogModel model = new TrainDialogModel(List.of(RecsysFixtures.cyclicLog(temp)), new Dag());
        model.learningRateProperty().set("fast");
        assertThat(model.settings()).isNull();
        assertThat(model.problemProperty().get()).isEqualTo("Learning rate: 'fast' is not a number");
        model.learningRateProperty().set("0.001");
        model.headsProperty().set("3");
        assertThat(model.problemProperty().get()).contains("divisible by the heads");
        model.headsProperty().set("1");
        model.kindProperty().set(ModelKind.MF_IPS);
        model.propensityProperty().set(TrainDialogModel.NONE);
        assertThat(model.problemProperty().get()).contains("choose the propensity column");
        model.propensityProperty().set("propensity");
        model.testShareProperty().set("0.95");
        assertThat(model.problemProperty().get()).contains("test share");
        model.splitProperty().set(SplitKind.LEAVE_ONE_OUT);
        assertThat(model.problemProperty().get()).isEmpty();
        assertThat(new TrainDialogModel(List.of(), new Dag()).problemProperty().get()).contains("no loaded dataset");
    }

    @Test
    void propensitiesFromTheDagNeedNoColumnAndNameTheExposureVariable() {
        Dag dag = new Dag();
        dag.addVariable(Variable.of("popularity", Role.ORDINARY, DataType.CONTINUOUS));
        dag.addVariable(Variable.of("shown", Role.EXPOSURE, DataType.BINARY));
        dag.addVariable(Variable.of("taste", Role.LATENT, DataType.CONTINUOUS));
        TrainDialogModel model = new TrainDialogModel(List.of(RecsysFixtures.cyclicLog(temp)), dag);
        assertThat(model.getExposures()).containsExactly("shown", "popularity");
        model.kindProperty().set(ModelKind.MF_IPS);
        model.propensityProperty().set(TrainDialogModel.NONE);
        assertThat(model.settings()).isNull();
        model.propensitySourceProperty().set(TrainDialogModel.PropensitySource.DAG);
        assertThat(model.problemProperty().get()).isEmpty();
        assertThat(model.settings().exposure()).isEqualTo("shown");
        model.kindProperty().set(ModelKind.MF);
        assertThat(model.settings().exposure()).isNull();
    }
}

package org.recausal.desktop.recsys;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainDialogModelTest {

    @TempDir
    Path temp;

    @Test
    void columnsAreGuessedFromTheirNamesAndSasRecStartsWithThePapersSettings() {
        TrainDialogModel model = new TrainDialogModel(List.of(RecsysFixtures.cyclicLog(temp)));
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
        TrainDialogModel model = new TrainDialogModel(List.of(RecsysFixtures.cyclicLog(temp)));
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
        TrainDialogModel model = new TrainDialogModel(List.of(RecsysFixtures.cyclicLog(temp)));
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
        assertThat(new TrainDialogModel(List.of()).problemProperty().get()).contains("no loaded dataset");
    }
}

package org.recausal.desktop.recsys;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.recausal.desktop.chart.PlotData;
import org.recausal.engine.recsys.EpochReport;

/** The training curves as plot data: the numbers of the epochs, named for the kind of model. */
class RecommenderPlotsTest {

    private static EpochReport epoch(int e, double loss, Map<String, Double> validation) {
        return new EpochReport(e, 4, loss, 0.1, 0.1 * e, validation);
    }

    @Test
    void bprCurvesPlotTheLossAndTheValidationOfTheEpochsThatHaveIt() {
        List<EpochReport> curve = List.of(epoch(1, 0.69, Map.of("HR@10", 0.2, "NDCG@10", 0.1)),
                epoch(2, 0.5, Map.of()), epoch(3, 0.4, Map.of("HR@10", 0.3, "NDCG@10", 0.15)));
        PlotData loss = RecommenderPlots.loss(curve, ModelKind.BPR);
        assertThat(loss.yLabel()).startsWith("BPR loss");
        assertThat(loss.xLabel()).isEqualTo("epoch");
        assertThat(loss.xRange()).containsExactly(0, 4);
        assertThat(loss.series().getFirst().x()).containsExactly(1, 2, 3);
        assertThat(loss.series().getFirst().y()).containsExactly(0.69, 0.5, 0.4);
        PlotData validation = RecommenderPlots.validation(curve, ModelKind.BPR);
        assertThat(validation.title()).isEqualTo("Validation (sampled 100)");
        assertThat(validation.series()).extracting(PlotData.Series::name).containsExactly("HR@10", "NDCG@10");
        assertThat(validation.series().get(1).x()).containsExactly(1, 3);
        assertThat(validation.series().get(1).y()).containsExactly(0.1, 0.15);
    }

    @Test
    void ratingCurvesNameTheirWeightedErrorAndTheStepsAsEpochs() {
        Map<String, Double> errors = new LinkedHashMap<>();
        errors.put("SNIPS-MSE", 1.5);
        errors.put("SNIPS-MAE", 1.1);
        List<EpochReport> curve = List.of(epoch(1, 2.0, errors));
        PlotData loss = RecommenderPlots.loss(curve, ModelKind.MF_SNIPS);
        assertThat(loss.yLabel()).isEqualTo("SNIPS-weighted squared error + L2");
        assertThat(loss.xLabel()).isEqualTo("epoch (full-batch Adam step)");
        PlotData validation = RecommenderPlots.validation(curve, ModelKind.MF_SNIPS);
        assertThat(validation.title()).contains("SNIPS estimate");
        assertThat(validation.series()).extracting(PlotData.Series::name).containsExactly("SNIPS-MSE", "SNIPS-MAE");
        assertThat(validation.series().getFirst().y()).containsExactly(1.5);
    }

    @Test
    void withoutEpochsThePlotsSaySo() {
        assertThat(RecommenderPlots.loss(List.of(), ModelKind.SASREC).hasPoints()).isFalse();
        assertThat(RecommenderPlots.validation(List.of(), ModelKind.SASREC).empty()).isEqualTo("No epoch finished yet.");
        assertThat(RecommenderPlots.cutoffs(null, org.recausal.engine.recsys.metrics.Protocol.FULL).hasPoints()).isFalse();
    }
}

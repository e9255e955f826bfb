package org.recausal.desktop.recsys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.recausal.engine.recsys.data.IdIndex;
import org.recausal.engine.recsys.data.Interactions;
import org.recausal.engine.recsys.mf.FactorModel;

/** The test ratings' errors: the IPS estimate counts each rating for the cells it stands for in the whole matrix. */
class ModelEvaluatorTest {

    @Test
    void ipsErrorsDivideByThePropensityAndTheTestsShareOfTheLog() {
        Interactions.Builder test = Interactions.builder(new IdIndex(), new IdIndex());
        test.add("u0", "i0", 2, 0).propensity(0.5f);
        test.add("u1", "i1", 4, 0).propensity(0.25f);
        test.items().add("i2");
        // A model of zeros predicts 0: each error is the rating itself.
        FactorModel zero = new FactorModel(2, 3, 1);
        Map<String, Double> errors = ModelEvaluator.ratingErrors(zero, test.build(), 0.2);
        assertThat(errors.get("MSE")).isCloseTo((4 + 16) / 2.0, within(1e-12));
        // 2 users x 3 items = 6 cells; a cell is a test rating with its propensity times 0.2.
        assertThat(errors.get("IPS-MSE")).isCloseTo((4 / (0.5 * 0.2) + 16 / (0.25 * 0.2)) / 6, within(1e-9));
        assertThat(errors.get("IPS-MAE")).isCloseTo((2 / (0.5 * 0.2) + 4 / (0.25 * 0.2)) / 6, within(1e-9));
        assertThat(errors.get("SNIPS-MSE")).isCloseTo((4 / 0.5 + 16 / 0.25) / (1 / 0.5 + 1 / 0.25), within(1e-9));
    }
}

package org.recausal.engine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import smile.data.DataFrame;
import smile.data.Tuple;
import smile.data.formula.Formula;
import smile.data.type.DataTypes;
import smile.data.type.StructField;
import smile.data.type.StructType;
import smile.data.vector.ValueVector;
import smile.model.cart.Loss;

/** The copy of Smile's boosted trees predicts exactly what Smile does, and refuses malformed trees. */
class TreeEnsembleTest {
    private static final int ROWS = 600;

    /** x0 ~ N(0, 1), x1 uniform on [-2, 2], x2 in {0, 1}; the target a non-linear function of them. */
    private static double[][] features(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] x = new double[3][ROWS];
        for (int i = 0; i < ROWS; i++) {
            x[0][i] = random.nextGaussian();
            x[1][i] = 4 * random.nextDouble() - 2;
            x[2][i] = random.nextInt(2);
        }
        return x;
    }

    private static DataFrame frame(double[][] x, ValueVector target) {
        return new DataFrame(ValueVector.of("f0", x[0]), ValueVector.of("f1", x[1]), ValueVector.of("f2", x[2]),
                target);
    }

    private static Tuple row(double[][] x, int i) {
        StructType schema = new StructType(List.of(new StructField("f0", DataTypes.DoubleType),
                new StructField("f1", DataTypes.DoubleType), new StructField("f2", DataTypes.DoubleType)));
        return Tuple.of(schema, new double[] {x[0][i], x[1][i], x[2][i]});
    }

    @Test
    void regressionPredictionsAreSmilesBitForBit() {
        double[][] x = features(1);
        double[] y = new double[ROWS];
        for (int i = 0; i < ROWS; i++) {
            y[i] = Math.sin(2 * x[0][i]) + x[1][i] * x[2][i];
        }
        var options = new smile.regression.GradientTreeBoost.Options(Loss.ls(), 40, 4, 16, 5, 0.1, 1.0, null, null);
        var fitted = smile.regression.GradientTreeBoost.fit(Formula.lhs("y"), frame(x, ValueVector.of("y", y)),
                options);
        TreeEnsemble trees = SmileTrees.of(fitted, 0.1, 3);

        assertThat(trees.trees()).isEqualTo(40);
        for (int i = 0; i < ROWS; i++) {
            assertThat(trees.score(0, new double[] {x[0][i], x[1][i], x[2][i]})).isEqualTo(fitted.predict(row(x, i)));
        }
    }

    @Test
    void classProbabilitiesAreSmilesForTwoAndForThreeClasses() {
        double[][] x = features(2);
        for (int classes : new int[] {2, 3}) {
            int[] y = new int[ROWS];
            SplittableRandom random = new SplittableRandom(classes);
            for (int i = 0; i < ROWS; i++) {
                y[i] = (int) Math.floorMod((long) Math.floor(x[0][i] + x[2][i] + random.nextDouble()), classes);
            }
            var options = new smile.classification.GradientTreeBoost.Options(30, 3, 8, 5, 0.1, 1.0, null, null);
            var fitted = smile.classification.GradientTreeBoost.fit(Formula.lhs("y"), frame(x, ValueVector.of("y", y)),
                    options);
            Features features = Features.of(List.of("f0", "f1", "f2"),
                    List.of(Scale.numeric(), Scale.numeric(), Scale.numeric()));
            Classifier copy = new BoostedTrees.BoostedClassifier(features, SmileTrees.of(fitted, 0.1, 3),
                    fitted.classes(), classes);
            double[] ours = new double[classes];
            double[] theirs = new double[classes];
            for (int i = 0; i < ROWS; i++) {
                copy.probabilities(x, i, ours);
                fitted.predict(row(x, i), theirs);
                for (int k = 0; k < classes; k++) {
                    // Smile uses Math.exp, the copy the portable exp: they agree to the last bit or two.
                    assertThat(ours[k]).isCloseTo(theirs[k], within(1e-14));
                }
            }
        }
    }

    @Test
    void malformedTreesAreRefused() {
        int[] start = {0, 3};
        assertThatThrownBy(() -> new TreeEnsemble(0, 0.1, 1, start, new int[] {0, -1, -1}, new int[] {1, -1, -1},
                new double[] {0.5, 1, 2}, 1)).hasMessageContaining("node 0 of tree 1 has children outside its tree");
        assertThatThrownBy(() -> new TreeEnsemble(0, 0.1, 1, start, new int[] {4, -1, -1}, new int[] {2, -1, -1},
                new double[] {0.5, 1, 2}, 1)).hasMessageContaining("node 0 splits on feature 4 of 1");
        assertThatThrownBy(() -> new TreeEnsemble(0, 0.1, 1, start, new int[] {0, -1, -1}, new int[] {2, -1, -1},
                new double[] {0.5, Double.NaN, 2}, 1)).hasMessageContaining("node 1 has a value that is not a finite");
        assertThatThrownBy(() -> new TreeEnsemble(0, 0.1, 2, start, new int[] {0, -1, -1}, new int[] {2, -1, -1},
                new double[] {0.5, 1, 2}, 1)).hasMessageContaining("1 trees cannot be split into 2 groups");
        TreeEnsemble fine = new TreeEnsemble(0.25, 0.5, 1, start, new int[] {0, -1, -1}, new int[] {2, -1, -1},
                new double[] {0.5, 1, 2}, 1);
        assertThat(fine.score(0, new double[] {0.5})).isEqualTo(0.25 + 0.5 * 1);
        assertThat(fine.score(0, new double[] {0.6})).isEqualTo(0.25 + 0.5 * 2);
        assertThat(fine.score(0, new double[] {Double.NaN})).as("NaN goes the false way, as in Smile")
                .isEqualTo(0.25 + 0.5 * 2);
    }
}

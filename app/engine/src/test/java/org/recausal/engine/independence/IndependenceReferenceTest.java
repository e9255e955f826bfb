package org.recausal.engine.independence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.recausal.engine.dag.DataType;
import org.recausal.engine.data.Table;
import org.recausal.engine.data.TableReader;

/**
 * Checks each test against peer implementations on a fixed small data set. The data ({@code small.csv}: 60 rows,
 * three missing values in c) and every expected number come from {@code src/test/resources/independence/
 * reference.py}, run with Debian bookworm's python3-scipy 1.10.1 and python3-statsmodels 0.13.5: scipy's
 * chi2_contingency (correction off; lambda "log-likelihood" for G) per stratum on the values that occur there,
 * numpy least squares residuals for partial correlations, statsmodels OLS / Logit / MNLogit log-likelihoods for the
 * regression likelihood ratios.
 */
class IndependenceReferenceTest {

    private static Table table;

    @BeforeAll
    static void read() {
        table = TableReader.read(Path.of("src/test/resources/independence/small.csv")).table();
    }

    private static TestVariable v(String name, DataType type) {
        return TestVariables.of(name, table.column(name), type);
    }

    private static TestVariable continuous(String name) {
        return v(name, DataType.CONTINUOUS);
    }

    private static TestVariable categorical(String name) {
        return v(name, DataType.CATEGORICAL);
    }

    private static Offset<Double> close(double expected) {
        return within(Math.abs(expected) * 1e-9 + 1e-12);
    }

    @Test
    void fisherZMatchesNumpyResiduals() {
        TestResult marginal = new FisherZTest().test(continuous("a"), continuous("b"), List.of());
        assertThat(marginal.statistic()).isCloseTo(5.280668446029879, close(5.280668446029879));
        assertThat(marginal.p()).isCloseTo(1.2871342667345772e-07, close(1.2871342667345772e-07));
        assertThat(marginal.n()).isEqualTo(60);
        assertThat(marginal.hasDf()).isFalse();
        assertThat(marginal.detail()).startsWith("partial correlation 0.6040 on 60 rows");

        TestResult partial = new FisherZTest().test(continuous("a"), continuous("b"), List.of(continuous("c")));
        assertThat(partial.statistic()).isCloseTo(2.6741312063530387, close(2.6741312063530387));
        assertThat(partial.p()).isCloseTo(0.007492313204310885, close(0.007492313204310885));
        assertThat(partial.n()).isEqualTo(57);
        assertThat(partial.dropped()).isEqualTo(3);
        assertThat(partial.detail()).isEqualTo("partial correlation 0.3516 on 57 rows (3 rows with a missing value "
                + "dropped)");
    }

    @Test
    void gTestAndPearsonMatchScipy() {
        TestResult g = ContingencyTest.gTest().test(categorical("d"), categorical("f"), List.of());
        assertThat(g.statistic()).isCloseTo(1.8290031487779461, close(1.8290031487779461));
        assertThat(g.df()).isEqualTo(4);
        assertThat(g.p()).isCloseTo(0.7671719941120542, close(0.7671719941120542));

        TestResult x2 = ContingencyTest.pearsonChiSquare().test(categorical("d"), categorical("f"), List.of());
        assertThat(x2.statistic()).isCloseTo(1.8127705627705628, close(1.8127705627705628));
        assertThat(x2.p()).isCloseTo(0.7701450885118789, close(0.7701450885118789));
    }

    @Test
    void stratifiedTestsSumOverStrataWithAdjustedDf() {
        TestVariable e = v("e", DataType.BINARY);
        TestResult g = ContingencyTest.gTest().test(categorical("d"), categorical("f"), List.of(e));
        assertThat(g.statistic()).isCloseTo(9.370559146870088, close(9.370559146870088));
        assertThat(g.df()).isEqualTo(8);
        assertThat(g.p()).isCloseTo(0.31200648858228053, close(0.31200648858228053));
        assertThat(g.given()).containsExactly("e");
        assertThat(g.detail()).startsWith("60 rows in 2 strata (2 with two or more values of both)");

        TestResult x2 = ContingencyTest.pearsonChiSquare().test(categorical("d"), categorical("f"), List.of(e));
        assertThat(x2.statistic()).isCloseTo(9.17617033039111, close(9.17617033039111));
        assertThat(x2.p()).isCloseTo(0.3276532313473597, close(0.3276532313473597));
    }

    @Test
    void mixedTestMatchesStatsmodelsLinearAndMultinomialFits() {
        TestResult result = new MixedRegressionTest().test(continuous("a"), categorical("d"),
                List.of(v("e", DataType.BINARY)));
        // a ~ C(e) + C(d) vs a ~ C(e): OLS, LR 5.158608058518411 on 2 df, p 0.07582675886834328.
        // d ~ C(e) + a vs d ~ C(e): MNLogit, LR 5.281448279787327 on 2 df, p 0.07130961271988316.
        assertThat(result.statistic()).isCloseTo(5.158608058518411, close(5.158608058518411));
        assertThat(result.df()).isEqualTo(2);
        assertThat(result.p()).isCloseTo(0.07582675886834328, within(1e-9));
        assertThat(result.detail()).contains("d ~ a + e (multinomial logistic): LR 5.281, df 2, p 0.07131",
                "a ~ d + e (linear): LR 5.159, df 2, p 0.07583");
    }

    @Test
    void mixedTestMatchesStatsmodelsLogit() {
        TestResult result = new MixedRegressionTest().test(v("e", DataType.BINARY), continuous("a"),
                List.of(continuous("b")));
        // e ~ b + a vs e ~ b: Logit, LR 3.2633219609448503, p 0.07084547012753224.
        // a ~ b + C(e) vs a ~ b: OLS, LR 3.2818209948071058, p 0.07005116456596519.
        assertThat(result.statistic()).isCloseTo(3.2633219609448503, within(1e-7));
        assertThat(result.p()).isCloseTo(0.07084547012753224, within(1e-8));
        assertThat(result.detail()).contains("a ~ e + b (linear): LR 3.282, df 1, p 0.07005",
                "e ~ a + b (logistic): LR 3.263, df 1, p 0.07085");
    }

    @Test
    void theTestFollowsTheVariablesKinds() {
        assertThat(IndependenceTest.forVariables(continuous("a"), continuous("b"), List.of(continuous("c"))))
                .isInstanceOf(FisherZTest.class);
        assertThat(IndependenceTest.forVariables(v("a", DataType.COUNT), continuous("b"), List.of()))
                .isInstanceOf(FisherZTest.class);
        assertThat(IndependenceTest.forVariables(categorical("d"), categorical("f"), List.of(v("e", DataType.BINARY)))
                .name()).isEqualTo("G-test (stratified)");
        assertThat(IndependenceTest.forVariables(categorical("d"), categorical("f"), List.of(continuous("a"))))
                .isInstanceOf(MixedRegressionTest.class);
    }
}

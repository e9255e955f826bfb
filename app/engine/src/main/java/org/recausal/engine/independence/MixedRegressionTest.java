package org.recausal.engine.independence;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.recausal.engine.task.CancellationToken;

/**
 * The symmetric likelihood-ratio test of Tsagris, Borboudakis, Lagani and Tsamardinos (2018, "Constraint-based
 * causal discovery with mixed data"), as in MXM's ci.mm: y is regressed on the conditioning set with and without x,
 * and x on the set with and without y, each with the model its type calls for (linear for continuous responses,
 * logistic or multinomial logistic for discrete ones; discrete predictors enter as indicators). Each direction's
 * statistic 2 (l1 - l0) is compared with chi-square on the number of added parameters, and the two p-values are
 * combined as min(2 min(p1, p2), max(p1, p2)).
 */
public final class MixedRegressionTest implements IndependenceTest {

    public static final String NAME = "Likelihood ratio, symmetric regressions";

    /** One direction: the response regressed on the other variable and the conditioning set. */
    record Direction(String response, String model, double statistic, double df, double p, boolean converged) {
        String describe(String other, List<String> given) {
            String predictors = given.isEmpty() ? other : other + " + " + String.join(" + ", given);
            return String.format(Locale.ROOT, "%s ~ %s (%s): LR %.4g, df %d, p %.4g%s", response, predictors, model,
                    statistic, (long) df, p, converged ? "" : " (the fit did not converge: the categories may be "
                    + "perfectly separated)");
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public TestResult test(TestVariable x, TestVariable y, List<TestVariable> given, CancellationToken cancel) {
        CompleteRows rows = new CompleteRows(IndependenceTest.involved(x, y, given), cancel);
        if (rows.count() == 0) {
            throw new NotTestableException("no row has values for all of the variables");
        }
        Direction yOnX = direction(y, x, given, rows);
        Direction xOnY = direction(x, y, given, rows);
        double p = Math.min(2 * Math.min(yOnX.p(), xOnY.p()), Math.max(yOnX.p(), xOnY.p()));
        Direction shown = yOnX.p() >= xOnY.p() ? yOnX : xOnY;
        List<String> givenNames = IndependenceTest.names(given);
        String detail = yOnX.describe(x.name(), givenNames) + "; " + xOnY.describe(y.name(), givenNames)
                + "; combined as min(2 min p, max p); " + rows.count() + " rows (" + rows.droppedText() + ")";
        return new TestResult(x.name(), y.name(), givenNames, NAME, shown.statistic(), shown.df(), p, rows.count(),
                rows.dropped(), detail);
    }

    private static Direction direction(TestVariable response, TestVariable other, List<TestVariable> given,
            CompleteRows rows) {
        List<TestVariable> terms = new ArrayList<>(given);
        terms.add(other);
        return switch (response) {
            case ContinuousVariable c -> linear(c, other, given, terms, rows);
            case DiscreteVariable d -> logistic(d, other, given, terms, rows);
        };
    }

    /** Nested least squares fits from one swept cross-product matrix: LR = n ln(RSS0 / RSS1). */
    private static Direction linear(ContinuousVariable response, TestVariable other, List<TestVariable> given,
            List<TestVariable> terms, CompleteRows rows) {
        terms.add(response);
        Design design = Design.of(terms, rows);
        Sweep sweep = new Sweep(design.crossProducts(rows));
        int otherStart = design.start(given.size());
        int r = design.start(given.size() + 1);
        sweep.sweepRange(0, otherStart);
        FisherZTest.requireVariation(response, sweep.remaining(r), given);
        int rank0 = sweep.rank();
        double rss0 = sweep.get(r, r);
        sweep.sweepRange(otherStart, r);
        int df = sweep.rank() - rank0;
        requireAddsSomething(other, df, given);
        long n = rows.count();
        if (n <= sweep.rank()) {
            throw new NotTestableException(n + " complete rows are too few for a regression with " + sweep.rank()
                    + " parameters");
        }
        double rss1 = Math.max(0, sweep.get(r, r));
        double statistic = rss1 == 0 ? Double.POSITIVE_INFINITY : Math.max(0, n * Math.log(rss0 / rss1));
        return new Direction(response.name(), "linear", statistic, df, Tails.chiSquare(statistic, df), true);
    }

    /** Nested (multinomial) logistic fits on the design columns that are not aliased: LR = 2 (l1 - l0). */
    private static Direction logistic(DiscreteVariable response, TestVariable other, List<TestVariable> given,
            List<TestVariable> terms, CompleteRows rows) {
        long[] counts = new long[response.levels()];
        for (int row = 0; row < rows.size(); row++) {
            if (rows.complete(row)) {
                counts[response.code(row)]++;
            }
        }
        int[] classOf = new int[counts.length];
        int classes = 0;
        for (int code = 0; code < counts.length; code++) {
            classOf[code] = counts[code] > 0 ? classes++ : -1;
        }
        if (classes < 2) {
            throw new NotTestableException("'" + response.name() + "' takes a single value in the complete rows");
        }
        Design design = Design.of(terms, rows);
        Sweep sweep = new Sweep(design.crossProducts(rows));
        int otherStart = design.start(given.size());
        List<Integer> nullColumns = new ArrayList<>();
        for (int k = 0; k < otherStart; k++) {
            if (sweep.sweep(k)) {
                nullColumns.add(k);
            }
        }
        List<Integer> fullColumns = new ArrayList<>(nullColumns);
        for (int k = otherStart; k < design.width(); k++) {
            if (sweep.sweep(k)) {
                fullColumns.add(k);
            }
        }
        int added = fullColumns.size() - nullColumns.size();
        requireAddsSomething(other, added, given);
        MultinomialLogit.Fit reduced = MultinomialLogit.fit(response, classOf, classes, design, toArray(nullColumns),
                rows);
        MultinomialLogit.Fit full = MultinomialLogit.fit(response, classOf, classes, design, toArray(fullColumns),
                rows);
        double statistic = Math.max(0, 2 * (full.logLikelihood() - reduced.logLikelihood()));
        double df = (double) (classes - 1) * added;
        return new Direction(response.name(), classes == 2 ? "logistic" : "multinomial logistic", statistic, df,
                Tails.chiSquare(statistic, df), reduced.converged() && full.converged());
    }

    private static void requireAddsSomething(TestVariable other, int df, List<TestVariable> given) {
        if (df == 0) {
            throw new NotTestableException("'" + other.name() + "' adds nothing "
                    + (given.isEmpty() ? "(it takes a single value)" : "to " + String.join(", ",
                    IndependenceTest.names(given)) + " (it is determined by them)"));
        }
    }

    private static int[] toArray(List<Integer> list) {
        return list.stream().mapToInt(Integer::intValue).toArray();
    }
}

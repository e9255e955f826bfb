package org.recausal.engine.independence;

import java.util.List;
import java.util.Locale;

import org.recausal.engine.task.CancellationToken;

/**
 * Fisher's z test of a partial correlation (as in Tetrad, pcalg and bnlearn): the correlation of x and y once the
 * conditioning variables are regressed out, r, transformed to z = atanh(r) sqrt(n - k - 3) with k the number of
 * (non-aliased) conditioning variables, and compared with the standard normal. Exact for Gaussian data; a large
 * sample approximation otherwise.
 */
public final class FisherZTest implements IndependenceTest {

    public static final String NAME = "Fisher z (partial correlation)";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public TestResult test(TestVariable x, TestVariable y, List<TestVariable> given, CancellationToken cancel) {
        List<TestVariable> all = IndependenceTest.involved(x, y, given);
        for (TestVariable v : all) {
            if (!(v instanceof ContinuousVariable)) {
                throw new IllegalArgumentException("Fisher's z needs continuous variables; '" + v.name()
                        + "' is discrete");
            }
        }
        CompleteRows rows = new CompleteRows(all, cancel);
        Design design = Design.of(all, rows);
        Sweep sweep = new Sweep(design.crossProducts(rows));
        int ix = design.start(given.size());
        int iy = design.start(given.size() + 1);
        sweep.sweepRange(0, ix);
        int k = sweep.rank() - 1;
        long n = rows.count();
        if (n - k - 3 < 1) {
            throw new NotTestableException(n + " complete rows are too few for a partial correlation given "
                    + given.size() + " variables (at least " + (k + 4) + " needed)");
        }
        double sxx = sweep.get(ix, ix);
        double syy = sweep.get(iy, iy);
        double sxy = sweep.get(ix, iy);
        requireVariation(x, sweep.remaining(ix), given);
        requireVariation(y, sweep.remaining(iy), given);
        double r = Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
        double z = 0.5 * Math.log1p(2 * r / (1 - r)) * Math.sqrt(n - k - 3);
        double p = Double.isInfinite(z) ? 0 : Tails.normalTwoSided(z);
        String detail = String.format(Locale.ROOT, "partial correlation %.4f on %d rows (%s)", r, n,
                rows.droppedText());
        return new TestResult(x.name(), y.name(), IndependenceTest.names(given), NAME, z, Double.NaN, p, n,
                rows.dropped(), detail);
    }

    /** A variable the conditioning set explains exactly has no partial correlation to test. */
    static void requireVariation(TestVariable v, double remaining, List<TestVariable> given) {
        if (!(remaining > 1e-10)) {
            throw new NotTestableException("'" + v.name() + "' has no variation left "
                    + (given.isEmpty() ? "(it is constant)"
                    : "given " + String.join(", ", IndependenceTest.names(given))));
        }
    }
}

package org.recausal.engine.independence;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.recausal.engine.task.CancellationToken;

/**
 * Tests of independence of two discrete variables within each stratum (combination of values) of the discrete
 * conditioning variables, summed over the strata: the G-test (likelihood ratio, 2 sum O ln(O/E)) or Pearson's
 * chi-square (sum (O-E)^2/E). Degrees of freedom are adjusted for empty cells as in bnlearn's "adf" tests and
 * pgmpy: each stratum contributes (r - 1)(c - 1) for the r values of x and c values of y that occur in it, so
 * strata with a single observed value of either add nothing.
 */
public final class ContingencyTest implements IndependenceTest {

    /** Cells are counted in one array up to this many; beyond it, strata are kept in a map as they occur. */
    private static final long DENSE_CELLS = 1 << 20;

    private final boolean likelihoodRatio;

    private ContingencyTest(boolean likelihoodRatio) {
        this.likelihoodRatio = likelihoodRatio;
    }

    public static ContingencyTest gTest() {
        return new ContingencyTest(true);
    }

    public static ContingencyTest pearsonChiSquare() {
        return new ContingencyTest(false);
    }

    @Override
    public String name() {
        return likelihoodRatio ? "G-test (stratified)" : "Pearson chi-square (stratified)";
    }

    @Override
    public TestResult test(TestVariable x, TestVariable y, List<TestVariable> given, CancellationToken cancel) {
        DiscreteVariable dx = discrete(x);
        DiscreteVariable dy = discrete(y);
        DiscreteVariable[] z = given.stream().map(ContingencyTest::discrete).toArray(DiscreteVariable[]::new);
        CompleteRows rows = new CompleteRows(IndependenceTest.involved(x, y, given), cancel);
        int cells = dx.levels() * dy.levels();
        Map<Long, long[]> strata = count(dx, dy, z, rows, cells);
        double statistic = 0;
        long df = 0;
        int informative = 0;
        for (long[] table : strata.values()) {
            Stratum stratum = new Stratum(table, dx.levels(), dy.levels());
            statistic += likelihoodRatio ? stratum.g() : stratum.pearson();
            df += stratum.df();
            informative += stratum.df() > 0 ? 1 : 0;
        }
        if (df == 0) {
            throw new NotTestableException(rows.count() == 0 ? "no row has values for all of the variables"
                    : "no " + (z.length == 0 ? "" : "stratum of the conditioning set ") + "holds two values each of '"
                    + x.name() + "' and '" + y.name() + "'");
        }
        double p = Tails.chiSquare(statistic, df);
        String detail = String.format(Locale.ROOT, "%d rows in %d %s (%d with two or more values of both), "
                + "df adjusted for empty cells; %s", rows.count(), strata.size(),
                strata.size() == 1 ? "stratum" : "strata", informative, rows.droppedText());
        return new TestResult(x.name(), y.name(), IndependenceTest.names(given), name(), statistic, df, p, rows.count(),
                rows.dropped(), detail);
    }

    private static DiscreteVariable discrete(TestVariable v) {
        if (v instanceof DiscreteVariable d) {
            return d;
        }
        throw new IllegalArgumentException("contingency tests need discrete variables; '" + v.name()
                + "' is continuous");
    }

    /** The x-by-y table of counts of each stratum that occurs, keyed by the stratum's mixed-radix number. */
    private static Map<Long, long[]> count(DiscreteVariable x, DiscreteVariable y, DiscreteVariable[] z,
            CompleteRows rows, int cells) {
        double strataBound = 1;
        for (DiscreteVariable v : z) {
            strataBound *= v.levels();
        }
        boolean dense = strataBound * cells <= DENSE_CELLS;
        long[] all = dense ? new long[(int) strataBound * cells] : null;
        Map<Long, long[]> strata = new HashMap<>();
        int ky = y.levels();
        rows.checkCancelled();
        for (int row = 0; row < rows.size(); row++) {
            if (!rows.complete(row)) {
                continue;
            }
            long stratum = 0;
            for (DiscreteVariable v : z) {
                stratum = stratum * v.levels() + v.code(row);
            }
            int cell = x.code(row) * ky + y.code(row);
            if (dense) {
                all[(int) stratum * cells + cell]++;
            } else {
                strata.computeIfAbsent(stratum, s -> new long[cells])[cell]++;
            }
        }
        if (dense) {
            for (int s = 0; s < (int) strataBound; s++) {
                long[] table = java.util.Arrays.copyOfRange(all, s * cells, (s + 1) * cells);
                if (java.util.Arrays.stream(table).anyMatch(c -> c > 0)) {
                    strata.put((long) s, table);
                }
            }
        }
        return strata;
    }

    /** One stratum's table, with the margins of the rows and columns that occur. */
    private static final class Stratum {
        private final long[] table;
        private final int ky;
        private final long[] rowTotals;
        private final long[] columnTotals;
        private final long total;

        Stratum(long[] table, int kx, int ky) {
            this.table = table;
            this.ky = ky;
            rowTotals = new long[kx];
            columnTotals = new long[ky];
            long sum = 0;
            for (int i = 0; i < kx; i++) {
                for (int j = 0; j < ky; j++) {
                    long count = table[i * ky + j];
                    rowTotals[i] += count;
                    columnTotals[j] += count;
                    sum += count;
                }
            }
            total = sum;
        }

        long df() {
            long rows = java.util.Arrays.stream(rowTotals).filter(c -> c > 0).count();
            long columns = java.util.Arrays.stream(columnTotals).filter(c -> c > 0).count();
            return (rows - 1) * (columns - 1);
        }

        double g() {
            double g = 0;
            for (int i = 0; i < rowTotals.length; i++) {
                for (int j = 0; j < ky; j++) {
                    long observed = table[i * ky + j];
                    if (observed > 0) {
                        double expected = (double) rowTotals[i] * columnTotals[j] / total;
                        g += observed * Math.log(observed / expected);
                    }
                }
            }
            return Math.max(0, 2 * g);
        }

        double pearson() {
            double x2 = 0;
            for (int i = 0; i < rowTotals.length; i++) {
                for (int j = 0; j < ky; j++) {
                    if (rowTotals[i] > 0 && columnTotals[j] > 0) {
                        double expected = (double) rowTotals[i] * columnTotals[j] / total;
                        double d = table[i * ky + j] - expected;
                        x2 += d * d / expected;
                    }
                }
            }
            return x2;
        }
    }
}

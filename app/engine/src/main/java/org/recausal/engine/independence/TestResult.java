package org.recausal.engine.independence;

import java.util.List;

/**
 * The outcome of one test of "x is independent of y given the conditioning set".
 *
 * @param test      the test's name, e.g. "Fisher z (partial correlation)"
 * @param statistic the test statistic (z for Fisher's z, G or X² for contingency tests, the likelihood ratio for
 *                  regression tests)
 * @param df        degrees of freedom of the chi-square reference; NaN where the reference is the normal
 * @param p         the p-value: the probability, were x and y independent given the set, of a statistic at least as
 *                  far from independence
 * @param n         rows used: those with a value for every variable involved
 * @param dropped   rows left out because one of the variables involved was missing there
 * @param detail    how the test went, for the analyst (models fitted, rows dropped, cautions)
 */
public record TestResult(String x, String y, List<String> given, String test, double statistic, double df, double p,
        long n, long dropped, String detail) {

    public TestResult {
        given = List.copyOf(given);
    }

    public boolean hasDf() {
        return !Double.isNaN(df);
    }
}

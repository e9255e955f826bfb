package org.recausal.engine.model;

/**
 * exp and log from additions, multiplications and one division only, so that they give the same bits on every
 * machine and JVM (Math.exp and Math.log may use platform-tuned routines that differ in the last bit) while
 * running several times faster than StrictMath's. Accurate to about one unit in the last place.
 */
public final class PortableMath {

    private static final double LN2_HI = 6.93147180369123816490e-01;
    private static final double LN2_LO = 1.90821492927058770002e-10;
    private static final double LOG2_E = 1.44269504088896338700e+00;
    private static final double SQRT2 = 1.41421356237309514547e+00;
    /** 1/13!, 1/12!, ..., 1/2!, 1, 1: Taylor coefficients of e^r, highest first. */
    private static final double[] EXP = new double[14];
    /** 1/23, 1/21, ..., 1/3, 1: the series of atanh(s)/s in s², highest first. */
    private static final double[] LOG = new double[12];

    static {
        double factorial = 1;
        for (int n = 1; n <= 13; n++) {
            factorial *= n;
            EXP[13 - n] = 1 / factorial;
        }
        EXP[13] = 1;
        for (int n = 0; n < 12; n++) {
            LOG[11 - n] = 1.0 / (2 * n + 1);
        }
    }

    private PortableMath() {
    }

    /** e^x: x = k ln 2 + r with |r| &lt;= ln 2 / 2 (Cody-Waite), e^r by its Taylor series to r^13. */
    public static double exp(double x) {
        if (x != x) {
            return x;
        }
        if (x > 709.782712893384) {
            return Double.POSITIVE_INFINITY;
        }
        if (x < -745.1332191019412) {
            return 0;
        }
        double k = Math.rint(x * LOG2_E);
        double r = (x - k * LN2_HI) - k * LN2_LO;
        double sum = EXP[0];
        for (int i = 1; i < EXP.length; i++) {
            sum = sum * r + EXP[i];
        }
        return Math.scalb(sum, (int) k);
    }

    /** ln x: x = 2^k m with m in [√½, √2), ln m = 2 atanh(s), s = (m - 1)/(m + 1), by its series to s^23. */
    public static double log(double x) {
        if (x != x || x < 0) {
            return Double.NaN;
        }
        if (x == 0) {
            return Double.NEGATIVE_INFINITY;
        }
        if (x == Double.POSITIVE_INFINITY) {
            return x;
        }
        int k = Math.getExponent(x);
        double m;
        if (k == Double.MIN_EXPONENT - 1) {
            // Subnormal: scale into the normal range first.
            double scaled = x * 0x1p54;
            k = Math.getExponent(scaled) - 54;
            m = Math.scalb(scaled, -Math.getExponent(scaled));
        } else {
            m = Math.scalb(x, -k);
        }
        if (m > SQRT2) {
            m *= 0.5;
            k++;
        }
        double s = (m - 1) / (m + 1);
        double s2 = s * s;
        double sum = LOG[0];
        for (int i = 1; i < LOG.length; i++) {
            sum = sum * s2 + LOG[i];
        }
        return k * LN2_HI + (k * LN2_LO + 2 * s * sum);
    }

    /** 1 / (1 + e^-x), without overflow. */
    public static double sigmoid(double x) {
        if (x >= 0) {
            return 1 / (1 + exp(-x));
        }
        double e = exp(x);
        return e / (1 + e);
    }
}

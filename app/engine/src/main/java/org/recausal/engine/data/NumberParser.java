package org.recausal.engine.data;

import java.nio.charset.StandardCharsets;

/**
 * Reads numbers straight from UTF-8 bytes without making a String per cell. A result is left in
 * {@link #longValue} or {@link #doubleValue}; one parser per column keeps this allocation-free.
 */
final class NumberParser {

    /** Powers of ten that doubles hold exactly. */
    private static final double[] POWERS = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18,
        1e19, 1e20, 1e21, 1e22
    };
    private static final long MAX_EXACT_MANTISSA = 1L << 53;

    long longValue;
    double doubleValue;

    /** An optional sign and decimal digits that fit a long. */
    boolean parseLong(byte[] b, int start, int end) {
        int i = start;
        boolean negative = false;
        if (i < end && (b[i] == '-' || b[i] == '+')) {
            negative = b[i] == '-';
            i++;
        }
        if (i == end) {
            return false;
        }
        long value = 0;
        for (; i < end; i++) {
            int digit = b[i] - '0';
            if (digit < 0 || digit > 9) {
                return false;
            }
            // Accumulate as a negative number so Long.MIN_VALUE fits.
            if (value < (Long.MIN_VALUE + digit) / 10) {
                return false;
            }
            value = value * 10 - digit;
        }
        if (!negative) {
            if (value == Long.MIN_VALUE) {
                return false;
            }
            value = -value;
        }
        longValue = value;
        return true;
    }

    /**
     * A decimal number: sign, digits with an optional point, optional exponent ({@code -1.5e3}, {@code .5},
     * {@code 2.}). Short numbers are converted exactly by one correctly rounded multiplication or division;
     * longer ones go to {@link Double#parseDouble}.
     */
    boolean parseDouble(byte[] b, int start, int end) {
        int i = start;
        boolean negative = false;
        if (i < end && (b[i] == '-' || b[i] == '+')) {
            negative = b[i] == '-';
            i++;
        }
        long mantissa = 0;
        int digits = 0;
        int significant = 0;
        int scale = 0;
        boolean point = false;
        for (; i < end; i++) {
            byte c = b[i];
            if (c >= '0' && c <= '9') {
                digits++;
                if (mantissa != 0 || c != '0') {
                    significant++;
                }
                if (significant <= 18) {
                    mantissa = mantissa * 10 + (c - '0');
                    if (point) {
                        scale--;
                    }
                } else if (!point) {
                    scale++;
                }
            } else if (c == '.' && !point) {
                point = true;
            } else {
                break;
            }
        }
        if (digits == 0) {
            return false;
        }
        int exponent = 0;
        if (i < end) {
            if (b[i] != 'e' && b[i] != 'E') {
                return false;
            }
            i++;
            boolean negativeExponent = false;
            if (i < end && (b[i] == '-' || b[i] == '+')) {
                negativeExponent = b[i] == '-';
                i++;
            }
            if (i == end) {
                return false;
            }
            for (; i < end; i++) {
                int digit = b[i] - '0';
                if (digit < 0 || digit > 9) {
                    return false;
                }
                if (exponent < 100_000) {
                    exponent = exponent * 10 + digit;
                }
            }
            if (negativeExponent) {
                exponent = -exponent;
            }
        }
        int power = scale + exponent;
        if (significant <= 18 && mantissa < MAX_EXACT_MANTISSA && Math.abs(power) < POWERS.length) {
            double value = power < 0 ? mantissa / POWERS[-power] : mantissa * POWERS[power];
            doubleValue = negative ? -value : value;
        } else {
            doubleValue = Double.parseDouble(new String(b, start, end - start, StandardCharsets.ISO_8859_1));
        }
        return true;
    }
}

package org.recausal.engine.io;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Number formatting shared by the writers: plain decimal, at most six decimals, no trailing zeros. */
final class Numbers {
    private Numbers() {
    }

    static String format(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return BigDecimal.valueOf(value).setScale(6, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
    }

    /** The shortest decimal that reads back as exactly {@code value}, without exponent. */
    static String exact(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /** Quotes {@code text} with backslash escapes for {@code "} and {@code \}. */
    static String quote(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"';
    }
}

package org.recausal.desktop.data;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.recausal.engine.data.ColumnType;

/**
 * How numbers read in the data views: counts with thousands separators, values with about four significant
 * digits (no "1.0E-5" and no sixteen-digit tails), p-values as analysts write them. One locale for all, so a
 * screenshot reads the same on every machine.
 */
public final class Formats {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private Formats() {
    }

    /** A column type as the views name it: "integer", "decimal", "id"... */
    public static String type(ColumnType type) {
        return type.name().toLowerCase(Locale.ROOT);
    }

    /** 1234567 as "1,234,567". */
    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** A value with four significant digits, plain notation between 1e-4 and 1e9; "–" for NaN. */
    public static String number(double x) {
        if (Double.isNaN(x)) {
            return "\u2013";
        }
        if (Double.isInfinite(x)) {
            return x > 0 ? "\u221e" : "-\u221e";
        }
        if (x == Math.rint(x) && Math.abs(x) < 1e15) {
            return String.format(Locale.ROOT, "%,d", (long) x);
        }
        double magnitude = Math.abs(x);
        if (magnitude >= 1e9 || magnitude < 1e-4) {
            return String.format(Locale.ROOT, "%.3e", x);
        }
        int decimals = Math.max(0, 3 - (int) Math.floor(Math.log10(magnitude)));
        String text = String.format(Locale.ROOT, "%,." + decimals + "f", x);
        return decimals == 0 ? text : stripZeros(text);
    }

    /**
     * A decimal cell in full: the shortest text that reads back as the same double (as the file most likely wrote
     * it), in plain notation where that stays short.
     */
    public static String cell(double x) {
        double magnitude = Math.abs(x);
        if (!Double.isFinite(x) || (magnitude != 0 && (magnitude < 1e-6 || magnitude >= 1e15))) {
            return Double.toString(x);
        }
        return java.math.BigDecimal.valueOf(x).stripTrailingZeros().toPlainString();
    }

    /** A p-value: "< 0.0001" below that, else four decimals at most. */
    public static String p(double p) {
        if (Double.isNaN(p)) {
            return "\u2013";
        }
        if (p < 1e-4) {
            return "< 0.0001";
        }
        return stripZeros(String.format(Locale.ROOT, "%.4f", p));
    }

    /** A statistic or a df: three decimals at most. */
    public static String statistic(double x) {
        if (Double.isNaN(x)) {
            return "\u2013";
        }
        return x == Math.rint(x) && Math.abs(x) < 1e9 ? Long.toString((long) x)
                : String.format(Locale.ROOT, "%.3f", x);
    }

    /** Epoch milliseconds as a UTC date-time, or a date when it falls on midnight. */
    public static String time(long epochMillis) {
        Instant instant = Instant.ofEpochMilli(epochMillis);
        return epochMillis % 86_400_000L == 0 ? DAY.format(instant) : TIME.format(instant);
    }

    /** Epoch milliseconds as a UTC date. */
    public static String date(long epochMillis) {
        return DAY.format(Instant.ofEpochMilli(epochMillis));
    }

    /** "12 MB", "1.4 GB". */
    public static String bytes(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KB", "MB", "GB", "TB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, value < 10 ? "%.1f %s" : "%.0f %s", value, units[unit]);
    }

    /** A share as a percentage, "0.4%", "12%". */
    public static String percent(double share) {
        double pct = share * 100;
        if (pct > 0 && pct < 0.1) {
            return "< 0.1%";
        }
        if (pct > 99.9 && pct < 100) {
            return "> 99.9%";
        }
        // One decimal where rounding to a whole number would hide that it is not 0 or 100 (or small).
        boolean fine = pct != Math.rint(pct) && (pct < 10 || pct > 99);
        return String.format(Locale.ROOT, fine ? "%.1f%%" : "%.0f%%", pct);
    }

    private static String stripZeros(String text) {
        if (!text.contains(".")) {
            return text;
        }
        String stripped = text.replaceAll("0+$", "");
        return stripped.endsWith(".") ? stripped.substring(0, stripped.length() - 1) : stripped;
    }
}

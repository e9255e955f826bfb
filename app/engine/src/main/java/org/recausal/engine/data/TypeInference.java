package org.recausal.engine.data;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Guesses a column's type from its name and a sample of its (non-missing) cell texts. */
final class TypeInference {

    /** More distinct sampled values than this make a column named like an identifier an {@link ColumnType#ID}. */
    static final int ID_MIN_DISTINCT = 20;
    /** Share of sampled values a type must read to be chosen. */
    static final double MOSTLY = 0.95;
    /** 1973-03-03 in epoch seconds; smaller whole numbers are not taken for times. */
    private static final long EPOCH_SECONDS_MIN = 100_000_000L;
    /** Above this, whole numbers are milliseconds (1e11 seconds is the year 5138). */
    private static final long EPOCH_MILLIS_MIN = 100_000_000_000L;
    private static final long EPOCH_MILLIS_MAX = 10_000_000_000_000L;

    private static final Pattern WORD_BREAK = Pattern.compile("[^\\p{Alnum}]+|(?<=\\p{Lower})(?=\\p{Upper})");
    private static final Set<String> ID_WORDS = Set.of("id", "ids", "uid", "iid", "sid", "pid", "asin", "userid",
            "itemid", "movieid", "productid", "sessionid", "customerid");
    /** Names that mean an identifier only when they are the whole name ("user" yes, "user_age" no). */
    private static final Set<String> ID_NAMES = Set.of("user", "users", "item", "items", "key", "session");
    private static final Set<String> TIME_WORDS = Set.of("time", "timestamp", "ts", "date", "datetime", "epoch",
            "created", "updated", "when", "at", "day");

    private TypeInference() {
    }

    /**
     * The first type (boolean, integer, decimal, timestamp) that reads at least {@link #MOSTLY} of the values;
     * labels otherwise. The few values left over become reported problems rather than turning a column of numbers
     * into labels.
     */
    static ColumnPlan infer(String name, List<String> values) {
        if (values.isEmpty()) {
            return new ColumnPlan(name, ColumnType.CATEGORICAL, null, true);
        }
        NumberParser number = new NumberParser();
        TimestampParser time = new TimestampParser();
        int booleans = 0;
        int integers = 0;
        int decimals = 0;
        int timestamps = 0;
        long minInteger = Long.MAX_VALUE;
        long maxInteger = Long.MIN_VALUE;
        Set<String> distinct = new HashSet<>();
        for (String value : values) {
            byte[] b = value.getBytes(StandardCharsets.UTF_8);
            distinct.add(value);
            booleans += ColumnBuilder.Booleans.read(b, 0, b.length) >= 0 ? 1 : 0;
            if (number.parseLong(b, 0, b.length)) {
                integers++;
                minInteger = Math.min(minInteger, number.longValue);
                maxInteger = Math.max(maxInteger, number.longValue);
            }
            decimals += number.parseDouble(b, 0, b.length) ? 1 : 0;
            timestamps += time.parse(b, 0, b.length) ? 1 : 0;
        }
        int needed = (int) Math.ceil(MOSTLY * values.size());
        boolean idName = hasWord(name, ID_WORDS) || ID_NAMES.contains(name.trim().toLowerCase(Locale.ROOT));
        if (idName && (integers >= needed || decimals < needed)) {
            ColumnType type = distinct.size() > ID_MIN_DISTINCT ? ColumnType.ID : ColumnType.CATEGORICAL;
            return new ColumnPlan(name, type, null, true);
        }
        if (booleans >= needed) {
            return new ColumnPlan(name, ColumnType.BOOLEAN, null, true);
        }
        if (integers >= needed) {
            TimestampFormat epoch = hasWord(name, TIME_WORDS) ? epochFormat(minInteger, maxInteger) : null;
            return epoch == null ? new ColumnPlan(name, ColumnType.INTEGER, null, true)
                    : new ColumnPlan(name, ColumnType.TIMESTAMP, epoch, true);
        }
        if (decimals >= needed) {
            return new ColumnPlan(name, ColumnType.DECIMAL, null, true);
        }
        if (timestamps >= needed) {
            return new ColumnPlan(name, ColumnType.TIMESTAMP, TimestampFormat.ISO, true);
        }
        return new ColumnPlan(name, ColumnType.CATEGORICAL, null, true);
    }

    /** The plan for a type the analyst chose; a timestamp's format is still read from the sample. */
    static ColumnPlan forced(String name, ColumnType type, List<String> values) {
        if (type != ColumnType.TIMESTAMP) {
            return new ColumnPlan(name, type, null, false);
        }
        NumberParser number = new NumberParser();
        long max = 0;
        for (String value : values) {
            byte[] b = value.getBytes(StandardCharsets.UTF_8);
            if (!number.parseLong(b, 0, b.length)) {
                return new ColumnPlan(name, type, TimestampFormat.ISO, false);
            }
            max = Math.max(max, Math.abs(number.longValue));
        }
        TimestampFormat format = values.isEmpty() ? TimestampFormat.ISO
                : max >= EPOCH_MILLIS_MIN ? TimestampFormat.EPOCH_MILLIS : TimestampFormat.EPOCH_SECONDS;
        return new ColumnPlan(name, type, format, false);
    }

    private static TimestampFormat epochFormat(long min, long max) {
        if (min >= EPOCH_SECONDS_MIN && max < EPOCH_MILLIS_MIN) {
            return TimestampFormat.EPOCH_SECONDS;
        }
        if (min >= EPOCH_MILLIS_MIN && max < EPOCH_MILLIS_MAX) {
            return TimestampFormat.EPOCH_MILLIS;
        }
        return null;
    }

    /** Whether a column name, split at non-letters and camelCase humps, contains one of the words. */
    static boolean hasWord(String name, Set<String> words) {
        for (String word : WORD_BREAK.split(name)) {
            if (words.contains(word.toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }
}

package org.recausal.engine.data;

/**
 * Collects one column's values during an import. A record's cells are first staged in every column and committed
 * only when the whole record is accepted, so a dropped record leaves no trace (not even a dictionary entry).
 */
abstract sealed class ColumnBuilder {

    final String name;
    final Bits missing;
    boolean stagedMissing;

    ColumnBuilder(String name, Bits missing) {
        this.name = name;
        this.missing = missing;
    }

    static ColumnBuilder create(ColumnPlan plan) {
        return switch (plan.type()) {
            case INTEGER -> new Integers(plan.name(), new LongChunks(), new Bits());
            case DECIMAL -> new Decimals(plan.name(), new LongChunks(), new Bits());
            case BOOLEAN -> new Booleans(plan.name());
            case TIMESTAMP -> new Timestamps(plan.name(), plan.timestampFormat());
            case CATEGORICAL, ID -> new Labels(plan.name(), plan.type());
        };
    }

    /** Stages a cell's text; false when it does not read as this column's type. */
    abstract boolean stage(byte[] b, int start, int end);

    final void stageMissing() {
        stagedMissing = true;
    }

    /** Forgets what was staged for a record that is dropped. */
    final void discard() {
        stagedMissing = false;
    }

    /** Appends the staged value (or a missing value) as the next row. */
    abstract void commit();

    abstract Column build();

    /** What a cell must look like, for problem messages. */
    abstract String expected();

    /**
     * A builder of a wider type that holds every value committed so far and can read this cell, or null when no
     * such widening exists. Only inferred types are widened: a sample can miss a decimal point or a 2 among 0/1.
     */
    ColumnBuilder widenedFor(byte[] b, int start, int end) {
        return null;
    }

    static final class Integers extends ColumnBuilder {
        private final LongChunks values;
        private final NumberParser parser = new NumberParser();

        Integers(String name, LongChunks values, Bits missing) {
            super(name, missing);
            this.values = values;
        }

        @Override
        boolean stage(byte[] b, int start, int end) {
            return parser.parseLong(b, start, end);
        }

        @Override
        void commit() {
            values.add(stagedMissing ? 0 : parser.longValue);
            missing.add(stagedMissing);
            stagedMissing = false;
        }

        @Override
        Column build() {
            return new IntegerColumn(name, values, missing);
        }

        @Override
        String expected() {
            return "a whole number";
        }

        @Override
        ColumnBuilder widenedFor(byte[] b, int start, int end) {
            if (!parser.parseDouble(b, start, end)) {
                return null;
            }
            LongChunks doubles = new LongChunks();
            for (int row = 0; row < values.size(); row++) {
                doubles.add(Double.doubleToRawLongBits(values.get(row)));
            }
            return new Decimals(name, doubles, missing);
        }
    }

    static final class Decimals extends ColumnBuilder {
        private final LongChunks bits;
        private final NumberParser parser = new NumberParser();

        Decimals(String name, LongChunks bits, Bits missing) {
            super(name, missing);
            this.bits = bits;
        }

        @Override
        boolean stage(byte[] b, int start, int end) {
            return parser.parseDouble(b, start, end);
        }

        @Override
        void commit() {
            bits.add(stagedMissing ? 0 : Double.doubleToRawLongBits(parser.doubleValue));
            missing.add(stagedMissing);
            stagedMissing = false;
        }

        @Override
        Column build() {
            return new DecimalColumn(name, bits, missing);
        }

        @Override
        String expected() {
            return "a number";
        }
    }

    static final class Booleans extends ColumnBuilder {
        private final Bits values = new Bits();
        private boolean staged;
        /** Whether every value so far was written 0 or 1, so the column may still turn out to be integers. */
        private boolean onlyDigits = true;
        private boolean stagedDigit;

        Booleans(String name) {
            super(name, new Bits());
        }

        @Override
        boolean stage(byte[] b, int start, int end) {
            int value = read(b, start, end);
            if (value < 0) {
                return false;
            }
            staged = value == 1;
            stagedDigit = end - start == 1 && (b[start] == '0' || b[start] == '1');
            return true;
        }

        /** 1 for true, 0 for false, -1 for anything else. */
        static int read(byte[] b, int start, int end) {
            return switch (end - start) {
                case 1 -> switch (b[start]) {
                    case '1', 't', 'T', 'y', 'Y' -> 1;
                    case '0', 'f', 'F', 'n', 'N' -> 0;
                    default -> -1;
                };
                case 2 -> matches(b, start, "no") ? 0 : -1;
                case 3 -> matches(b, start, "yes") ? 1 : -1;
                case 4 -> matches(b, start, "true") ? 1 : -1;
                case 5 -> matches(b, start, "false") ? 0 : -1;
                default -> -1;
            };
        }

        private static boolean matches(byte[] b, int start, String lowerCase) {
            for (int i = 0; i < lowerCase.length(); i++) {
                if ((b[start + i] | 0x20) != lowerCase.charAt(i)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        void commit() {
            values.add(!stagedMissing && staged);
            missing.add(stagedMissing);
            onlyDigits &= stagedMissing || stagedDigit;
            stagedMissing = false;
        }

        @Override
        Column build() {
            return new BooleanColumn(name, values, missing);
        }

        @Override
        String expected() {
            return "true/false, yes/no or 0/1";
        }

        @Override
        ColumnBuilder widenedFor(byte[] b, int start, int end) {
            if (!onlyDigits) {
                return null;
            }
            LongChunks numbers = new LongChunks();
            for (int row = 0; row < values.size(); row++) {
                numbers.add(values.get(row) ? 1 : 0);
            }
            Integers integers = new Integers(name, numbers, missing);
            return integers.stage(b, start, end) ? integers : integers.widenedFor(b, start, end);
        }
    }

    static final class Timestamps extends ColumnBuilder {
        private final LongChunks millis = new LongChunks();
        private final TimestampFormat format;
        private final TimestampParser text = new TimestampParser();
        private final NumberParser number = new NumberParser();
        private long staged;

        Timestamps(String name, TimestampFormat format) {
            super(name, new Bits());
            this.format = format;
        }

        @Override
        boolean stage(byte[] b, int start, int end) {
            switch (format) {
                case ISO -> {
                    if (!text.parse(b, start, end)) {
                        return false;
                    }
                    staged = text.epochMillis;
                }
                case EPOCH_SECONDS -> {
                    if (!number.parseLong(b, start, end) || Math.abs(number.longValue) > Long.MAX_VALUE / 1000) {
                        return false;
                    }
                    staged = number.longValue * 1000;
                }
                case EPOCH_MILLIS -> {
                    if (!number.parseLong(b, start, end)) {
                        return false;
                    }
                    staged = number.longValue;
                }
            }
            return true;
        }

        @Override
        void commit() {
            millis.add(stagedMissing ? 0 : staged);
            missing.add(stagedMissing);
            stagedMissing = false;
        }

        @Override
        Column build() {
            return new TimestampColumn(name, millis, missing);
        }

        @Override
        String expected() {
            return switch (format) {
                case ISO -> "an ISO date or date-time such as 2024-03-01 or 2024-03-01T12:30:00Z";
                case EPOCH_SECONDS -> "whole seconds since 1970";
                case EPOCH_MILLIS -> "whole milliseconds since 1970";
            };
        }
    }

    static final class Labels extends ColumnBuilder {
        private final ColumnType type;
        private final IntChunks codes = new IntChunks();
        private final Dictionary dictionary = new Dictionary();
        private byte[] stagedBytes;
        private int stagedStart;
        private int stagedEnd;

        Labels(String name, ColumnType type) {
            super(name, new Bits());
            this.type = type;
        }

        @Override
        boolean stage(byte[] b, int start, int end) {
            stagedBytes = b;
            stagedStart = start;
            stagedEnd = end;
            return true;
        }

        @Override
        void commit() {
            codes.add(stagedMissing ? -1 : dictionary.intern(stagedBytes, stagedStart, stagedEnd));
            missing.add(stagedMissing);
            stagedMissing = false;
        }

        @Override
        Column build() {
            return new CategoricalColumn(name, type, codes, dictionary, missing);
        }

        @Override
        String expected() {
            return "any text";
        }
    }
}

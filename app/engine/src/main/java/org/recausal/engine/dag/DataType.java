package org.recausal.engine.dag;

import java.util.Locale;

/** The measurement scale of a variable; decides which models and tests apply to it. */
public enum DataType {
    CONTINUOUS("continuous", "Continuous"),
    BINARY("binary", "Binary"),
    CATEGORICAL("categorical", "Categorical"),
    COUNT("count", "Count"),
    TIMESTAMP("timestamp", "Timestamp");

    private final String id;
    private final String label;

    DataType(String id, String label) {
        this.id = id;
        this.label = label;
    }

    public String id() {
        return id;
    }

    public String label() {
        return label;
    }

    public static DataType parse(String text) {
        String key = text.trim().toLowerCase(Locale.ROOT);
        for (DataType type : values()) {
            if (type.id.equals(key)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown data type '" + text
                + "' (expected one of continuous, binary, categorical, count, timestamp)");
    }

    @Override
    public String toString() {
        return label;
    }
}

package org.recausal.engine.model;

import java.util.List;
import java.util.Objects;

/**
 * How a variable's values are coded in a model: numbers as they are, or categories as the codes 0, 1, ... k-1 of
 * {@link #levels()}. A binary variable is a category with two levels, the second one coded 1 ("yes", "true").
 */
public record Scale(Kind kind, List<String> levels) {

    public enum Kind { NUMERIC, BINARY, CATEGORICAL }

    private static final Scale NUMERIC = new Scale(Kind.NUMERIC, List.of());

    public Scale {
        Objects.requireNonNull(kind, "kind");
        levels = List.copyOf(levels);
        switch (kind) {
            case NUMERIC -> {
                if (!levels.isEmpty()) {
                    throw new IllegalArgumentException("a numeric scale has no levels");
                }
            }
            case BINARY -> {
                if (levels.size() != 2) {
                    throw new IllegalArgumentException("a binary scale has two levels, not " + levels);
                }
            }
            case CATEGORICAL -> {
                if (levels.isEmpty()) {
                    throw new IllegalArgumentException("a categorical scale needs at least one level");
                }
            }
        }
        if (levels.stream().distinct().count() != levels.size()) {
            throw new IllegalArgumentException("levels must be distinct: " + levels);
        }
    }

    public static Scale numeric() {
        return NUMERIC;
    }

    /** A binary scale coded 0 and 1. */
    public static Scale binary() {
        return new Scale(Kind.BINARY, List.of("0", "1"));
    }

    public static Scale binary(String no, String yes) {
        return new Scale(Kind.BINARY, List.of(no, yes));
    }

    public static Scale categorical(List<String> levels) {
        return new Scale(Kind.CATEGORICAL, levels);
    }

    public boolean isNumeric() {
        return kind == Kind.NUMERIC;
    }

    /** Binary or categorical: values are codes of levels. */
    public boolean isDiscrete() {
        return kind != Kind.NUMERIC;
    }

    /** The number of levels of a discrete scale. */
    public int levelCount() {
        return levels.size();
    }

    /** The code of a level given as text: its label, or for a binary scale also 0/1, true/false. */
    public double code(String text) {
        if (kind == Kind.NUMERIC) {
            try {
                return Double.parseDouble(text.strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + text + "' is not a number", e);
            }
        }
        int index = levels.indexOf(text.strip());
        if (index >= 0) {
            return index;
        }
        if (kind == Kind.BINARY) {
            switch (text.strip().toLowerCase(java.util.Locale.ROOT)) {
                case "0", "false", "no" -> {
                    return 0;
                }
                case "1", "true", "yes" -> {
                    return 1;
                }
                default -> { }
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not one of the levels " + levels);
    }

    /** The value as text: the number, or the label of a code. */
    public String label(double value) {
        if (kind == Kind.NUMERIC) {
            return Double.toString(value);
        }
        return levels.get((int) value);
    }

    @Override
    public String toString() {
        return kind == Kind.NUMERIC ? "numeric" : kind.name().toLowerCase(java.util.Locale.ROOT) + " " + levels;
    }
}

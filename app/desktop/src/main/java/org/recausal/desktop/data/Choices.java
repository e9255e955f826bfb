package org.recausal.desktop.data;

import java.util.function.Function;

import javafx.util.StringConverter;

/** Display texts for choice boxes whose values are picked, never typed. */
final class Choices {

    private Choices() {
    }

    /** Shows each value as {@code text} says, and no value as nothing. */
    static <T> StringConverter<T> converter(Function<T, String> text) {
        return converter("", text);
    }

    /** Shows each value as {@code text} says, and null (an "automatic" entry) as {@code nullText}. */
    static <T> StringConverter<T> converter(String nullText, Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? nullText : text.apply(value);
            }

            @Override
            public T fromString(String string) {
                throw new UnsupportedOperationException("choices are picked, not typed");
            }
        };
    }
}

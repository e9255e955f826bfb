package org.recausal.engine.scm;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A change made to the world by setting how one variable comes about, replacing its mechanism:
 * <ul>
 * <li>{@code X=x} ({@link SetValue}): do(X = x), a number or a level;</li>
 * <li>{@code X+=d} / {@code X-=d} ({@link Shift}): do(X := X + d), where X is what it would have been;</li>
 * <li>{@code X:=f} ({@link Assign}): X := an {@link Expression} of what X would have been and of other variables,
 * possibly random: a rule or a stochastic policy, e.g. {@code exposure:=bernoulli(0.5*exposure)}.</li>
 * </ul>
 */
public sealed interface Intervention {

    String node();

    /** The intervention in the form {@link #parse} reads. */
    String text();

    /** @throws IllegalArgumentException naming what is wrong */
    static Intervention parse(String text) {
        Matcher m = Pattern.compile("\\s*([\\p{L}_][\\p{L}\\p{N}_.]*)\\s*(:=|\\+=|-=|=)(.+)", Pattern.DOTALL)
                .matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not an intervention; write X=1, X+=0.5, X-=2 or "
                    + "X:=expression");
        }
        String node = m.group(1);
        String value = m.group(3).strip();
        return switch (m.group(2)) {
            case "=" -> new SetValue(node, unquote(value));
            case "+=" -> new Shift(node, number(text, value));
            case "-=" -> new Shift(node, -number(text, value));
            default -> new Assign(node, Expression.parse(value));
        };
    }

    private static double number(String text, String value) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("in '" + text + "': a shift needs a number, not '" + value + "'", e);
        }
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
                || value.startsWith("'") && value.endsWith("'"))) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }

    /** do(node = value): {@code value} is a number or a level's label. */
    record SetValue(String node, String value) implements Intervention {
        public SetValue {
            Objects.requireNonNull(node, "node");
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String text() {
            return node + "=" + value;
        }
    }

    /** do(node := node + by). */
    record Shift(String node, double by) implements Intervention {
        public Shift {
            Objects.requireNonNull(node, "node");
            if (!Double.isFinite(by)) {
                throw new IllegalArgumentException("a shift must be a finite number, not " + by);
            }
        }

        @Override
        public String text() {
            return by < 0 ? node + "-=" + -by : node + "+=" + by;
        }
    }

    /** do(node := rule), the rule reading the node's natural value under its own name. */
    record Assign(String node, Expression rule) implements Intervention {
        public Assign {
            Objects.requireNonNull(node, "node");
            Objects.requireNonNull(rule, "rule");
        }

        /** Whether the rule uses what the node would have been without the intervention. */
        public boolean readsNaturalValue() {
            return rule.variables().contains(node);
        }

        @Override
        public String text() {
            return node + ":=" + rule.text();
        }
    }
}

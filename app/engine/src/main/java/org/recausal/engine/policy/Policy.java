package org.recausal.engine.policy;

import java.util.Locale;
import java.util.Objects;

import org.recausal.engine.scm.Expression;

/**
 * A recommendation policy, stated as an intervention on the ranking mechanism of the current one. Every policy but
 * {@link ExposureCap} replaces the score the ranker serves with (s' below; s is the logged score, the score the
 * current policy served) and leaves how a score turns into exposure and a slot as it is, so the policy re-ranks:
 * <ul>
 * <li>{@code popularity-penalty=L} ({@link PopularityPenalty}): s' = s - L * log(1 + popularity);</li>
 * <li>{@code boost=D:CONDITION} ({@link Boost}): s' = s + D where the condition holds (an {@link Expression}
 * such as {@code item_category == "books"}), s elsewhere;</li>
 * <li>{@code remove-feature=F} ({@link RemoveFeature}): s' = s - m(x) + mean over the logged values f of F of
 * m(x with F = f), where m is the score's mechanism fitted to the log: the score loses what F adds to it and keeps
 * everything else, its own noise included;</li>
 * <li>{@code swap-model} ({@link SwapModel}): s' = the logged score of the same rank as another trained model's
 * score for the pair (quantile mapping), so as many items are shown as now but the other model picks them;</li>
 * <li>{@code score-rule=EXPRESSION} ({@link ScoreRule}): s' = the expression, which may read s by its name;</li>
 * <li>{@code exposure-cap=C} ({@link ExposureCap}): acts on exposure itself: an item whose exposure rate (the
 * mean probability of exposure over the rows that consider it) is above C keeps each of its exposures with
 * probability C / rate, so its rate becomes C; other items keep theirs.</li>
 * </ul>
 */
public sealed interface Policy {

    /** The policy in the form {@link #parse} reads. */
    String text();

    /** The exact intervention, in words and symbols, for reports. */
    String definition();

    /** Whether the policy replaces the served score (otherwise it acts on exposure). */
    default boolean actsOnScore() {
        return !(this instanceof ExposureCap);
    }

    /** @throws IllegalArgumentException naming what is wrong and what is expected */
    static Policy parse(String text) {
        Objects.requireNonNull(text, "text");
        int eq = text.indexOf('=');
        String name = (eq < 0 ? text : text.substring(0, eq)).strip().toLowerCase(Locale.ROOT);
        String value = eq < 0 ? "" : text.substring(eq + 1).strip();
        try {
            return switch (name) {
                case "popularity-penalty" -> new PopularityPenalty(number(value));
                case "exposure-cap" -> new ExposureCap(number(value));
                case "boost" -> boost(value);
                case "remove-feature" -> new RemoveFeature(value);
                case "swap-model" -> {
                    if (!value.isEmpty()) {
                        throw new IllegalArgumentException("swap-model takes no value: the model is given"
                                + " separately (--model)");
                    }
                    yield new SwapModel();
                }
                case "score-rule" -> new ScoreRule(Expression.parse(value));
                default -> throw new IllegalArgumentException("unknown policy '" + name + "'; write one of"
                        + " popularity-penalty=0.5, exposure-cap=0.2, boost=0.3:item_category == \"books\","
                        + " remove-feature=item_popularity, swap-model, score-rule=EXPRESSION");
            };
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("in the policy '" + text.strip() + "': " + e.getMessage(), e);
        }
    }

    private static Boost boost(String value) {
        int colon = value.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("a boost needs an amount and a condition, as in"
                    + " boost=0.3:item_category == \"books\"");
        }
        return new Boost(number(value.substring(0, colon).strip()), Expression.parse(value.substring(colon + 1)));
    }

    private static double number(String value) {
        try {
            double number = Double.parseDouble(value);
            if (Double.isFinite(number)) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("'" + value + "' is not a finite number");
    }

    private static String format(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
                : Double.toString(value);
    }

    /** s' = s - strength * log(1 + popularity). */
    record PopularityPenalty(double strength) implements Policy {
        public PopularityPenalty {
            if (!Double.isFinite(strength)) {
                throw new IllegalArgumentException("the penalty must be a finite number, not " + strength);
            }
        }

        @Override
        public String text() {
            return "popularity-penalty=" + format(strength);
        }

        @Override
        public String definition() {
            return "score := score - " + format(strength) + " * log(1 + popularity)";
        }
    }

    /** s' = s + amount where the condition holds. */
    record Boost(double amount, Expression condition) implements Policy {
        public Boost {
            Objects.requireNonNull(condition, "condition");
            if (!Double.isFinite(amount)) {
                throw new IllegalArgumentException("the boost must be a finite number, not " + amount);
            }
            if (condition.isRandom()) {
                throw new IllegalArgumentException("the condition " + condition + " draws random numbers; a boost"
                        + " needs a fixed group of items");
            }
        }

        @Override
        public String text() {
            return "boost=" + format(amount) + ":" + condition.text();
        }

        @Override
        public String definition() {
            return "score := score + " + format(amount) + " where " + condition.text();
        }
    }

    /** s' = s - m(x) + mean_f m(x with feature = f). */
    record RemoveFeature(String feature) implements Policy {
        public RemoveFeature {
            Objects.requireNonNull(feature, "feature");
            if (feature.isBlank()) {
                throw new IllegalArgumentException("name the feature to remove, as in remove-feature=item_popularity");
            }
        }

        @Override
        public String text() {
            return "remove-feature=" + feature;
        }

        @Override
        public String definition() {
            return "score := score - m(x) + mean over logged " + feature + " values f of m(x with " + feature
                    + " = f), m the score's fitted mechanism";
        }
    }

    /** s' = the logged score at the rank of the other model's score (quantile mapping). */
    record SwapModel() implements Policy {
        @Override
        public String text() {
            return "swap-model";
        }

        @Override
        public String definition() {
            return "score := the logged score of the same rank as the other model's score (quantile mapping)";
        }
    }

    /** s' = the rule. */
    record ScoreRule(Expression rule) implements Policy {
        public ScoreRule {
            Objects.requireNonNull(rule, "rule");
        }

        @Override
        public String text() {
            return "score-rule=" + rule.text();
        }

        @Override
        public String definition() {
            return "score := " + rule.text();
        }
    }

    /** Each item's exposure rate capped at {@code cap} by thinning its exposures. */
    record ExposureCap(double cap) implements Policy {
        public ExposureCap {
            if (!(cap > 0 && cap <= 1)) {
                throw new IllegalArgumentException("the cap is an exposure rate in (0, 1], not " + cap);
            }
        }

        @Override
        public String text() {
            return "exposure-cap=" + format(cap);
        }

        @Override
        public String definition() {
            return "exposure := exposure * bernoulli(min(1, " + format(cap) + " / the item's exposure rate))";
        }
    }
}

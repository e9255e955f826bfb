package org.recausal.engine.scm;

import java.util.Locale;

/** Which kind of model a node's mechanism is fitted with. */
public enum ModelChoice {
    /** Chosen per node by cross-validated fit among the kinds that apply. */
    AUTO("auto"),
    /** Linear regression for a numeric node, logistic for a binary one, multinomial logistic for a categorical. */
    LINEAR("linear"),
    /** A conditional probability table: a discrete node whose parents are all discrete. */
    TABLE("table"),
    /** Gradient boosted trees (Smile): non-linear effects and interactions. */
    BOOSTED("boosted");

    private final String id;

    ModelChoice(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static ModelChoice parse(String text) {
        String key = text.strip().toLowerCase(Locale.ROOT);
        for (ModelChoice choice : values()) {
            if (choice.id.equals(key)) {
                return choice;
            }
        }
        throw new IllegalArgumentException("unknown model '" + text + "' (expected auto, linear, table or boosted)");
    }
}

package org.recausal.engine.estimate;

import java.util.Locale;

/** How an adjusted effect is estimated. */
public enum EstimationMethod {
    /** Outcome regression (g-computation): average the predicted outcomes under each treatment. */
    REGRESSION("regression"),
    /** Inverse propensity weighting, normalised (Hájek), with the propensity clipped to the trimming bounds. */
    IPW("ipw"),
    /** Augmented IPW, doubly robust: right when either the outcome or the propensity model is. */
    AIPW("aipw");

    private final String id;

    EstimationMethod(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static EstimationMethod parse(String text) {
        String key = text.strip().toLowerCase(Locale.ROOT);
        for (EstimationMethod method : values()) {
            if (method.id.equals(key)) {
                return method;
            }
        }
        throw new IllegalArgumentException("unknown method '" + text + "' (expected regression, ipw or aipw)");
    }
}

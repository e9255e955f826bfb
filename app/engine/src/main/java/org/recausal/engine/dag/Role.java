package org.recausal.engine.dag;

import java.util.Locale;

/** What a variable stands for in a causal question. Interchange formats (DAGitty, JSON) use {@link #id()}. */
public enum Role {
    /** An ordinary observed variable. */
    ORDINARY("ordinary", "Ordinary"),
    /** The treatment whose effect is asked about. */
    EXPOSURE("exposure", "Exposure"),
    /** The effect that is measured. */
    OUTCOME("outcome", "Outcome"),
    /** A variable the analyst has already adjusted for (DAGitty's "adjusted"). */
    ADJUSTED("adjusted", "Adjusted"),
    /** Exists in the world but is not measured; never used for adjustment. */
    LATENT("latent", "Latent"),
    /** Conditions who is in the data (selection bias). */
    SELECTION("selection", "Selection");

    private final String id;
    private final String label;

    Role(String id, String label) {
        this.id = id;
        this.label = label;
    }

    public String id() {
        return id;
    }

    public String label() {
        return label;
    }

    /** Parses an id or a common synonym ("treatment", "unobserved", "selected"). */
    public static Role parse(String text) {
        String key = text.trim().toLowerCase(Locale.ROOT);
        return switch (key) {
            case "ordinary", "observed", "" -> ORDINARY;
            case "exposure", "treatment" -> EXPOSURE;
            case "outcome" -> OUTCOME;
            case "adjusted" -> ADJUSTED;
            case "latent", "unobserved" -> LATENT;
            case "selection", "selected" -> SELECTION;
            default -> throw new IllegalArgumentException("unknown role '" + text
                    + "' (expected one of ordinary, exposure, outcome, adjusted, latent, selection)");
        };
    }

    @Override
    public String toString() {
        return label;
    }
}

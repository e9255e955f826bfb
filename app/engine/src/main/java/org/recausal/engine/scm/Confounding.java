package org.recausal.engine.scm;

import java.util.List;

/**
 * A latent variable that affects several observed variables (directly or through other latent ones): a fitted
 * model of those variables' mechanisms mixes its effect in, so questions that depend on two of them together
 * cannot be answered from the observed data by the model.
 */
public record Confounding(String latent, List<String> affected) {
    public Confounding {
        affected = List.copyOf(affected);
    }

    @Override
    public String toString() {
        return latent + " (affects " + String.join(", ", affected) + ")";
    }
}

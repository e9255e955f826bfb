package org.recausal.desktop.query;

import java.util.Optional;
import java.util.Set;

/**
 * Whether the set the analyst picked or typed is a valid adjustment set, in words. {@code flagged} is
 * the variable that may not be in it (a mediator, a descendant of the outcome, a latent variable),
 * when that is the problem. {@code byRole} lists the variables conditioned on in any case by their role
 * (adjusted, selection); they are part of the set that was checked.
 */
public record SetVerdict(boolean valid, String explanation, Optional<String> flagged, Set<String> byRole) {

    public SetVerdict {
        byRole = Set.copyOf(byRole);
    }

    /** The explanation, then what the roles add, as one paragraph. */
    public String text() {
        return byRole.isEmpty() ? explanation : explanation + " " + QueryText.set(byRole)
                + (byRole.size() == 1 ? " is" : " are") + " conditioned on in any case, by role.";
    }
}

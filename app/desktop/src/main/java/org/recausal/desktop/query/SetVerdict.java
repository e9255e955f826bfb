package org.recausal.desktop.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.recausal.engine.dag.Role;

/**
 * Whether the set the analyst picked or typed is a valid adjustment set, in words. {@code flagged} is
 * the variable that may not be in it (a mediator, a descendant of the outcome, a latent variable),
 * when that is the problem. {@code byRole} lists the variables conditioned on in any case by their role
 * (adjusted, selection); they are part of the set that was checked.
 */
public record SetVerdict(boolean valid, String explanation, Optional<String> flagged, Map<String, Role> byRole) {

    public SetVerdict {
        byRole = java.util.Collections.unmodifiableMap(new TreeMap<>(byRole));
    }

    /** The explanation, then what the roles add, as one paragraph: e.g. "... rated (selection) is conditioned on in any case." */
    public String text() {
        if (byRole.isEmpty()) {
            return explanation;
        }
        List<String> named = new ArrayList<>();
        byRole.forEach((name, role) -> named.add(name + " (" + role.label().toLowerCase(Locale.ROOT) + ")"));
        String who = named.size() == 1 ? named.getFirst()
                : String.join(", ", named.subList(0, named.size() - 1)) + " and " + named.getLast();
        return explanation + " " + who + (named.size() == 1 ? " is" : " are") + " conditioned on in any case, by role.";
    }
}

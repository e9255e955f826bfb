package org.recausal.desktop.query;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.recausal.engine.analysis.AdjustmentAnalysis.Effect;
import org.recausal.engine.analysis.Blocker;
import org.recausal.engine.analysis.DSeparation;
import org.recausal.engine.analysis.Path;
import org.recausal.engine.analysis.PathVerdict;

/**
 * Says in words why a path is open or blocked given the adjustment set. A path is wanted open when it
 * carries the effect asked about: every causal path for the total effect, only the edge from exposure
 * to outcome for the direct effect. Every other open path biases the estimate.
 */
final class PathExplainer {
    private final DSeparation kinship;
    private final Set<String> given;
    private final Set<String> latent;
    private final Effect effect;

    /** @param latent unmeasured variables, which cannot be adjusted for */
    PathExplainer(DSeparation kinship, Set<String> given, Set<String> latent, Effect effect) {
        this.kinship = kinship;
        this.given = given;
        this.latent = latent;
        this.effect = effect;
    }

    PathRow explain(PathVerdict verdict) {
        Path path = verdict.path();
        boolean direct = path.nodes().size() == 2;
        if (!verdict.open()) {
            String cost = verdict.causal() && effect == Effect.TOTAL
                    ? " This causal path carries part of the effect, so blocking it removes that part." : "";
            return new PathRow(path, PathRow.Status.BLOCKED, "Blocked: " + blockers(verdict.blockers()) + "." + cost);
        }
        if (verdict.causal() && (effect == Effect.TOTAL || direct)) {
            return new PathRow(path, PathRow.Status.CAUSAL, direct
                    ? "Causal: the direct effect, left open."
                    : "Causal: carries the effect through " + QueryText.names(inner(path)) + ", left open.");
        }
        if (verdict.causal()) {
            return new PathRow(path, PathRow.Status.OPEN_BIASING, "Open: a causal path through "
                    + QueryText.names(inner(path)) + ", which the direct effect leaves out; adjust for a mediator on it.");
        }
        if (direct) {
            return new PathRow(path, PathRow.Status.OPEN_BIASING,
                    "Open: a single edge into the exposure, which no set can block.");
        }
        return new PathRow(path, PathRow.Status.OPEN_BIASING, "Open: " + whyOpen(path) + ".");
    }

    private String whyOpen(Path path) {
        List<String> adjustedColliders = new ArrayList<>();
        Map<String, List<String>> openedByDescendants = new LinkedHashMap<>();
        List<String> blockers = new ArrayList<>();
        for (int i = 1; i < path.nodes().size() - 1; i++) {
            String node = path.nodes().get(i);
            if (!path.isCollider(i)) {
                if (!latent.contains(node)) {
                    blockers.add(node);
                }
            } else if (given.contains(node)) {
                adjustedColliders.add(node);
            } else {
                openedByDescendants.computeIfAbsent(QueryText.names(adjustedDescendants(node)), d -> new ArrayList<>())
                        .add(node);
            }
        }
        List<String> reasons = new ArrayList<>();
        if (!adjustedColliders.isEmpty()) {
            reasons.add(colliders(adjustedColliders) + (adjustedColliders.size() == 1 ? " is" : " are") + " adjusted for");
        }
        openedByDescendants.forEach((descendants, colliders) -> reasons.add(colliders(colliders)
                + (colliders.size() == 1 ? " is" : " are") + " opened by adjusting for " + descendants));
        String why = reasons.isEmpty() ? "nothing on it is adjusted for" : String.join("; ", reasons);
        String fix = blockers.isEmpty() ? "no observed variable on it can block it"
                : "adjusting for " + String.join(" or ", blockers) + " would block it";
        return why + ". " + Character.toUpperCase(fix.charAt(0)) + fix.substring(1);
    }

    private static String colliders(List<String> names) {
        return (names.size() == 1 ? "the collider " : "the colliders ") + QueryText.names(names);
    }

    private List<String> adjustedDescendants(String collider) {
        return kinship.descendants(List.of(collider)).stream().filter(given::contains).sorted().toList();
    }

    private static String blockers(List<Blocker> blockers) {
        List<String> parts = new ArrayList<>();
        for (Blocker blocker : blockers) {
            parts.add(switch (blocker.kind()) {
                case CONDITIONED_NON_COLLIDER -> blocker.variable() + " is adjusted for";
                case UNCONDITIONED_COLLIDER -> "the collider " + blocker.variable()
                        + " is not adjusted for, nor is any of its descendants";
            });
        }
        return String.join("; ", parts);
    }

    private static List<String> inner(Path path) {
        return path.nodes().subList(1, path.nodes().size() - 1);
    }
}

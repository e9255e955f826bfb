package org.recausal.engine.estimate;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import org.recausal.engine.analysis.AdjustmentAnalysis;
import org.recausal.engine.analysis.AdjustmentCheck;
import org.recausal.engine.analysis.AdjustmentResult;
import org.recausal.engine.dag.Dag;
import org.recausal.engine.dag.Role;
import org.recausal.engine.scm.ScmException;

/**
 * Identification of a total effect by covariate adjustment: the adjustment set an estimator conditions on,
 * either the analyst's (checked against the graph) or the smallest minimal set the graph allows.
 *
 * @param adjustmentSet the variables to adjust for, in graph order
 * @param notes         what the analyst should know, e.g. that the graph has no causal path at all
 */
public record Identification(String treatment, String outcome, List<String> adjustmentSet, List<String> notes) {

    private static final int SETS_LOOKED_AT = 64;

    public Identification {
        adjustmentSet = List.copyOf(adjustmentSet);
        notes = List.copyOf(notes);
    }

    /**
     * @param chosen the analyst's set, or null to let the graph choose
     * @throws NotIdentifiableException when no valid adjustment set exists (the reason names an open path)
     * @throws ScmException when the chosen set is not valid or the variables are not usable
     */
    public static Identification of(Dag dag, String treatment, String outcome, Collection<String> chosen) {
        return of(dag, treatment, outcome, chosen, List.of());
    }

    /**
     * As {@link #of(Dag, String, String, Collection)}, for a set that must contain {@code required}, e.g. the
     * variables a treatment policy reads.
     */
    public static Identification of(Dag dag, String treatment, String outcome, Collection<String> chosen,
            Collection<String> required) {
        for (String name : List.of(treatment, outcome)) {
            if (!dag.contains(name)) {
                throw new ScmException("the graph has no variable '" + name + "'");
            }
            if (dag.require(name).role() == Role.LATENT) {
                throw new NotIdentifiableException(name + " is latent (unmeasured), so its effect cannot be estimated"
                        + " from data");
            }
        }
        if (treatment.equals(outcome)) {
            throw new ScmException("the treatment and the outcome must differ");
        }
        for (String name : required) {
            if (!dag.contains(name)) {
                throw new ScmException("the graph has no variable '" + name + "'");
            }
            if (name.equals(treatment) || name.equals(outcome)) {
                throw new ScmException("a policy cannot read " + name + ", the " + (name.equals(treatment) ? "treatment"
                        : "outcome") + " itself");
            }
            if (dag.require(name).role() == Role.LATENT) {
                throw new NotIdentifiableException("the policy reads " + name + ", which is latent (unmeasured)");
            }
        }
        AdjustmentAnalysis analysis = AdjustmentAnalysis.totalEffect(dag, Set.of(treatment), Set.of(outcome))
                .mustInclude(required);
        List<String> notes = new ArrayList<>();
        if (dag.directedPath(treatment, outcome).isEmpty()) {
            notes.add("the graph has no causal path from " + treatment + " to " + outcome
                    + ", so it implies the effect is zero; the estimate tests that");
        }
        if (chosen != null) {
            List<String> missing = required.stream().filter(r -> !chosen.contains(r)).toList();
            if (!missing.isEmpty()) {
                throw new ScmException("the adjustment set must contain " + String.join(", ", missing)
                        + ", which the policy reads");
            }
            AdjustmentCheck check = analysis.check(chosen);
            if (!check.valid()) {
                throw new ScmException("{" + String.join(", ", chosen) + "} is not a valid adjustment set for the effect"
                        + " of " + treatment + " on " + outcome + ": " + check.explanation());
            }
            return new Identification(treatment, outcome, inGraphOrder(dag, chosen), notes);
        }
        AdjustmentResult result = analysis.minimalSets(SETS_LOOKED_AT);
        return switch (result) {
            case AdjustmentResult.EmptySetSuffices empty ->
                    new Identification(treatment, outcome, inGraphOrder(dag, empty.alreadyAdjusted()), notes);
            case AdjustmentResult.AdjustmentSets sets -> new Identification(treatment, outcome,
                    inGraphOrder(dag, sets.sets().stream().min(Comparator.comparingInt(Set::size)).orElseThrow()),
                    notes);
            case AdjustmentResult.NoAdjustmentSet none -> throw new NotIdentifiableException("the effect of "
                    + treatment + " on " + outcome + " is not identifiable by adjusting for observed variables: "
                    + none.reason());
        };
    }

    private static List<String> inGraphOrder(Dag dag, Collection<String> names) {
        return dag.names().stream().filter(names::contains).toList();
    }
}

package org.recausal.desktop.query;

import java.util.List;
import java.util.Set;

import org.recausal.engine.analysis.Path;

/**
 * The answer to "what must I adjust for?" as the panel shows it. Each case is its own type with its own
 * headline, so "the empty set suffices", "no adjustment set exists" and "the graph is not a DAG" can
 * never be mistaken for one another.
 */
public sealed interface QueryAnswer {

    enum Kind {
        NO_QUESTION("answer-no-question"),
        EMPTY_SET_SUFFICES("answer-empty-set"),
        ADJUSTMENT_SETS("answer-sets"),
        NO_ADJUSTMENT_SET("answer-no-set"),
        NOT_A_DAG("answer-not-a-dag");

        private final String styleClass;

        Kind(String styleClass) {
            this.styleClass = styleClass;
        }

        /** The style class of the answer card in {@code query.css}. */
        public String styleClass() {
            return styleClass;
        }
    }

    Kind kind();

    /** One short line, different for every kind. */
    String headline();

    /** A sentence or two that explain the headline. */
    String detail();

    /** The answer as plain text in DAGitty's wording, for the clipboard. */
    String text();

    /** The sets the analyst can pick from; empty unless there are minimal sufficient sets. */
    default List<Set<String>> sets() {
        return List.of();
    }

    /** No exposure or no outcome yet. */
    record NoQuestion(String reason) implements QueryAnswer {
        @Override
        public Kind kind() {
            return Kind.NO_QUESTION;
        }

        @Override
        public String headline() {
            return "Ask a causal question";
        }

        @Override
        public String detail() {
            return reason;
        }

        @Override
        public String text() {
            return reason;
        }
    }

    /** No biasing path is open: nothing (beyond the variables adjusted for by their role) needs adjusting. */
    record EmptySetSuffices(Question question, Set<String> alreadyAdjusted) implements QueryAnswer {
        public EmptySetSuffices {
            alreadyAdjusted = Set.copyOf(alreadyAdjusted);
        }

        @Override
        public Kind kind() {
            return Kind.EMPTY_SET_SUFFICES;
        }

        @Override
        public String headline() {
            return "The empty set suffices";
        }

        @Override
        public String detail() {
            return "No biasing path is open: estimate " + question.phrase() + " without adjusting for anything"
                    + (alreadyAdjusted.isEmpty() ? "." : " beyond " + QueryText.names(alreadyAdjusted)
                            + ", which " + (alreadyAdjusted.size() == 1 ? "is" : "are") + " conditioned on by role.");
        }

        @Override
        public String text() {
            return "No adjustment is necessary to estimate " + question.phrase() + ": the empty set suffices.\n"
                    + QueryText.set(alreadyAdjusted);
        }
    }

    /** The minimal sufficient adjustment sets, smallest first; {@code truncated} when more exist than are listed. */
    record AdjustmentSets(Question question, List<Set<String>> sets, boolean truncated) implements QueryAnswer {
        public AdjustmentSets {
            sets = sets.stream().map(Set::copyOf).toList();
        }

        @Override
        public Kind kind() {
            return Kind.ADJUSTMENT_SETS;
        }

        @Override
        public String headline() {
            return sets.size() + (truncated ? "+" : "") + " minimal sufficient adjustment set" + (sets.size() == 1 ? "" : "s");
        }

        @Override
        public String detail() {
            return "Adjust for " + (sets.size() == 1 ? "this set" : "any one of these sets") + " to estimate "
                    + question.phrase() + "." + (truncated ? " Only the first " + sets.size() + " are listed." : "");
        }

        @Override
        public String text() {
            StringBuilder text = new StringBuilder("Minimal sufficient adjustment sets for estimating ")
                    .append(question.phrase()).append(":\n");
            sets.forEach(set -> text.append(QueryText.set(set)).append('\n'));
            if (truncated) {
                text.append("(more sets exist)\n");
            }
            return text.toString().strip();
        }
    }

    /**
     * No permitted set works. {@code openPath} is a biasing path every permitted set leaves open, or null
     * when the reason is a variable that must not be conditioned on but is, by its role.
     */
    record NoAdjustmentSet(Question question, String reason, Path openPath) implements QueryAnswer {
        @Override
        public Kind kind() {
            return Kind.NO_ADJUSTMENT_SET;
        }

        @Override
        public String headline() {
            return "No adjustment set exists";
        }

        @Override
        public String detail() {
            return reason;
        }

        @Override
        public String text() {
            return "The " + question.effectName() + " cannot be estimated by covariate adjustment: " + reason;
        }
    }

    /** A graph text that was to be pasted or imported has a directed cycle; the canvas kept its graph. */
    record NotADag(org.recausal.engine.analysis.NotADag cycle, String source) implements QueryAnswer {
        @Override
        public Kind kind() {
            return Kind.NOT_A_DAG;
        }

        @Override
        public String headline() {
            return "The graph is not a DAG";
        }

        @Override
        public String detail() {
            return "The " + source + " has the directed cycle " + String.join(" \u2192 ", cycle.cycle())
                    + ", so no causal-graph analysis applies. The canvas keeps the graph it had.";
        }

        @Override
        public String text() {
            return "The " + source + " is not a DAG: " + String.join(" -> ", cycle.cycle());
        }
    }
}

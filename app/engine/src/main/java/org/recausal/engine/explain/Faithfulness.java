package org.recausal.engine.explain;

import java.util.List;

/** The faithfulness checks of one explanation (removals of 1, 2 and 3 items, as far as the window allows). */
public record Faithfulness(List<FaithfulnessCheck> checks, long seed) {
}

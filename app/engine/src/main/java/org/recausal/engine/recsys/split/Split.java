package org.recausal.engine.recsys.split;

import org.recausal.engine.recsys.data.Interactions;

/**
 * Training, validation and test parts of one log; all three share the log's user and item indices.
 * @param part which part each row of the log went to: 0 training, 1 validation, 2 test
 */
public record Split(Interactions train, Interactions validation, Interactions test, int[] part) {
}

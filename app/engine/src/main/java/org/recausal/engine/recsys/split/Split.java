package org.recausal.engine.recsys.split;

import org.recausal.engine.recsys.data.Interactions;

/** Training, validation and test parts of one log; all three share the log's user and item indices. */
public record Split(Interactions train, Interactions validation, Interactions test) {
}

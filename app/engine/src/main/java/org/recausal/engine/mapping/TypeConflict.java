package org.recausal.engine.mapping;

import org.recausal.engine.dag.DataType;
import org.recausal.engine.data.ColumnType;

/**
 * A mapped column whose values cannot stand for its node's measurement scale, such as text labels mapped to a
 * continuous node. The link is kept (it is what the analyst wants) but analyses that need the values skip it.
 *
 * @param message what is wrong and what to change, for the analyst
 */
public record TypeConflict(String column, ColumnType columnType, String node, DataType nodeType, String message) {
}

package org.recausal.desktop.data;

import org.recausal.engine.data.ColumnType;

/**
 * One line of the mapping editor: a column, what the analyst chose for it, the node it stands for in the end
 * and what is wrong with that, if anything.
 *
 * @param node     the node the column stands for, or null
 * @param conflict why the column's type does not suit the node, or null
 */
public record MappingRow(String column, ColumnType type, NodeChoice choice, String node, String conflict) {

    /** What the editor shows under the choice: the outcome of "by name", or the conflict. */
    public String status() {
        if (conflict != null) {
            return conflict;
        }
        if (node == null) {
            return choice.kind() == NodeChoice.Kind.NONE ? "left out" : "no node has this name";
        }
        return choice.kind() == NodeChoice.Kind.BY_NAME ? "\u2192 " + node + " (same name)" : "\u2192 " + node;
    }
}

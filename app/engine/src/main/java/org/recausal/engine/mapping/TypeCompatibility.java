package org.recausal.engine.mapping;

import java.util.Optional;

import org.recausal.engine.dag.DataType;
import org.recausal.engine.data.ColumnType;

/**
 * Whether a column's values can stand for a node of a given measurement scale. Numbers serve continuous nodes,
 * whole numbers count nodes, two-valued columns binary nodes, labels, booleans and whole numbers categorical
 * nodes, timestamps timestamp (and continuous) nodes. Anything else is a conflict, explained so the analyst
 * knows what to change.
 */
final class TypeCompatibility {

    /** Above this many distinct labels a column is an identifier rather than a category. */
    static final long MAX_CATEGORIES = 1000;

    private TypeCompatibility() {
    }

    /** Why the column cannot serve the node, or empty when it can. */
    static Optional<String> conflict(ColumnInfo column, String node, DataType nodeType) {
        String problem = switch (nodeType) {
            case CONTINUOUS -> switch (column.type()) {
                case DECIMAL, INTEGER, BOOLEAN, TIMESTAMP -> null;
                case CATEGORICAL, ID -> "holds " + labels(column) + ", but a continuous node needs numbers";
            };
            case COUNT -> switch (column.type()) {
                case INTEGER, BOOLEAN -> null;
                case DECIMAL -> "holds decimal numbers, but a count node needs whole numbers";
                case TIMESTAMP -> "holds timestamps, but a count node needs whole numbers";
                case CATEGORICAL, ID -> "holds " + labels(column) + ", but a count node needs whole numbers";
            };
            case BINARY -> switch (column.type()) {
                case BOOLEAN -> null;
                case INTEGER, CATEGORICAL -> column.distinctKnown() && column.distinct() > 2
                        ? "has " + column.distinct() + " distinct values, but a binary node needs two" : null;
                case ID -> "holds " + labels(column) + ", but a binary node needs two values";
                case DECIMAL -> "holds decimal numbers, but a binary node needs two values";
                case TIMESTAMP -> "holds timestamps, but a binary node needs two values";
            };
            case CATEGORICAL -> switch (column.type()) {
                case CATEGORICAL, BOOLEAN -> null;
                case INTEGER -> column.distinctKnown() && column.distinct() > MAX_CATEGORIES
                        ? "has " + column.distinct() + " distinct whole numbers, too many for categories" : null;
                case ID -> "holds " + labels(column) + ", too many for categories";
                case DECIMAL -> "holds decimal numbers, but a categorical node needs labels or whole numbers";
                case TIMESTAMP -> "holds timestamps, but a categorical node needs labels";
            };
            case TIMESTAMP -> column.type() == ColumnType.TIMESTAMP ? null
                    : "holds " + describe(column) + ", but a timestamp node needs dates or times";
        };
        return Optional.ofNullable(problem).map(p -> "column '" + column.name() + "' " + p + " (node '" + node
                + "' is " + nodeType.id() + "); " + advice(column, nodeType));
    }

    private static String labels(ColumnInfo column) {
        String kind = column.type() == ColumnType.ID ? "identifiers" : "text labels";
        return column.distinctKnown() ? kind + " (" + column.distinct() + " distinct)" : kind;
    }

    private static String describe(ColumnInfo column) {
        return switch (column.type()) {
            case INTEGER -> "whole numbers";
            case DECIMAL -> "decimal numbers";
            case BOOLEAN -> "true/false values";
            case CATEGORICAL, ID -> labels(column);
            case TIMESTAMP -> "timestamps";
        };
    }

    /** The node type the column would suit, as advice. */
    private static String advice(ColumnInfo column, DataType nodeType) {
        DataType suited = switch (column.type()) {
            case ID -> null;
            case INTEGER -> column.distinctKnown() && column.distinct() <= 2 ? DataType.BINARY : DataType.COUNT;
            case CATEGORICAL -> column.distinctKnown() && column.distinct() <= 2 ? DataType.BINARY
                    : DataType.CATEGORICAL;
            default -> column.type().dataType();
        };
        if (suited == null || suited == nodeType) {
            return "map another column to this node, or leave it without data";
        }
        return "set the node's type to " + suited.id() + ", or map another column";
    }
}

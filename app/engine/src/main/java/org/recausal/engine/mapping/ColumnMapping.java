package org.recausal.engine.mapping;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The analyst's edits to the automatic column-to-node mapping: columns linked to a node explicitly, and columns
 * left out on purpose. Every other column is mapped by name (see {@link MappingResolver}). An immutable value;
 * each edit returns a new mapping. Kept sorted so it is stored the same way every time.
 *
 * @param links    column name to node name, chosen by the analyst
 * @param excluded columns that stand for no node even where a node has their name
 */
public record ColumnMapping(SortedMap<String, String> links, SortedSet<String> excluded) {

    private static final ColumnMapping AUTOMATIC = new ColumnMapping(new TreeMap<>(), new TreeSet<>());

    public ColumnMapping {
        links = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(links));
        excluded = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(excluded));
        for (String column : excluded) {
            if (links.containsKey(column)) {
                throw new IllegalArgumentException("column '" + column + "' cannot be both linked to node '"
                        + links.get(column) + "' and left out");
            }
        }
    }

    /** Every column mapped by name. */
    public static ColumnMapping automatic() {
        return AUTOMATIC;
    }

    public static ColumnMapping of(Map<String, String> links, Set<String> excluded) {
        return new ColumnMapping(new TreeMap<>(links), new TreeSet<>(excluded));
    }

    public boolean isAutomatic() {
        return links.isEmpty() && excluded.isEmpty();
    }

    /** Links the column to the node, whatever their names. */
    public ColumnMapping withLink(String column, String node) {
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(node, "node");
        TreeMap<String, String> changed = new TreeMap<>(links);
        changed.put(column, node);
        TreeSet<String> left = new TreeSet<>(excluded);
        left.remove(column);
        return new ColumnMapping(changed, left);
    }

    /** Leaves the column out: it stands for no node. */
    public ColumnMapping withExcluded(String column) {
        TreeMap<String, String> changed = new TreeMap<>(links);
        changed.remove(column);
        TreeSet<String> left = new TreeSet<>(excluded);
        left.add(column);
        return new ColumnMapping(changed, left);
    }

    /** Forgets any edit of the column, so it is mapped by name again. */
    public ColumnMapping withAutomatic(String column) {
        TreeMap<String, String> changed = new TreeMap<>(links);
        changed.remove(column);
        TreeSet<String> left = new TreeSet<>(excluded);
        left.remove(column);
        return new ColumnMapping(changed, left);
    }

    /** Follows a node's rename, so explicit links to it survive. */
    public ColumnMapping withNodeRenamed(String oldName, String newName) {
        TreeMap<String, String> changed = new TreeMap<>();
        links.forEach((column, node) -> changed.put(column, node.equals(oldName) ? newName : node));
        return new ColumnMapping(changed, excluded);
    }
}

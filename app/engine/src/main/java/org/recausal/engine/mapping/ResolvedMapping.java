package org.recausal.engine.mapping;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.recausal.engine.dag.Dag;

/**
 * Which column stands for which node, once the analyst's edits and the names are taken into account, and what
 * the analyst should know: columns that stand for no node, nodes that have no data (so the canvas can show them
 * as latent for this data), type conflicts, and edits or names that could not be applied.
 *
 * @param links            one per mapped column, in column order
 * @param unmappedColumns  columns standing for no node, in column order
 * @param nodesWithoutData nodes no column stands for, in graph order
 * @param conflicts        links whose column type does not suit the node
 * @param issues           edits naming unknown columns or nodes, and ambiguous names, for the analyst
 */
public record ResolvedMapping(List<MappingLink> links, List<String> unmappedColumns, List<String> nodesWithoutData,
        List<TypeConflict> conflicts, List<String> issues) {

    public ResolvedMapping {
        links = List.copyOf(links);
        unmappedColumns = List.copyOf(unmappedColumns);
        nodesWithoutData = List.copyOf(nodesWithoutData);
        conflicts = List.copyOf(conflicts);
        issues = List.copyOf(issues);
    }

    /** The column standing for the node. */
    public Optional<String> column(String node) {
        return links.stream().filter(l -> l.node().equals(node)).map(MappingLink::column).findFirst();
    }

    /** The node the column stands for. */
    public Optional<String> node(String column) {
        return links.stream().filter(l -> l.column().equals(column)).map(MappingLink::node).findFirst();
    }

    /**
     * The nodes the graph treats as measured (not latent by role) that have no data here: the ones a canvas shows
     * as latent for this data.
     */
    public List<String> latentByData(Dag dag) {
        return nodesWithoutData.stream().filter(n -> dag.variable(n).map(v -> !v.isLatent()).orElse(false)).toList();
    }

    public boolean hasData(String node) {
        return column(node).isPresent();
    }

    public Optional<TypeConflict> conflict(String node) {
        return conflicts.stream().filter(c -> c.node().equals(node)).findFirst();
    }

    /** Node name to column name, for every link. */
    public Map<String, String> columnsByNode() {
        Map<String, String> map = new LinkedHashMap<>();
        links.forEach(l -> map.put(l.node(), l.column()));
        return map;
    }
}

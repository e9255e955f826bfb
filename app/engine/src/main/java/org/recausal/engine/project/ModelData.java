package org.recausal.engine.project;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.recausal.engine.dag.Dag;
import org.recausal.engine.dag.Role;
import org.recausal.engine.dag.Variable;
import org.recausal.engine.data.Column;
import org.recausal.engine.data.Table;
import org.recausal.engine.mapping.MappedTable;
import org.recausal.engine.scm.ScmException;
import org.recausal.engine.scm.TableBinding;

/**
 * A project's data as a model reads them: the first assembled table (a dataset with those joined to it) that has
 * data for every observed node, its mapped columns renamed to the nodes they stand for, bound to the graph. The
 * desktop's analyses and the command line's model commands read a project's data through this one rule.
 */
public final class ModelData {

    private ModelData() {
    }

    /** @throws ScmException when there are no data, or naming the nodes no table covers */
    public static TableBinding.Bound bind(Dag dag, ProjectData data) {
        if (data.tables().isEmpty()) {
            throw new ScmException("no dataset is attached; attach one first");
        }
        List<String> observed = dag.variables().stream().filter(v -> v.role() != Role.LATENT).map(Variable::name)
                .toList();
        List<String> best = null;
        for (MappedTable mapped : data.tables()) {
            List<String> missing = observed.stream().filter(n -> !mapped.mapping().hasData(n)).toList();
            if (missing.isEmpty()) {
                return TableBinding.bind(dag, byNode(mapped));
            }
            if (best == null || missing.size() < best.size()) {
                best = missing;
            }
        }
        throw new ScmException("no dataset has data for " + String.join(", ", best)
                + "; map a column to each, or mark them latent");
    }

    private static Table byNode(MappedTable mapped) {
        List<Column> columns = new ArrayList<>();
        for (Map.Entry<String, String> link : mapped.mapping().columnsByNode().entrySet()) {
            columns.add(mapped.table().column(link.getValue()).renamed(link.getKey()));
        }
        return new Table(mapped.name(), columns);
    }
}

package org.recausal.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.recausal.engine.dag.Dag;
import org.recausal.engine.model.Scale;
import org.recausal.engine.scm.Counterfactuals;
import org.recausal.engine.scm.Intervention;
import org.recausal.engine.scm.ScmException;
import org.recausal.engine.scm.StructuralCausalModel;
import org.recausal.engine.scm.TableBinding;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.node.ObjectNode;

@Command(name = "counterfactual", mixinStandardHelpOptions = true,
        description = {"For one row of the data: what the outcome would have been under the interventions, by"
                + " abduction, action and prediction through the fitted model: {\"row\", \"outcome\", \"factual\","
                + " \"counterfactual\", \"changes\", \"model\"}, the model being the project's stored one while it is"
                + " current (\"stored\") or one fitted now (\"fitted\"). When the row does not determine it (a"
                + " discrete mechanism would have to be inverted) \"counterfactual\" is null and \"reason\" says why."})
final class CounterfactualCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ModelInputs inputs;

    @Mixin
    FitSettings settings;

    @Option(names = "--row", required = true, paramLabel = "N",
            description = "The data row: 1 is the first row after the header (for a project, of the dataset the"
                    + " others join).")
    int row;

    @Option(names = "--do", required = true, paramLabel = "INTERVENTION", converter = Arguments.InterventionConverter.class,
            description = "An intervention (repeatable): X=1, X+=0.5, X-=0.5 or X:=RULE (no random draws).")
    List<Intervention> interventions = new ArrayList<>();

    @Option(names = "--outcome", required = true, paramLabel = "VARIABLE", description = "The outcome.")
    String outcome;

    @Override
    public Integer call() throws Exception {
        Dag dag = inputs.dag();
        TableBinding.Bound bound = inputs.bind(dag);
        if (row < 1 || row > bound.tableRows()) {
            throw new ScmException("row " + row + " does not exist: the data have " + bound.tableRows() + " rows");
        }
        int at = bound.rowOf(row - 1);
        if (at < 0) {
            throw new ScmException("row " + row + " misses a value of a variable in the graph, so it has no"
                    + " counterfactual");
        }
        ModelSource source = ModelSource.of(inputs, settings, dag, bound);
        StructuralCausalModel model = source.fitted().model();
        Counterfactuals.Answer answer = Counterfactuals.of(model, bound.observations(), at, interventions, outcome);
        ObjectNode root = Json.object();
        root.put("row", row);
        root.put("outcome", outcome);
        Scale scale = model.scale(outcome);
        Json.value(root, "factual", scale, answer.factual());
        Json.strings(root, "interventions", interventions.stream().map(Intervention::text).toList());
        switch (answer) {
            case Counterfactuals.Determined determined -> {
                Json.value(root, "counterfactual", scale, determined.counterfactual());
                root.put("determined", true);
                ObjectNode changes = root.putObject("changes");
                for (Map.Entry<String, double[]> change : determined.changes().entrySet()) {
                    ObjectNode item = changes.putObject(change.getKey());
                    Scale changed = model.scale(change.getKey());
                    Json.value(item, "factual", changed, change.getValue()[0]);
                    Json.value(item, "counterfactual", changed, change.getValue()[1]);
                }
            }
            case Counterfactuals.NotDetermined undetermined -> {
                root.putNull("counterfactual");
                root.put("determined", false);
                root.put("reason", undetermined.reason());
            }
        }
        source.describe(root);
        Json.print(spec.commandLine().getOut(), root);
        return Cli.EXIT_OK;
    }
}

package org.recausal.cli;

import java.util.concurrent.Callable;

import org.recausal.engine.dag.Dag;
import org.recausal.engine.project.Project;
import org.recausal.engine.project.ProjectFiles;
import org.recausal.engine.project.StoredScm;
import org.recausal.engine.scm.Confounding;
import org.recausal.engine.scm.FittedScm;
import org.recausal.engine.scm.NodeFit;
import org.recausal.engine.scm.ScmFitter;
import org.recausal.engine.scm.TableBinding;
import org.recausal.engine.task.CancellationToken;
import org.recausal.engine.task.ProgressListener;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

@Command(name = "fit", mixinStandardHelpOptions = true,
        description = {"Fit a structural causal model to the graph and the data and print, as JSON, each node's"
                + " mechanism and how well it fits (R², RMSE and residuals, or log-loss, accuracy and AUC). With"
                + " --save, keep the model in the PROJECT, where simulate and counterfactual reuse it until the graph"
                + " or the data change."})
final class FitCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ModelInputs inputs;

    @Mixin
    FitSettings settings;

    @Option(names = "--save", description = "Store the fitted model in the PROJECT file (written anew atomically).")
    boolean save;

    @Override
    public Integer call() throws Exception {
        if (save && (inputs.project == null || inputs.graph != null || inputs.data != null)) {
            throw new ParameterException(spec.commandLine(), "--save stores the model in the PROJECT it was fitted"
                    + " to: give a PROJECT, without --graph or --data");
        }
        Dag dag = inputs.dag();
        TableBinding.Bound bound = inputs.bind(dag);
        long started = System.nanoTime();
        FittedScm fitted = ScmFitter.fit(dag, bound.observations(), settings.options(), ProgressListener.NONE,
                CancellationToken.none());
        double seconds = (System.nanoTime() - started) / 1e9;
        ObjectNode report = report(fitted, bound, seconds);
        if (save) {
            Project project = inputs.project();
            project.setScm(StoredScm.of(fitted, project));
            ProjectFiles.save(project, inputs.project);
            report.put("saved", inputs.project.toString());
        }
        Json.print(spec.commandLine().getOut(), report);
        return Cli.EXIT_OK;
    }

    static ObjectNode report(FittedScm fitted, TableBinding.Bound bound, double seconds) {
        ObjectNode root = Json.object();
        root.put("rows", bound.observations().rows());
        root.put("dropped_rows", bound.droppedRows());
        root.put("seed", fitted.options().seed());
        Json.number(root, "seconds", seconds);
        ArrayNode nodes = root.putArray("nodes");
        for (NodeFit fit : fitted.fits()) {
            ObjectNode node = nodes.addObject();
            node.put("node", fit.node());
            node.put("scale", fit.scale().toString());
            Json.strings(node, "parents", fit.parents());
            if (fit.family() == null) {
                node.putNull("model");
            } else {
                node.put("model", fit.family().id());
            }
            node.put("mechanism", fit.mechanism());
            ObjectNode quality = node.putObject("quality");
            switch (fit.quality()) {
                case NodeFit.NumericQuality q -> {
                    Json.number(quality, "r2", q.rSquared());
                    Json.number(quality, "rmse", q.rmse());
                    ObjectNode residuals = quality.putObject("residuals");
                    Json.number(residuals, "q05", q.residuals().q05());
                    Json.number(residuals, "median", q.residuals().median());
                    Json.number(residuals, "q95", q.residuals().q95());
                    ArrayNode bins = quality.putArray("residual_bins");
                    for (NodeFit.ResidualBin bin : q.bins()) {
                        ObjectNode b = bins.addObject();
                        Json.number(b, "fitted_from", bin.fittedFrom());
                        Json.number(b, "fitted_to", bin.fittedTo());
                        b.put("rows", bin.count());
                        Json.number(b, "mean_residual", bin.meanResidual());
                        Json.number(b, "residual_sd", bin.residualSd());
                    }
                }
                case NodeFit.DiscreteQuality q -> {
                    Json.number(quality, "log_loss", q.logLoss());
                    Json.number(quality, "baseline_log_loss", q.baselineLogLoss());
                    Json.number(quality, "accuracy", q.accuracy());
                    Json.number(quality, "auc", q.auc());
                }
            }
            ArrayNode candidates = node.putArray("candidates");
            for (NodeFit.CandidateScore score : fit.candidates()) {
                ObjectNode c = candidates.addObject();
                c.put("model", score.family().id());
                Json.number(c, "cv_loss", score.loss());
                Json.number(c, "cv_standard_error", score.standardError());
                c.put("chosen", score.chosen());
            }
            Json.strings(node, "warnings", fit.warnings());
        }
        ArrayNode confounding = root.putArray("latent_confounding");
        for (Confounding c : fitted.model().confounding()) {
            ObjectNode item = confounding.addObject();
            item.put("latent", c.latent());
            Json.strings(item, "affects", c.affected());
        }
        return root;
    }
}

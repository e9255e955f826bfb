package org.recausal.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recausal.engine.bn.DiscreteBayesNet;
import org.recausal.engine.dag.Dag;
import org.recausal.engine.dag.DataType;
import org.recausal.engine.dag.Role;
import org.recausal.engine.dag.Variable;
import org.recausal.engine.io.BifFormat;
import org.recausal.engine.model.Scale;
import org.recausal.engine.project.Project;
import org.recausal.engine.project.ProjectFiles;
import org.recausal.engine.scm.Observations;
import org.recausal.engine.scm.StructuralCausalModel;
import org.recausal.engine.simulate.RowMechanism;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** fit, simulate, estimate, counterfactual, refute and bench, run as a user types them. */
class ModelCommandsTest {
    @TempDir
    Path folder;
    Path graph;
    Path data;

    /**
     * Z ~ N(0, 1); T ~ Bernoulli(sigmoid(Z)); Y = 2 T + Z + N(0, 1); U latent. The effect of T on Y is 2, and Z
     * confounds it. The last data row misses Z.
     */
    @BeforeEach
    void writeGraphAndData() throws Exception {
        Dag dag = new Dag();
        dag.addVariable(Variable.of("Z", Role.ORDINARY, DataType.CONTINUOUS));
        dag.addVariable(Variable.of("T", Role.EXPOSURE, DataType.BINARY));
        dag.addVariable(Variable.of("Y", Role.OUTCOME, DataType.CONTINUOUS));
        dag.addEdge("Z", "T");
        dag.addEdge("Z", "Y");
        dag.addEdge("T", "Y");
        graph = folder.resolve("study.recausal");
        ProjectFiles.save(new Project("Study", dag), graph);
        StructuralCausalModel truth = new StructuralCausalModel(List.of(
                node("Z", Scale.numeric(), List.of(), (p, r) -> r.nextGaussian()),
                node("T", Scale.binary(), List.of("Z"), (p, r) -> r.nextDouble() < 1 / (1 + Math.exp(-p[0])) ? 1 : 0),
                node("Y", Scale.numeric(), List.of("T", "Z"), (p, r) -> 2 * p[0] + p[1] + r.nextGaussian())));
        Observations sample = truth.sample(3_000, 4);
        data = folder.resolve("study.csv");
        sample.writeCsv(data);
        Files.writeString(data, "NA,1,0.5\n", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
    }

    private static StructuralCausalModel.Node node(String name, Scale scale, List<String> parents,
            RowMechanism.Equation equation) {
        return new StructuralCausalModel.Node(name, scale, new RowMechanism(name, parents, equation));
    }

    private String[] args(String... rest) {
        List<String> all = new ArrayList<>(List.of(rest[0], "--graph", graph.toString(), "--data", data.toString()));
        all.addAll(List.of(rest).subList(1, rest.length));
        return all.toArray(String[]::new);
    }

    private static JsonNode json(CliTest.Result result) {
        assertThat(result.err()).isEmpty();
        assertThat(result.exitCode()).isZero();
        return JsonMapper.shared().readTree(result.out());
    }

    @Test
    void fitReportsEveryMechanismAndItsFit() {
        JsonNode fit = json(CliTest.run(args("fit", "--model", "linear")));
        assertThat(fit.get("rows").intValue()).isEqualTo(3_000);
        assertThat(fit.get("dropped_rows").intValue()).isEqualTo(1);
        JsonNode y = fit.get("nodes").get(2);
        assertThat(y.get("node").stringValue()).isEqualTo("Y");
        assertThat(y.get("model").stringValue()).isEqualTo("linear");
        assertThat(y.get("quality").get("r2").doubleValue()).isBetween(0.6, 0.8);
        assertThat(fit.get("nodes").get(1).get("quality").get("auc").doubleValue()).isBetween(0.6, 0.8);
        assertThat(fit.get("nodes").get(0).get("model").isNull()).isTrue();
    }

    @Test
    void simulatePrintsTheOutcomeUnderBothWorldsAndTheEffect() throws Exception {
        Path saved = folder.resolve("scenario.json");
        JsonNode result = json(CliTest.run(args("simulate", "--model", "linear", "--do", "T=1", "--baseline", "T=0",
                "--outcome", "Y", "--samples", "20000", "--bootstrap", "30", "--seed", "3",
                "--export-scenario", saved.toString())));
        assertThat(result.get("outcome").stringValue()).isEqualTo("Y");
        assertThat(result.get("effect").doubleValue()).isCloseTo(2, within(0.15));
        assertThat(result.get("effect_ci").get(0).doubleValue()).isLessThan(2);
        assertThat(result.get("effect_ci").get(1).doubleValue()).isGreaterThan(2);
        assertThat(result.get("mean").doubleValue() - result.get("baseline_mean").doubleValue())
                .isCloseTo(result.get("effect").doubleValue(), within(1e-12));
        assertThat(result.get("ci")).hasSize(2);
        assertThat(Files.readString(saved)).contains("\"kind\" : \"set\"");
        JsonNode shift = json(CliTest.run(args("simulate", "--model", "linear", "--do", "Z+=1", "--outcome", "Y",
                "--outcome", "T", "--samples", "20000", "--bootstrap", "0")));
        assertThat(shift).hasSize(2);
        assertThat(shift.get(1).get("quantity").stringValue()).isEqualTo("P(T=true)");
        assertThat(shift.get(0).get("effect_ci").isNull()).isTrue();
    }

    @Test
    void estimateAdjustsForTheConfounder() {
        for (String method : List.of("regression", "ipw", "aipw")) {
            JsonNode estimate = json(CliTest.run(args("estimate", "--treatment", "T", "--outcome", "Y", "--method",
                    method, "--bootstrap", "50")));
            assertThat(estimate.get("method").stringValue()).isEqualTo(method);
            assertThat(estimate.get("adjustment_set").get(0).stringValue()).isEqualTo("Z");
            assertThat(estimate.get("ci").get(0).doubleValue()).as(method).isLessThan(2);
            assertThat(estimate.get("ci").get(1).doubleValue()).as(method).isGreaterThan(2);
            assertThat(estimate.get("estimate").doubleValue()).isCloseTo(2, within(0.2));
        }
    }

    @Test
    void estimateEvaluatesAPolicy() {
        // The effect is 2 for everybody, so a policy's value is 2 times the change in the treated share: treating
        // exactly when Z > 0 treats half, as now (E[sigmoid(Z)] = 1/2), so its value is 0.
        JsonNode value = json(CliTest.run(args("estimate", "--treatment", "T", "--outcome", "Y", "--policy",
                "if(Z > 0, 1, 0)", "--bootstrap", "50")));
        assertThat(value.get("definition").stringValue()).isEqualTo("E[Y | do(T ~ bernoulli(if(Z > 0, 1, 0)))] - E[Y]");
        assertThat(value.get("ci").get(0).doubleValue()).isLessThan(0);
        assertThat(value.get("ci").get(1).doubleValue()).isGreaterThan(0);
        JsonNode everybody = json(CliTest.run(args("estimate", "--treatment", "T", "--outcome", "Y", "--policy", "1",
                "--bootstrap", "50")));
        // Treating everybody adds 2 for the half now untreated.
        assertThat(everybody.get("estimate").doubleValue()).isCloseTo(1, within(0.15));
        CliTest.assertOneLineFailure(CliTest.run(args("estimate", "--treatment", "T", "--outcome", "Y", "--policy",
                "Z >")), Cli.EXIT_USAGE, "--policy: in 'Z >': the expression ends where a value is expected");
    }

    @Test
    void estimateGivesNoNumberWhenTheGraphDoesNotIdentifyTheEffect() throws Exception {
        Dag dag = ProjectFiles.open(graph).dag();
        dag.updateVariable(dag.require("Z").withRole(Role.LATENT));
        ProjectFiles.save(new Project("Hidden", dag), graph);
        CliTest.Result result = CliTest.run(args("estimate", "--treatment", "T", "--outcome", "Y"));
        assertThat(result.exitCode()).isEqualTo(Cli.EXIT_FAILED);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).startsWith("recausal: the effect of T on Y is not identifiable").hasLineCount(1);
    }

    @Test
    void counterfactualForOneRow() throws Exception {
        JsonNode answer = json(CliTest.run(args("counterfactual", "--model", "linear", "--row", "2", "--do", "T=1",
                "--outcome", "Y")));
        List<String> rows = Files.readAllLines(data);
        String[] second = rows.get(2).split(",");
        double factual = Double.parseDouble(second[2]);
        assertThat(answer.get("factual").doubleValue()).isEqualTo(factual);
        double expected = second[1].equals("1") ? factual : factual + 2;
        assertThat(answer.get("counterfactual").doubleValue()).isCloseTo(expected, within(0.15));
        CliTest.assertOneLineFailure(CliTest.run(args("counterfactual", "--row", "3001", "--do", "T=1", "--outcome",
                "Y")), Cli.EXIT_FAILED, "row 3001 misses a value of a variable in the graph, so it has no counterfactual");
        JsonNode binary = json(CliTest.run(args("counterfactual", "--model", "linear", "--row", "2", "--do", "Z+=1",
                "--outcome", "Y")));
        assertThat(binary.get("determined").booleanValue()).isFalse();
        assertThat(binary.get("counterfactual").isNull()).isTrue();
        assertThat(binary.get("reason").stringValue()).contains("T would change");
    }

    @Test
    void refuteRunsEveryCheck() {
        JsonNode result = json(CliTest.run(args("refute", "--treatment", "T", "--outcome", "Y", "--method",
                "regression", "--bootstrap", "30", "--simulations", "10")));
        assertThat(result.get("estimate").get("estimate").doubleValue()).isCloseTo(2, within(0.2));
        assertThat(result.get("refutations")).hasSize(4);
        for (JsonNode check : result.get("refutations")) {
            assertThat(check.get("passed").booleanValue()).as(check.get("verdict").stringValue()).isTrue();
            assertThat(check.get("numbers").size()).isPositive();
        }
    }

    @Test
    void badInputIsOneLine() {
        CliTest.assertOneLineFailure(CliTest.run(args("simulate", "--do", "T", "--outcome", "Y")), Cli.EXIT_USAGE,
                "Invalid value for option '--do' (INTERVENTION): 'T' is not an intervention; write X=1, X+=0.5, X-=2 or X:=expression");
        CliTest.assertOneLineFailure(CliTest.run(args("fit", "--model", "deep")), Cli.EXIT_USAGE,
                "unknown model 'deep' (expected auto, linear, table or boosted)");
        CliTest.assertOneLineFailure(CliTest.run(args("simulate", "--model", "linear", "--do", "T+=1", "--outcome",
                "Y", "--bootstrap", "0", "--samples", "10")), Cli.EXIT_FAILED,
                "cannot shift T: it is binary [false, true]; set it to a level instead (T=...)");
        CliTest.assertOneLineFailure(CliTest.run(args("estimate", "--treatment", "T", "--outcome", "Y",
                "--method", "magic")), Cli.EXIT_USAGE, "unknown method 'magic' (expected regression, ipw or aipw)");
    }

    @Test
    void benchScmPrintsItsFigures() {
        JsonNode figures = json(CliTest.run("bench", "scm", "--rows", "20000", "--samples", "20000", "--aipw-rows",
                "5000", "--bootstrap", "20", "--json"));
        assertThat(figures.get("fit_seconds").doubleValue()).isPositive();
        assertThat(figures.get("samples").intValue()).isEqualTo(20_000);
        double truth = figures.get("true_effect").doubleValue();
        assertThat(figures.get("aipw_estimate").doubleValue()).isCloseTo(truth, within(0.3 + 0.3 * Math.abs(truth)));
    }

    @Test
    void benchBnlearnComparesWithExactAnswers() throws Exception {
        DiscreteBayesNet net = new DiscreteBayesNet(List.of(
                new DiscreteBayesNet.Node("rain", List.of("no", "yes"), List.of(), List.of(new double[] {0.7, 0.3})),
                new DiscreteBayesNet.Node("sprinkler", List.of("off", "on"), List.of("rain"),
                        List.of(new double[] {0.6, 0.4}, new double[] {0.95, 0.05})),
                new DiscreteBayesNet.Node("wet", List.of("no", "yes"), List.of("rain", "sprinkler"),
                        List.of(new double[] {0.99, 0.01}, new double[] {0.2, 0.8}, new double[] {0.1, 0.9},
                                new double[] {0.02, 0.98}))));
        Files.writeString(folder.resolve("garden.bif"), new BifFormat().write(net));
        JsonNode results = json(CliTest.run("bench", "bnlearn", "garden", "--dir", folder.toString(), "--rows",
                "20000", "--samples", "50000", "--json"));
        JsonNode garden = results.get(0);
        assertThat(garden.get("queries").intValue()).isEqualTo(6);
        assertThat(garden.get("max_tv").doubleValue()).isLessThan(0.03);
        CliTest.assertOneLineFailure(CliTest.run("bench", "bnlearn", "nowhere", "--dir", folder.toString()),
                Cli.EXIT_FAILED, "cannot read " + folder.resolve("nowhere.bif") + " (NoSuchFileException); give the"
                        + " folder of the bnlearn BIF files with --dir");
    }
}

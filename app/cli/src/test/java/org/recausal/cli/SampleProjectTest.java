package org.recausal.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recausal.engine.dag.Dag;
import org.recausal.engine.project.Project;
import org.recausal.engine.project.ProjectFiles;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The model and recommender commands on the bundled sample project, which carries its data and documents the true
 * effects on them in its notes, as a user types them.
 */
class SampleProjectTest {
    static final Path SAMPLE = Path.of("../../sample-projects/recommender-shop.recausal");

    @TempDir
    Path folder;

    private static JsonNode json(CliTest.Result result) {
        assertThat(result.err()).isEmpty();
        assertThat(result.exitCode()).isZero();
        return JsonMapper.shared().readTree(result.out());
    }

    /** The true effect the sample's notes give in the row of this question. */
    private static double documented(String question) throws Exception {
        String notes = ProjectFiles.open(SAMPLE).notes();
        Matcher row = Pattern.compile("\\| " + Pattern.quote(question) + " \\|.*\\| (-?[0-9.]+) \\| ([0-9.]+) \\|")
                .matcher(notes);
        assertThat(row.find()).as(question + " in the notes").isTrue();
        return Double.parseDouble(row.group(1));
    }

    @Test
    void estimateRecoversTheDocumentedEffectOfExposureOnClicks() throws Exception {
        double truth = documented("average effect of showing an item on click");
        JsonNode estimate = json(CliTest.run("estimate", SAMPLE.toString(), "--treatment", "exposure", "--outcome",
                "click", "--method", "aipw", "--bootstrap", "50"));
        assertThat(estimate.get("method").stringValue()).isEqualTo("aipw");
        assertThat(estimate.get("adjustment_set").toString()).contains("recommender_score");
        assertThat(estimate.get("rows").intValue()).isEqualTo(80_600);
        // The documented truth is rounded to 4 decimals.
        assertThat(truth).isBetween(estimate.get("ci").get(0).doubleValue() - 1e-4,
                estimate.get("ci").get(1).doubleValue() + 1e-4);
        JsonNode regression = json(CliTest.run("estimate", SAMPLE.toString(), "--treatment", "exposure", "--outcome",
                "click", "--method", "regression", "--bootstrap", "30"));
        assertThat(regression.get("estimate").doubleValue()).isCloseTo(truth, within(0.02));
    }

    @Test
    void simulateRecoversTheDocumentedDiscountAndRefusesWhatTheLatentPreferenceConfounds() throws Exception {
        double truth = documented("average effect of a discount on the price");
        JsonNode discount = json(CliTest.run("simulate", SAMPLE.toString(), "--do", "discount=1", "--baseline",
                "discount=0", "--outcome", "item_price", "--model", "linear", "--samples", "20000", "--bootstrap",
                "5"));
        for (String field : new String[] {"outcome", "mean", "ci", "baseline_mean", "effect", "effect_ci"}) {
            assertThat(discount.has(field)).as(field).isTrue();
        }
        assertThat(discount.get("effect").doubleValue()).isCloseTo(truth, within(0.05 * Math.abs(truth)));

        CliTest.Result confounded = CliTest.run("simulate", SAMPLE.toString(), "--do", "exposure=1", "--outcome",
                "click", "--model", "linear", "--bootstrap", "0");
        assertThat(confounded.exitCode()).isEqualTo(Cli.EXIT_FAILED);
        assertThat(confounded.err()).startsWith("recausal: cannot simulate do(exposure=1) on click: the latent"
                + " variable user_preference").hasLineCount(1);
    }

    @Test
    void fitSaveStoresTheModelThatSimulateAndCounterfactualReuseUntilTheGraphChanges() throws Exception {
        Path copy = folder.resolve("shop.recausal");
        Files.copy(SAMPLE, copy);
        String[] discount = {"--do", "discount=1", "--baseline", "discount=0", "--outcome", "item_price",
            "--samples", "20000", "--bootstrap", "0"};
        JsonNode before = json(CliTest.run(concat(new String[] {"simulate", copy.toString(), "--model", "linear"},
                discount)));
        assertThat(before.get("model").stringValue()).isEqualTo("fitted");
        assertThat(before.has("model_note")).isFalse();

        JsonNode fit = json(CliTest.run("fit", copy.toString(), "--model", "linear", "--save"));
        assertThat(fit.get("saved").stringValue()).isEqualTo(copy.toString());
        assertThat(ProjectFiles.open(copy).scm()).isPresent();
        JsonNode stored = json(CliTest.run(concat(new String[] {"simulate", copy.toString()}, discount)));
        assertThat(stored.get("model").stringValue()).isEqualTo("stored");
        // The stored model is the one fitted with the same options and seed, so it simulates the same numbers.
        assertThat(stored.get("effect").doubleValue()).isEqualTo(before.get("effect").doubleValue());
        JsonNode counterfactual = json(CliTest.run("counterfactual", copy.toString(), "--row", "2", "--do",
                "discount=1", "--outcome", "item_price"));
        assertThat(counterfactual.get("model").stringValue()).isEqualTo("stored");
        JsonNode otherKind = json(CliTest.run(concat(new String[] {"simulate", copy.toString(), "--noise", "gaussian"},
                discount)));
        assertThat(otherKind.get("model").stringValue()).isEqualTo("fitted");

        Project edited = ProjectFiles.open(copy);
        edited.dag().removeEdge("device", "logged_in");
        ProjectFiles.save(edited, copy);
        JsonNode stale = json(CliTest.run(concat(new String[] {"simulate", copy.toString(), "--model", "linear"},
                discount)));
        assertThat(stale.get("model").stringValue()).isEqualTo("fitted");
        assertThat(stale.get("model_note").stringValue()).contains("stale: the graph changed");
    }

    @Test
    void scenariosAreSavedInTheProjectAndRunByName() throws Exception {
        Path copy = folder.resolve("shop.recausal");
        Files.copy(SAMPLE, copy);
        JsonNode saved = json(CliTest.run("simulate", copy.toString(), "--do", "discount=1", "--outcome",
                "item_price", "--model", "linear", "--samples", "20000", "--bootstrap", "0", "--save-scenario",
                "promotion"));
        Project project = ProjectFiles.open(copy);
        assertThat(project.scenario("promotion")).isPresent();
        assertThat(project.scenarioResult("promotion").orElseThrow().isStale(project)).isFalse();
        JsonNode rerun = json(CliTest.run("simulate", copy.toString(), "--scenario", "promotion", "--bootstrap",
                "0"));
        assertThat(rerun.get("scenario").stringValue()).isEqualTo("promotion");
        assertThat(rerun.get("model").stringValue()).isEqualTo("stored");
        assertThat(rerun.get("effect").doubleValue()).isEqualTo(saved.get("effect").doubleValue());
        CliTest.assertOneLineFailure(CliTest.run("simulate", copy.toString(), "--scenario", "clearance"),
                Cli.EXIT_FAILED, "shop.recausal has no scenario 'clearance' (its scenarios: promotion)");
        CliTest.assertOneLineFailure(CliTest.run("simulate", copy.toString(), "--scenario", "promotion", "--do",
                "discount=0"), Cli.EXIT_USAGE, "--scenario runs the saved scenario as it is; leave out --do,"
                        + " --baseline, --outcome and --subgroup");
        CliTest.assertOneLineFailure(CliTest.run("simulate", copy.toString(), "--do", "discount=1", "--outcome",
                "item_price", "--save-scenario", "two\nlines"), Cli.EXIT_USAGE,
                "--save-scenario: a scenario name is one line of text, not blank");
        CliTest.assertOneLineFailure(CliTest.run("fit", "--graph", copy.toString(), "--data",
                folder.resolve(unpack("data/interactions.csv")).toString(), "--save"), Cli.EXIT_USAGE,
                "--save stores the model in the PROJECT it was fitted to: give a PROJECT, without --graph or --data");
    }

    private static String[] concat(String[] first, String[] second) {
        String[] all = java.util.Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }

    @Test
    void counterfactualOfOneLoggedRow() throws Exception {
        JsonNode answer = json(CliTest.run("counterfactual", SAMPLE.toString(), "--row", "1", "--do", "discount=1",
                "--outcome", "item_price", "--model", "linear"));
        assertThat(answer.get("determined").booleanValue()).isTrue();
        double factual = answer.get("factual").doubleValue();
        double counterfactual = answer.get("counterfactual").doubleValue();
        String firstRow = Files.readAllLines(folder.resolve(unpack("data/interactions.csv")), StandardCharsets.UTF_8)
                .get(1);
        assertThat(factual).isEqualTo(Double.parseDouble(firstRow.split(",")[6]));
        if (firstRow.split(",")[5].equals("1")) {
            assertThat(counterfactual).isEqualTo(factual);
        } else {
            assertThat(counterfactual).isLessThan(factual);
        }
    }

    private String unpack(String entry) throws Exception {
        try (var zip = new java.util.zip.ZipFile(SAMPLE.toFile())) {
            Path target = folder.resolve(Path.of(entry).getFileName().toString());
            try (var in = zip.getInputStream(zip.getEntry(entry))) {
                Files.copy(in, target);
            }
            return target.getFileName().toString();
        }
    }

    @Test
    void refuteChecksTheEstimate() {
        JsonNode result = json(CliTest.run("refute", SAMPLE.toString(), "--treatment", "exposure", "--outcome",
                "purchase", "--method", "regression", "--bootstrap", "20", "--simulations", "5"));
        assertThat(result.get("refutations")).hasSize(4);
        assertThat(result.get("estimate").get("treatment").stringValue()).isEqualTo("exposure");
    }

    @Test
    void recommendersTrainAndEvaluateOnTheProjectsLog() {
        Path model = folder.resolve("bpr.model");
        CliTest.Result training = CliTest.run("train", "mf", "--data", SAMPLE.toString(), "--out", model.toString(),
                "--steps", "10");
        assertThat(training.err().lines().filter(line -> line.startsWith("epoch ")).count()).isEqualTo(10);
        JsonNode trained = JsonMapper.shared().readTree(training.out());
        assertThat(trained.get("kind").stringValue()).isEqualTo("bpr");
        JsonNode evaluated = json(CliTest.run("evaluate", "--model", model.toString(), "--data", SAMPLE.toString(),
                "--json"));
        // Ranking the held-out click among 100 sampled items, chance gives HR@10 = 10/101.
        assertThat(evaluated.get("metrics").get("HR@10").doubleValue()).isGreaterThan(0.15);
        CliTest.assertOneLineFailure(CliTest.run("train", "mf", "--data", SAMPLE.toString(), "--dataset", "users",
                "--out", model.toString()), Cli.EXIT_FAILED, "users has no item column (one named item_id, item,"
                        + " itemid, iid; its columns: user_id, user_tenure, user_activity)");
        CliTest.assertOneLineFailure(CliTest.run("train", "mf", "--data", SAMPLE.toString(), "--dataset", "ratings",
                "--out", model.toString()), Cli.EXIT_FAILED,
                "recommender-shop.recausal has no dataset 'ratings' (its datasets: interactions, users, items)");
    }

    @Test
    void generateWritesAShopProjectWhoseTruthTheEstimateCovers() throws Exception {
        Path shop = folder.resolve("small.recausal");
        JsonNode generated = json(CliTest.run("generate", "recommender", "--project", shop.toString(), "--users",
                "300", "--items", "100", "--replicates", "5", "--seed", "2"));
        JsonNode click = generated.get("true_effects").get(0);
        assertThat(click.get("question").stringValue()).isEqualTo("average effect of showing an item on click");
        Project project = ProjectFiles.open(shop);
        assertThat(project.datasets()).hasSize(3);
        assertThat(project.notes()).contains(String.format(java.util.Locale.ROOT, "| %.4f |",
                click.get("effect").doubleValue()));
        JsonNode estimate = json(CliTest.run("estimate", shop.toString(), "--treatment", "exposure", "--outcome",
                "click", "--bootstrap", "50"));
        assertThat(estimate.get("rows").intValue()).isEqualTo(generated.get("rows").intValue());
        double slack = 2 * click.get("standard_error").doubleValue();
        assertThat(click.get("effect").doubleValue()).isBetween(estimate.get("ci").get(0).doubleValue() - slack,
                estimate.get("ci").get(1).doubleValue() + slack);
        CliTest.assertOneLineFailure(CliTest.run("generate", "recommender", "--users", "300"), Cli.EXIT_USAGE,
                "give --output FILE (independent rows) or --project FILE (a shop's log)");
    }

    @Test
    void missingHostileAndDatalessProjectsAreOneLine() throws Exception {
        CliTest.assertOneLineFailure(CliTest.run("estimate", folder.resolve("nowhere.recausal").toString(),
                "--treatment", "exposure", "--outcome", "click"), Cli.EXIT_FAILED, "nowhere.recausal: does not exist");
        Path text = folder.resolve("notes.recausal");
        Files.writeString(text, "not a project\n");
        CliTest.assertOneLineFailure(CliTest.run("fit", text.toString()), Cli.EXIT_FAILED,
                "notes.recausal: is not a Recausal project (not a zip archive)");
        Path graphOnly = folder.resolve("graph-only.recausal");
        Dag dag = ProjectFiles.open(SAMPLE).dag();
        ProjectFiles.save(new Project("Graph only", dag), graphOnly);
        CliTest.assertOneLineFailure(CliTest.run("fit", graphOnly.toString()), Cli.EXIT_FAILED,
                "graph-only.recausal holds no data; attach a dataset to it, or give --data");
        CliTest.assertOneLineFailure(CliTest.run("estimate", "--treatment", "exposure", "--outcome", "click"),
                Cli.EXIT_USAGE, "give a PROJECT file, or both --graph and --data");
    }
}

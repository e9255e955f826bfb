package org.recausal.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.recausal.cli.CliTest.assertOneLineFailure;
import static org.recausal.cli.CliTest.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recausal.engine.dag.Dag;
import org.recausal.engine.project.Project;
import org.recausal.engine.project.ProjectFileException;
import org.recausal.engine.project.ProjectFiles;
import org.recausal.engine.project.StoredRecommender;
import org.recausal.engine.recsys.model.ModelFile;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** explain on a SASRec trained in-process on a small timed log. */
class ExplainCommandTest {
    @TempDir
    Path folder;
    Path log;
    Path model;

    /** 60 users walking through 20 items one step at a time, with timestamps. */
    @BeforeEach
    void train() throws IOException {
        SplittableRandom random = new SplittableRandom(4);
        StringBuilder text = new StringBuilder("user,item,rating,timestamp\n");
        long time = 1_000;
        for (int u = 1; u <= 60; u++) {
            int item = random.nextInt(20);
            for (int t = 0; t < 6 + random.nextInt(5); t++) {
                text.append(u).append(',').append(100 + item).append(",1,").append(time += 7).append('\n');
                item = (item + 1) % 20;
            }
        }
        log = Files.writeString(folder.resolve("log.csv"), text);
        model = folder.resolve("s.model");
        json(run("train", "sasrec", "--data", log.toString(), "--maxlen", "8", "--dim", "8", "--blocks", "2",
                "--heads", "2", "--epochs", "20", "--batch", "16", "--validate-every", "0", "--threads", "2",
                "--out", model.toString()));
    }

    private static JsonNode json(CliTest.Result result) {
        assertThat(result.exitCode()).as(result.err()).isZero();
        return JsonMapper.shared().readTree(result.out());
    }

    @Test
    void explainsTheTopRecommendationInJson() {
        JsonNode list = json(run("recommend", "--model", model.toString(), "--user", "7", "--k", "3", "--json"));
        String top = list.get("items").get(0).get("item").asString();
        JsonNode e = json(run("explain", "--data", log.toString(), "--model", model.toString(), "--user", "7", "--item", top,
                "--k", "3", "--json"));
        assertThat(e.get("rank").asInt()).isEqualTo(1);
        assertThat(e.get("score").asDouble()).isCloseTo(list.get("items").get(0).get("score").asDouble(), within(1e-5));
        assertThat(e.get("skipped_interactions").asInt()).isZero();
        int window = e.get("attention").get("history").size();
        assertThat(window).isBetween(2, 8);
        JsonNode layers = e.get("attention").get("layers");
        assertThat(layers).hasSize(2);
        assertThat(layers.get(0)).hasSize(2);
        double rowSum = 0;
        for (JsonNode w : layers.get(1).get(0)) {
            rowSum += w.asDouble();
        }
        assertThat(rowSum).isCloseTo(1, within(1e-5));
        assertThat(layers.get(1).get(0)).hasSize(window);
        assertThat(e.get("history").get(0).has("time")).isTrue();

        double sum = 0;
        for (JsonNode a : e.get("attributions")) {
            assertThat(a.has("name")).isTrue();
            sum += a.get("value").asDouble();
        }
        assertThat(e.get("attributions")).hasSize(window);
        JsonNode method = e.get("attribution_method");
        assertThat(sum).isCloseTo(method.get("full_score").asDouble() - method.get("baseline_score").asDouble(), within(1e-4));

        JsonNode c = e.get("counterfactual");
        if (c.get("found").asBoolean()) {
            assertThat(c.get("verified").asBoolean()).isTrue();
            assertThat(c.get("new_rank").asInt()).isGreaterThan(3);
            assertThat(c.get("removed").size()).isPositive();
        } else {
            assertThat(c.get("reason").asString()).startsWith("no explanation within");
        }
        assertThat(e.get("summary").asString()).startsWith("Recommended at rank 1 of 3");
        assertThat(e.get("faithfulness").get("checks").size()).isPositive();
    }

    @Test
    void theModelsOwnHistoryServesWithoutData() {
        JsonNode list = json(run("recommend", "--model", model.toString(), "--user", "12", "--k", "1", "--json"));
        String top = list.get("items").get(0).get("item").asString();
        JsonNode e = json(run("explain", "--model", model.toString(), "--user", "12", "--item", top, "--json"));
        assertThat(e.get("rank").asInt()).isEqualTo(1);
        assertThat(e.get("history").get(0).has("time")).isFalse();
        assertThat(e.has("skipped_interactions")).isFalse();
        CliTest.Result text = run("explain", "--model", model.toString(), "--user", "12", "--item", top);
        assertThat(text.exitCode()).isZero();
        assertThat(text.out()).startsWith(e.get("summary").asString()).contains("shapley", "remove top 1 by attribution");
    }

    @Test
    void explainsARecommenderSavedInAProject() throws IOException, ProjectFileException {
        Project project = new Project("shop", new Dag());
        project.addRecommender(new StoredRecommender("seq", "SASRec on the log", ModelFile.read(model), null));
        Path saved = folder.resolve("shop.recausal");
        ProjectFiles.save(project, saved);
        JsonNode list = json(run("recommend", "--model", model.toString(), "--user", "9", "--k", "1", "--json"));
        String top = list.get("items").get(0).get("item").asString();
        JsonNode fromFile = json(run("explain", "--model", model.toString(), "--user", "9", "--item", top, "--json"));
        for (String named : new String[] {"seq", "SASRec on the log"}) {
            JsonNode e = json(run("explain", "--project", saved.toString(), "--model", named, "--user", "9", "--item", top,
                    "--json"));
            assertThat(e.get("recommender").get("id").asString()).isEqualTo("seq");
            assertThat(e.get("recommender").get("name").asString()).isEqualTo("SASRec on the log");
            ((ObjectNode) e).remove("recommender");
            // The project holds the same model and histories: the same explanation, number for number.
            assertThat(e).isEqualTo(fromFile);
        }
        JsonNode withLog = json(run("explain", "--project", saved.toString(), "--model", "seq", "--data", log.toString(),
                "--user", "9", "--item", top, "--json"));
        assertThat(withLog.get("history").get(0).has("time")).isTrue();

        assertOneLineFailure(run("explain", "--project", saved.toString(), "--model", "bert4rec", "--user", "9", "--item",
                top), 1, "shop.recausal has no recommender 'bert4rec' (its recommenders: seq \"SASRec on the log\" (sasrec))");
        Path empty = folder.resolve("empty.recausal");
        ProjectFiles.save(new Project("empty", new Dag()), empty);
        assertOneLineFailure(run("explain", "--project", empty.toString(), "--model", "seq", "--user", "9", "--item", top), 1,
                "empty.recausal holds no recommenders: train one in the app and save the project, or give a model file"
                        + " (from train sasrec) as --model");
        JsonNode fileInProject = json(run("explain", "--project", empty.toString(), "--model", model.toString(), "--user",
                "9", "--item", top, "--json"));
        assertThat(fileInProject).isEqualTo(fromFile);
    }

    @Test
    void badRequestsGetOneLine() throws IOException {
        assertOneLineFailure(run("explain", "--model", model.toString(), "--user", "nobody", "--item", "100"), 1,
                "the model knows no user 'nobody'");
        assertOneLineFailure(run("explain", "--model", model.toString(), "--user", "7", "--item", "nothing"), 1,
                "the model knows no item 'nothing'");
        assertOneLineFailure(run("explain", "--model", model.toString(), "--user", "7", "--item", "100", "--k", "0"), 2,
                "--k, --max-removals and --beam must be at least 1");
        Path ratings = Files.writeString(folder.resolve("r.ascii"), "1 0 3\n0 2 0\n4 0 1\n");
        Path mf = folder.resolve("mf.model");
        json(run("train", "mf", "--data", ratings.toString(), "--factors", "2", "--lambda", "1", "--steps", "5", "--out", mf.toString()));
        assertOneLineFailure(run("explain", "--model", mf.toString(), "--user", "0", "--item", "0"), 1,
                "explanations need a SASRec model: the user vector of this mf model does not depend on the user's history,"
                        + " so there is no history to attribute to");
    }
    @Test
    void benchTimesExplanationsOnTheLogAndASample() {
        JsonNode bench = json(run("bench", "explain", "--games", log.toString(), "--epochs", "2", "--sample-users", "30",
                "--sample-epochs", "2", "--users", "6", "--threads", "2"));
        for (String part : new String[] {"sample", "games"}) {
            JsonNode node = bench.get(part);
            assertThat(node.get("explanations").asInt()).isEqualTo(6);
            assertThat(node.get("wallMs").get("median").asDouble()).isPositive();
            assertThat(node.get("wallMs").get("max").asDouble()).isGreaterThanOrEqualTo(node.get("wallMs").get("p90").asDouble());
            assertThat(node.get("shareUnderTarget").asDouble()).isBetween(0.0, 1.0);
            assertThat(node.get("faithfulnessChecked").asInt()).isEqualTo(6);
            assertThat(node.get("topAttributedBeatsRandom").asInt()).isBetween(0, 6);
        }
        assertThat(bench.get("sample").get("users").asInt()).isEqualTo(30);
        assertThat(bench.get("games").get("users").asInt()).isEqualTo(60);
    }
    @Test
    void aggregateAttentionOverUsers() throws IOException {
        StringBuilder text = new StringBuilder("item,category\n");
        for (int i = 0; i < 20; i++) {
            text.append(100 + i).append(',').append(i < 10 ? "low" : "high").append('\n');
        }
        Path categories = Files.writeString(folder.resolve("categories.csv"), text);
        JsonNode a = json(run("explain", "--model", model.toString(), "--aggregate", "40", "--categories",
                categories.toString(), "--pairs", "5", "--min-count", "2"));
        assertThat(a.get("users").asInt()).isEqualTo(40);
        assertThat(a.get("pairs")).hasSize(5);
        assertThat(a.get("pairs").get(0).get("count").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(a.get("pairs").get(0).get("mean_weight").asDouble())
                .isGreaterThanOrEqualTo(a.get("pairs").get(4).get("mean_weight").asDouble());
        assertThat(a.get("categories").get("names").toString()).isEqualTo("[\"high\",\"low\"]");
        for (JsonNode row : a.get("categories").get("shares")) {
            assertThat(row.get(0).asDouble() + row.get(1).asDouble()).isCloseTo(1, within(1e-9));
        }
        assertOneLineFailure(run("explain", "--model", model.toString(), "--aggregate", "5", "--user", "7"), 2,
                "give --user and --item for one explanation, or --aggregate N for attention over users");
        assertOneLineFailure(run("explain", "--model", model.toString(), "--user", "7"), 2,
                "give --user and --item for one explanation, or --aggregate N for attention over users");
    }

    @Test
    void aggregatesByAnItemTraitOfTheProjectData() throws Exception {
        Path shop = Files.copy(SampleProjectTest.SAMPLE, folder.resolve("shop.recausal"));
        json(run("train", "sasrec", "--data", shop.toString(), "--maxlen", "10", "--dim", "8", "--blocks", "1",
                "--heads", "1", "--epochs", "1", "--validate-every", "0", "--threads", "2", "--save", "seq"));
        JsonNode a = json(run("explain", "--project", shop.toString(), "--model", "seq", "--aggregate", "100",
                "--category-column", "item_category"));
        // The sample's five item categories, each row of shares summing to 1.
        assertThat(a.get("categories").get("names").toString())
                .isEqualTo("[\"books\",\"electronics\",\"fashion\",\"home\",\"toys\"]");
        for (JsonNode row : a.get("categories").get("shares")) {
            double sum = 0;
            for (JsonNode share : row) {
                sum += share.asDouble();
            }
            assertThat(sum).isCloseTo(1, within(1e-9));
        }
        assertOneLineFailure(run("explain", "--project", shop.toString(), "--model", "seq", "--aggregate", "10",
                "--category-column", "device"), 1, "dataset 'interactions': 'device' is not an item category of the"
                + " data (their item categories: item_category)");
        assertOneLineFailure(run("explain", "--model", model.toString(), "--aggregate", "10", "--category-column",
                "item_category"), 1, "--category-column needs a recommender of --project trained on one of its datasets");
    }
}

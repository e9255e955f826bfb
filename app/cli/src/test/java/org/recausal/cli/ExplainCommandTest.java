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

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

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
    void badRequestsGetOneLine() throws IOException {
        assertOneLineFailure(run("explain", "--model", model.toString(), "--user", "nobody", "--item", "100"), 1,
                "the model knows no user 'nobody'");
        assertOneLineFailure(run("explain", "--model", model.toString(), "--user", "7", "--item", "nothing"), 1,
                "the model knows no item 'nothing'");
        assertOneLineFailure(run("explain", "--model", model.toString(), "--user", "7", "--item", "100", "--k", "0"), 2,
                "--k, --max-removals and --beam must be at least 1");
        Path ratings = Files.writeString(folder.resolve("r.ascii"), "1 0 3\n0 2 0\n4 0 1\n");
        Path mf = folder.resolve("mf.model");
        json(run("train", "mf", "--data", ratings.toString(), "--factors", "2", "--steps", "5", "--out", mf.toString()));
        assertOneLineFailure(run("explain", "--model", mf.toString(), "--user", "0", "--item", "0"), 1,
                "explanations need a SASRec model: the user vector of this mf model does not depend on the user's history,"
                        + " so there is no history to attribute to");
    }
}

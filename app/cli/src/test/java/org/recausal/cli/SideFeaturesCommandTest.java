package org.recausal.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.recausal.cli.CliTest.assertOneLineFailure;
import static org.recausal.cli.CliTest.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** train sasrec --features on the sample project, and explain's attributions to the variables it reads. */
class SideFeaturesCommandTest {
    private static final String[] SMALL = {"--maxlen", "10", "--dim", "8", "--blocks", "1", "--epochs", "2",
        "--validate-every", "0", "--threads", "2"};

    @TempDir
    Path folder;
    Path shop;

    @BeforeEach
    void copySample() throws IOException {
        shop = Files.copy(SampleProjectTest.SAMPLE, folder.resolve("shop.recausal"));
    }

    private static JsonNode json(CliTest.Result result) {
        assertThat(result.exitCode()).as(result.err()).isZero();
        return JsonMapper.shared().readTree(result.out());
    }

    private static String[] train(String... args) {
        List<String> all = new ArrayList<>(List.of("train", "sasrec"));
        all.addAll(List.of(args));
        all.addAll(List.of(SMALL));
        return all.toArray(String[]::new);
    }

    private static List<String> names(JsonNode list) {
        List<String> names = new ArrayList<>();
        list.forEach(n -> names.add(n.path("name").asString()));
        return names;
    }

    @Test
    void theDagsFourTraitsAreTrainedOnAndAttributedTo() {
        JsonNode trained = json(run(train("--data", shop.toString(), "--features", "dag", "--save", "traits")));
        JsonNode features = trained.path("features");
        assertThat(names(features.path("used")))
                .containsExactly("user_tenure", "user_activity", "item_category", "item_popularity");
        assertThat(names(features.path("skipped"))).containsExactly("user_preference", "item_quality", "recommender_score");
        assertThat(features.path("skipped").get(2).path("reason").asString()).contains("row-level");

        JsonNode e = json(run("explain", "--project", shop.toString(), "--model", "traits", "--user", "u1064", "--item",
                "i91", "--json"));
        List<JsonNode> variables = new ArrayList<>();
        e.path("attributions").forEach(a -> {
            if (a.path("kind").asString().equals("variable")) {
                variables.add(a);
            }
        });
        assertThat(variables).extracting(v -> v.path("name").asString())
                .containsExactly("user_tenure", "user_activity", "item_category", "item_popularity");
        // The sample's users.csv and items.csv: u1064's and i91's values.
        assertThat(variables).extracting(v -> v.path("observed").asString()).containsExactly("126", "5", "books", "14");
        assertThat(variables).extracting(v -> v.path("of").asString()).containsExactly("user", "user", "item", "item");
        assertThat(e.path("attribution_method").path("variables").asString()).isEqualTo("exact-interventional");
        assertThat(e.path("attribution_method").path("efficiency_gap").asDouble()).isCloseTo(0, within(1e-5));

        JsonNode bench = json(run("bench", "explain", "--project", shop.toString(), "--model", "traits", "--users", "3",
                "--threads", "2"));
        assertThat(bench.path("project").path("explanations").asInt()).isEqualTo(3);
        assertThat(bench.path("project").path("variables").asInt()).isEqualTo(4);
    }

    @Test
    void namedVariablesAreCheckedAndARowLevelOneSkipped() {
        JsonNode trained = json(run(train("--data", shop.toString(), "--features", "item_popularity, item_price",
                "--out", folder.resolve("m.model").toString())));
        assertThat(names(trained.path("features").path("used"))).containsExactly("item_popularity");
        assertThat(names(trained.path("features").path("skipped"))).containsExactly("item_price");
    }

    @Test
    void aPlainFileHasNoGraphButItsColumnsMayBeNamed() throws IOException {
        StringBuilder csv = new StringBuilder("user,item,timestamp,age\n");
        for (int u = 0; u < 30; u++) {
            for (int t = 0; t < 5; t++) {
                csv.append(u).append(',').append((u + t * 3) % 17).append(',').append(u * 10 + t).append(',')
                        .append(20 + u).append('\n');
            }
        }
        Path log = Files.writeString(folder.resolve("log.csv"), csv);
        String model = folder.resolve("m.model").toString();
        assertOneLineFailure(run(train("--data", log.toString(), "--features", "dag", "--out", model)), 1,
                "--features dag reads the project's graph; log.csv is an interaction file without one (name its"
                        + " columns instead: --features a,b,c)");
        JsonNode trained = json(run(train("--data", log.toString(), "--features", "age", "--out", model)));
        assertThat(names(trained.path("features").path("used"))).containsExactly("age");
        assertOneLineFailure(run(train("--data", log.toString(), "--features", "timestamp", "--out", model)), 1,
                "no user or item trait to read: timestamp (varies within a user's rows and within an item's rows:"
                        + " a row-level variable, not a trait of the user or of the item)");
    }
}

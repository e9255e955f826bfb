package org.recausal.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.recausal.cli.CliTest.assertOneLineFailure;
import static org.recausal.cli.CliTest.run;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recausal.engine.project.Project;
import org.recausal.engine.project.ProjectFiles;
import org.recausal.engine.project.StoredRecommender;
import org.recausal.engine.recsys.mf.FactorModel;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** train --save keeps recommenders in the project; evaluate and recommend find them there by id or name. */
class ProjectRecommendersTest {
    @TempDir
    Path folder;
    Path shop;

    @BeforeEach
    void copySample() throws Exception {
        shop = Files.copy(SampleProjectTest.SAMPLE, folder.resolve("recommender-shop.recausal"));
    }

    private static JsonNode json(CliTest.Result result) {
        // Training prints its epochs on stderr; nothing else may be there.
        assertThat(result.err().lines()).allMatch(line -> line.startsWith("epoch "));
        assertThat(result.exitCode()).isZero();
        return JsonMapper.shared().readTree(result.out());
    }

    @Test
    void aSavedRecommenderEvaluatesAndRecommendsAsItsModelFile() throws Exception {
        Path file = folder.resolve("bpr.model");
        JsonNode trained = json(run("train", "mf", "--data", shop.toString(), "--steps", "10", "--out", file.toString(),
                "--save", "shop bpr"));
        assertThat(trained.get("recommender").stringValue()).isEqualTo("shop-bpr");
        assertThat(trained.get("saved").stringValue()).isEqualTo(shop.toString());

        Project reopened = ProjectFiles.open(shop);
        assertThat(reopened.recommenders()).extracting(StoredRecommender::id).containsExactly("shop-bpr");
        StoredRecommender stored = reopened.recommender("shop-bpr").orElseThrow();
        assertThat(stored.name()).isEqualTo("shop bpr");
        assertThat(stored.kind()).isEqualTo("bpr");
        assertThat(stored.trainedOn().dataset()).isEqualTo("interactions");
        assertThat(stored.isStale(reopened)).isFalse();
        // Saving kept the project's data: its log still reads.
        assertThat(reopened.dataset("interactions")).isPresent();

        // By name and by id, from --data PROJECT or --project: the same numbers as the model file.
        JsonNode fromFile = json(run("evaluate", "--model", file.toString(), "--data", shop.toString(), "--json"));
        JsonNode byName = json(run("evaluate", "--model", "shop bpr", "--data", shop.toString(), "--json"));
        JsonNode byId = json(run("evaluate", "--project", shop.toString(), "--model", "shop-bpr", "--data",
                shop.toString(), "--json"));
        assertThat(byName.get("metrics")).isEqualTo(fromFile.get("metrics"));
        assertThat(byId.get("metrics")).isEqualTo(fromFile.get("metrics"));
        assertThat(byName.get("model").stringValue()).isEqualTo("shop-bpr in recommender-shop.recausal");
        assertThat(byName.has("model_note")).isFalse();
        // Ranking the held-out click among 100 sampled items, chance gives HR@10 = 10/101.
        assertThat(byName.get("metrics").get("HR@10").doubleValue()).isGreaterThan(0.15);

        String user = stored.model().users().id(0);
        JsonNode recommendedFromFile = json(run("recommend", "--model", file.toString(), "--user", user, "--k", "5",
                "--json"));
        JsonNode recommended = json(run("recommend", "--project", shop.toString(), "--model", "shop bpr", "--user",
                user, "--k", "5", "--json"));
        assertThat(recommended.get("items")).hasSize(5).isEqualTo(recommendedFromFile.get("items"));
    }

    @Test
    void savingUnderATakenNameReplacesAndOthersAreAdded() throws Exception {
        json(run("train", "mf", "--data", shop.toString(), "--steps", "1", "--save", "bpr"));
        JsonNode retrained = json(run("train", "mf", "--data", shop.toString(), "--steps", "3", "--factors", "8",
                "--save", "bpr"));
        assertThat(retrained.has("model")).isFalse();
        CliTest.Result trainedSasRec = run("train", "sasrec", "--data", shop.toString(), "--maxlen", "5", "--dim", "8",
                "--blocks", "1", "--epochs", "1", "--validate-every", "0", "--threads", "1", "--save", "Attention/v1");
        assertThat(trainedSasRec.err()).startsWith("epoch 1/1");
        assertThat(trainedSasRec.exitCode()).isZero();
        JsonNode sasrec = JsonMapper.shared().readTree(trainedSasRec.out());
        assertThat(sasrec.get("recommender").stringValue()).isEqualTo("Attention-v1");

        Project reopened = ProjectFiles.open(shop);
        assertThat(reopened.recommenders()).extracting(StoredRecommender::id).containsExactly("bpr", "Attention-v1");
        assertThat(((FactorModel) reopened.recommender("bpr").orElseThrow().model().model()).factors()).isEqualTo(8);
        JsonNode evaluated = json(run("evaluate", "--model", "Attention/v1", "--data", shop.toString(), "--protocol",
                "full", "--json"));
        assertThat(evaluated.get("kind").stringValue()).isEqualTo("sasrec");
        assertThat(evaluated.get("users").asInt()).isPositive();
    }

    @Test
    void anUnknownRecommenderNamesTheStoredOnes() {
        assertOneLineFailure(run("evaluate", "--model", "bpr", "--data", shop.toString()), Cli.EXIT_FAILED,
                "recommender-shop.recausal has no recommender 'bpr' and there is no model file of that name (it stores"
                        + " no recommenders; train one with --save NAME)");
        json(run("train", "mf", "--data", shop.toString(), "--steps", "1", "--save", "shop bpr"));
        assertOneLineFailure(run("recommend", "--project", shop.toString(), "--model", "bpr", "--user", "u1"),
                Cli.EXIT_FAILED, "recommender-shop.recausal has no recommender 'bpr' and there is no model file of that"
                        + " name (its recommenders: shop-bpr (shop bpr))");
        assertOneLineFailure(run("train", "mf", "--data", shop.toString(), "--steps", "1"), Cli.EXIT_USAGE,
                "give --out MODEL, --save NAME or both: where the trained model goes");
    }

    @Test
    void saveNeedsAProject() throws Exception {
        Path log = Files.writeString(folder.resolve("log.txt"), "1 1\n1 2\n2 1\n2 3\n");
        assertOneLineFailure(run("train", "mf", "--data", log.toString(), "--save", "bpr"), Cli.EXIT_USAGE,
                "--save stores the recommender in the project it is trained on; log.txt is an interaction file,"
                        + " not a project (use --out MODEL)");
    }
}

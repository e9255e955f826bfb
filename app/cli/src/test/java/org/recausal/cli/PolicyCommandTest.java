package org.recausal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recausal.engine.model.PortableMath;
import org.recausal.engine.model.Scale;
import org.recausal.engine.project.PolicyScenario;
import org.recausal.engine.project.Project;
import org.recausal.engine.project.ProjectFiles;
import org.recausal.engine.scm.Observations;
import org.recausal.engine.simulate.RecommenderWorld;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** policy on a log of the ground-truth shop, with ids and the true exposure propensities. */
class PolicyCommandTest {
    @TempDir
    Path folder;
    Path project;
    Path data;

    @BeforeEach
    void writeProjectAndLog() throws Exception {
        project = folder.resolve("shop.recausal");
        ProjectFiles.save(new Project("Shop", RecommenderWorld.dag()), project);
        Observations log = RecommenderWorld.observedData(4_000, 3);
        double[] propensity = Arrays.stream(log.column("recommender_score"))
                .map(s -> PortableMath.sigmoid(1.5 * (s - 1.8))).toArray();
        double[] users = log.column("user_tenure").clone();
        double[] items = new double[log.rows()];
        for (int i = 0; i < items.length; i++) {
            items[i] = 1000 * log.value("item_category", i) + log.value("item_popularity", i);
        }
        data = folder.resolve("log.csv");
        log.with("exposure_propensity", Scale.numeric(), propensity).with("user_id", Scale.numeric(), users)
                .with("item_id", Scale.numeric(), items).writeCsv(data);
    }

    private CliTest.Result policy(String... rest) {
        List<String> all = new ArrayList<>(List.of("policy", "--project", project.toString(), "--data",
                data.toString(), "--fit", "linear", "--bootstrap", "5", "--draws", "1"));
        all.addAll(List.of(rest));
        return CliTest.run(all.toArray(String[]::new));
    }

    @Test
    void printsEffectsIntervalsAndTheOffPolicyBlockAndWritesTheExports() throws Exception {
        Path report = folder.resolve("penalty.html");
        Path csv = folder.resolve("metrics.csv");
        Path rows = folder.resolve("rows.csv");
        CliTest.Result result = policy("--policy", "popularity-penalty=0.5", "--json", "--report", report.toString(),
                "--csv", csv.toString(), "--uplift-csv", rows.toString(), "--top", "3");
        assertThat(result.err()).isEmpty();
        assertThat(result.exitCode()).isZero();
        JsonNode json = JsonMapper.shared().readTree(result.out());
        assertThat(json.get("policy").stringValue()).isEqualTo("popularity-penalty=0.5");
        JsonNode purchase = json.get("metrics").get(1);
        assertThat(purchase.get("metric").stringValue()).isEqualTo("purchase");
        assertThat(purchase.get("difference").doubleValue()).isNegative();
        assertThat(purchase.get("difference_ci")).hasSize(2);
        List<String> metrics = new ArrayList<>();
        json.get("metrics").forEach(m -> metrics.add(m.get("metric").stringValue()));
        assertThat(metrics).contains("exposure", "click", "rating", "coverage", "gini", "gap:purchase");
        assertThat(json.get("uplift").get("recommendations")).hasSize(6);
        assertThat(json.get("uplift").get("recommendations").get(0).has("item")).isTrue();
        assertThat(json.get("uplift").get("users")).hasSize(6);
        JsonNode off = json.get("off_policy");
        assertThat(off.get("outcomes")).hasSize(3);
        assertThat(off.get("outcomes").get(0).get("estimators")).hasSize(3);
        assertThat(off.get("outcomes").get(0).get("estimators").get(2).get("estimator").stringValue()).isEqualTo("DR");
        assertThat(Files.readString(report, StandardCharsets.UTF_8)).startsWith("<!DOCTYPE html>").contains("<svg");
        assertThat(Files.readAllLines(csv)).hasSize(1 + metrics.size());
        assertThat(Files.readAllLines(rows)).hasSize(1 + 4_000).first().asString()
                .isEqualTo("row,user,item,current_exposure,policy_exposure,uplift_purchase,uplift_click,uplift_rating");
    }

    @Test
    void runsOnTheSampleProjectsOwnLog() {
        // The sample's log names users and items and records the exposure propensities.
        CliTest.Result result = CliTest.run("policy", "--project", SampleProjectTest.SAMPLE.toString(), "--model",
                "unused-by-this-policy", "--policy", "popularity-penalty=0.5", "--json", "--fit", "linear",
                "--bootstrap", "3", "--draws", "1");
        assertThat(result.err()).isEmpty();
        JsonNode json = JsonMapper.shared().readTree(result.out());
        assertThat(json.get("rows").intValue()).isGreaterThan(1_000);
        assertThat(json.get("off_policy").get("outcomes")).hasSize(3);
        assertThat(json.get("uplift").get("users")).isNotEmpty();
        List<String> metrics = new ArrayList<>();
        json.get("metrics").forEach(m -> metrics.add(m.get("metric").stringValue()));
        assertThat(metrics).contains("coverage", "gini");
    }

    @Test
    void withoutJsonATable() {
        CliTest.Result result = policy("--policy", "exposure-cap=0.5", "--group", "none");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).startsWith("exposure-cap=0.5: exposure := exposure * bernoulli(min(1, 0.5 / the"
                + " item's exposure rate))\n").contains("P(purchase=true)", "purchase: DR change");
    }

    @Test
    void badInputIsOneLine() {
        CliTest.assertOneLineFailure(policy("--policy", "shuffle"), Cli.EXIT_USAGE, "--policy: in the policy"
                + " 'shuffle': unknown policy 'shuffle'; write one of popularity-penalty=0.5, exposure-cap=0.2,"
                + " boost=0.3:item_category == \"books\", remove-feature=item_popularity, swap-model,"
                + " score-rule=EXPRESSION");
        CliTest.assertOneLineFailure(policy("--policy", "swap-model"), Cli.EXIT_USAGE,
                "--policy swap-model needs --model, the model whose scores to serve");
        CliTest.assertOneLineFailure(policy("--policy", "popularity-penalty=1", "--user-column", "customer"),
                Cli.EXIT_FAILED, "the data have no column 'customer' (its columns are user_tenure, user_activity,"
                        + " device, item_category, item_popularity, discount, item_price, recommender_score, exposure,"
                        + " position, click, purchase, rating, logged_in, exposure_propensity, user_id, item_id)");
        CliTest.assertOneLineFailure(policy("--policy", "popularity-penalty=1", "--group", "click"),
                Cli.EXIT_FAILED, "users are grouped by click, which the policy changes or the graph does not"
                        + " observe; group by a variable the policy does not affect");
    }

    @Test
    void aSavedScenarioIsKeptInTheProjectAndRerunsTheSame() throws Exception {
        CliTest.Result first = policy("--policy", "popularity-penalty=0.5", "--seed", "4", "--json", "--save-scenario",
                "penalty");
        assertThat(first.exitCode()).as(first.err()).isZero();
        Project saved = ProjectFiles.open(project);
        PolicyScenario kept = saved.policyScenario("penalty").orElseThrow();
        assertThat(kept.request().policy().text()).isEqualTo("popularity-penalty=0.5");
        assertThat(kept.request().seed()).isEqualTo(4);
        assertThat(kept.request().replicates()).isEqualTo(5);
        assertThat(kept.isStale(saved)).isFalse();
        JsonNode printed = JsonMapper.shared().readTree(first.out());
        double click = kept.result().metric("click", null).orElseThrow().difference().value();
        assertThat(printed.toString()).contains(Double.toString(click));

        // Rerun by name, without repeating the options (other defaults on the line do not apply): the same numbers.
        CliTest.Result again = CliTest.run("policy", project.toString(), "--data", data.toString(), "--scenario",
                "penalty", "--json");
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(JsonMapper.shared().readTree(again.out())).isEqualTo(printed);
        assertThat(ProjectFiles.open(project).policyScenarios()).hasSize(1);

        CliTest.assertOneLineFailure(CliTest.run("policy", project.toString(), "--data", data.toString(), "--scenario",
                "cap"), 1, "shop.recausal has no policy scenario 'cap' (its policy scenarios: penalty)");
        CliTest.assertOneLineFailure(policy("--scenario", "penalty", "--policy", "exposure-cap=0.2"), 2,
                "give --policy POLICY, or --scenario NAME to rerun a saved one");
    }
}

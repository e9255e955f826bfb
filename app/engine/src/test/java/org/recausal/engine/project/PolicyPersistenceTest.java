package org.recausal.engine.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recausal.engine.dag.DataType;
import org.recausal.engine.dag.Role;
import org.recausal.engine.dag.Variable;
import org.recausal.engine.estimate.Interval;
import org.recausal.engine.policy.Policy;
import org.recausal.engine.policy.PolicyRequest;
import org.recausal.engine.policy.PolicyResult;
import org.recausal.engine.policy.PolicyResult.Estimate;
import org.recausal.engine.policy.RankingSetup;

/** Policy scenarios and their last results survive saving and opening (format 4); damaged parts are refused. */
class PolicyPersistenceTest {
    @TempDir
    Path folder;

    static PolicyRequest request(String policy) {
        return PolicyRequest.of(Policy.parse(policy), RankingSetup.recommenderShop()).withReplicates(20).withSeed(7);
    }

    /** A result with intervals, one without (NaN bounds: no replicates), a group metric and off-policy estimates. */
    static PolicyResult result(String policy) {
        Interval ci = new Interval(-0.0125, 0.00375, 0.95);
        Interval none = new Interval(Double.NaN, Double.NaN, 0.95);
        List<PolicyResult.MetricEffect> metrics = List.of(
                new PolicyResult.MetricEffect("exposure", null, "P(exposure=1)", new Estimate(0.41, ci),
                        new Estimate(0.4, ci), new Estimate(-0.01, ci)),
                new PolicyResult.MetricEffect("purchase", "2", "P(purchase=1) | user_activity=2",
                        new Estimate(0.1 / 3, none), new Estimate(Math.PI / 100, none), new Estimate(-1e-300, none)));
        PolicyResult.OffPolicy off = new PolicyResult.OffPolicy(List.of(new PolicyResult.OffPolicyOutcome("purchase",
                0.031, new Estimate(-0.002, ci), List.of(new PolicyResult.Estimator("IPS", new Estimate(0.03, ci),
                        new Estimate(-0.001, ci), true)))), 812.5, 3.25);
        return new PolicyResult(policy, "s' = s - 0.5 log(1 + item_popularity)", metrics,
                new PolicyResult.Uplifts(List.of("purchase"), new double[0], new double[0], new double[1][0], List.of()),
                off, List.of("a note — «ünïcode»"), 80_600, 4, 20, 0.95, 7);
    }

    static Project withPolicies() {
        Project project = ProjectFilesRoundTripTest.sample();
        PolicyScenario penalty = PolicyScenario.of("penalty", request("popularity-penalty=0.5"), null);
        project.putPolicyScenario(penalty.withResult(result("popularity-penalty=0.5"), project));
        project.putPolicyScenario(PolicyScenario.of("books", request("boost=0.3:item_category == \"books\""), null));
        return project;
    }

    @Test
    void scenariosAndResultsRoundTrip() throws Exception {
        Project project = withPolicies();
        Path file = folder.resolve("p.recausal");
        ProjectFiles.save(project, file);
        Project opened = ProjectFiles.open(file);

        assertThat(opened.policyScenarios()).extracting(PolicyScenario::name).containsExactly("penalty", "books");
        PolicyScenario penalty = opened.policyScenario("penalty").orElseThrow();
        PolicyScenario expected = project.policyScenario("penalty").orElseThrow();
        assertThat(penalty.request().policy().text()).isEqualTo("popularity-penalty=0.5");
        assertThat(penalty.request()).usingRecursiveComparison().ignoringFields("policy").isEqualTo(expected.request());
        assertThat(penalty.fittedOn()).isEqualTo(expected.fittedOn());
        assertThat(penalty.result()).usingRecursiveComparison(ProjectAnalysisTest.BIT_EXACT).isEqualTo(expected.result());
        assertThat(penalty.isStale(opened)).isFalse();
        PolicyScenario books = opened.policyScenario("books").orElseThrow();
        assertThat(books.result()).isNull();
        assertThat(books.request().policy().text()).isEqualTo("boost=0.3:item_category == \"books\"");
        try (ProjectArchive archive = ProjectArchive.open(file)) {
            assertThat(archive.names()).contains("policies.json");
        }
        assertThat(manifest(file)).contains("\"formatVersion\": 4", "{\n      \"path\": \"policies.json\",\n"
                + "      \"kind\": \"policies\"\n    }");
    }

    @Test
    void aResultGoesStaleWhenTheGraphOrTheDataChange() {
        Project project = withPolicies();
        PolicyScenario penalty = project.policyScenario("penalty").orElseThrow();
        assertThat(penalty.isStale(project)).isFalse();
        project.dag().addVariable(Variable.of("season", Role.ORDINARY, DataType.CATEGORICAL));
        assertThat(penalty.isStale(project)).isTrue();
        assertThat(project.policyScenario("books").orElseThrow().isStale(project)).as("no result, nothing stale")
                .isFalse();
    }

    @Test
    void aProjectWithoutPolicyScenariosWritesNoPart() throws Exception {
        Path file = folder.resolve("p.recausal");
        ProjectFiles.save(ProjectFilesRoundTripTest.sample(), file);
        try (ProjectArchive archive = ProjectArchive.open(file)) {
            assertThat(archive.names()).doesNotContain("policies.json");
        }
        assertThat(ProjectFiles.open(file).policyScenarios()).isEmpty();
    }

    @Test
    void damagedPoliciesAreRefusedNamingThePart() throws Exception {
        assertThat(refusal("\"policy\": \"popularity-penalty=0.5\"", "\"policy\": \"teleport=3\""))
                .contains("policies.json: policy 'penalty': in the policy 'teleport=3': unknown policy 'teleport'");
        assertThat(refusal("\"replicates\": 20,", "\"replicates\": -2,"))
                .contains("policies.json: policy 'penalty': the number of bootstrap replicates cannot be negative: -2");
        assertThat(refusal("\"name\": \"books\"", "\"name\": \"penalty\""))
                .contains("policies.json: policy 2: a second policy scenario named 'penalty'");
        assertThat(refusal("\"rows\": 80600", "\"rows\": \"many\""))
                .contains("policies.json: policy 'penalty': result: \"rows\" must be a whole number");
        assertThat(refusal("\"policies\": [", "\"policies\": 7, \"x\": ["))
                .contains("policies.json");
        String graph = "\"graph\": \"";
        assertThat(refusal(graph, graph + "zz")).contains("policies.json: policy 'penalty': fittedOn: a fingerprint"
                + " digest is 64 lower-case hex digits");
    }

    /** The message of opening the saved {@link #withPolicies} project with its policies part edited. */
    private String refusal(String from, String to) throws Exception {
        Path file = folder.resolve("p.recausal");
        ProjectFiles.save(withPolicies(), file);
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (ZipEntry entry : zip.stream().toList()) {
                byte[] bytes = zip.getInputStream(entry).readAllBytes();
                if (entry.getName().equals("policies.json")) {
                    String text = new String(bytes, StandardCharsets.UTF_8);
                    assertThat(text).contains(from);
                    bytes = text.replaceFirst(java.util.regex.Pattern.quote(from),
                            java.util.regex.Matcher.quoteReplacement(to)).getBytes(StandardCharsets.UTF_8);
                }
                entries.put(entry.getName(), bytes);
            }
        }
        Path damaged = Files.write(folder.resolve("damaged.recausal"), TestZips.zip(entries));
        return assertThatThrownBy(() -> ProjectFiles.open(damaged)).isInstanceOf(ProjectFileException.class)
                .actual().getMessage();
    }

    private static String manifest(Path file) throws Exception {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            return new String(zip.getInputStream(zip.getEntry("manifest.json")).readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}

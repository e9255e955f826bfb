package org.recausal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recausal.engine.dag.Dag;
import org.recausal.engine.dag.DataType;
import org.recausal.engine.io.GraphFormat;
import org.recausal.engine.project.DatasetStatus;
import org.recausal.engine.project.OpenedProject;
import org.recausal.engine.project.Project;
import org.recausal.engine.project.ProjectFiles;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** data inspect, data check and project create, run in-process as typed. */
class DataCommandsTest {
    /** w -> x <- z -> y, x -> m -> y; 'taste' has no column; 'segment' is categorical. */
    static final String GRAPH = """
            dag {
              w -> x  z -> x  z -> y  x -> m  m -> y
              taste [latent]  taste -> y
              segment
            }""";

    @TempDir
    Path folder;
    Path graph;

    @BeforeEach
    void writeGraph() throws IOException {
        graph = Files.writeString(folder.resolve("model.dagitty"), GRAPH);
    }

    static CliTest.Result run(String... args) {
        return CliTest.run(args);
    }

    static JsonNode json(CliTest.Result result) {
        assertThat(result.exitCode()).as(result.err()).isZero();
        return JsonMapper.builder().build().readTree(result.out());
    }

    /**
     * Linear-Gaussian rows from the graph (plus an edge w -> y of the given strength), keyed by user. Row k of
     * the weights gives variable k (W, z, X, m, y, in causal order) as a sum of earlier ones plus unit noise.
     */
    private Path simulate(String name, double wToY, int n, long seed) throws IOException {
        double[][] weights = {{}, {0}, {0.7, 0.6}, {0, 0, 0.8}, {wToY, 0.5, 0, 0.7}};
        SplittableRandom random = new SplittableRandom(seed);
        StringBuilder csv = new StringBuilder("user,W,z,X,m,y\n");
        double[] values = new double[weights.length];
        for (int i = 0; i < n; i++) {
            csv.append('u').append(i % 50);
            for (int v = 0; v < weights.length; v++) {
                values[v] = random.nextGaussian();
                for (int parent = 0; parent < weights[v].length; parent++) {
                    values[v] += weights[v][parent] * values[parent];
                }
                csv.append(String.format(Locale.ROOT, ",%.5f", values[v]));
            }
            csv.append('\n');
        }
        return Files.writeString(folder.resolve(name), csv);
    }

    private Path users() throws IOException {
        StringBuilder csv = new StringBuilder("user,segment,age\n");
        for (int i = 0; i < 48; i++) {
            csv.append("u").append(i).append(',').append(i % 3 == 0 ? "north" : "south").append(',').append(20 + i)
                    .append('\n');
        }
        return Files.writeString(folder.resolve("users.csv"), csv);
    }

    @Test
    void inspectSummarisesColumnsAndProblems() throws IOException {
        Path file = Files.writeString(folder.resolve("ratings.csv"), """
                user,rating,price,when,genre
                u1,5,9.5,2024-01-02,rock
                u2,x,10.5,2024-01-03,pop
                u1,3,,2024-01-05,rock
                u3,4,12.0,2024-01-09,
                u4,1
                """);
        // Four values are too few for the 5% of stray values type inference tolerates: the type is set.
        JsonNode json = json(run("data", "inspect", file.toString(), "--json", "--type", "rating=integer"));
        assertThat(json.get("rows").asLong()).isEqualTo(4);
        assertThat(json.get("columns")).hasSize(5);
        JsonNode rating = json.get("columns").get(1);
        assertThat(rating.get("name").asString()).isEqualTo("rating");
        assertThat(rating.get("type").asString()).isEqualTo("integer");
        assertThat(rating.get("missing").asInt()).isEqualTo(1);
        assertThat(rating.get("min").asDouble()).isEqualTo(3);
        assertThat(rating.get("max").asDouble()).isEqualTo(5);
        assertThat(rating.get("mean").asDouble()).isEqualTo(4);
        assertThat(rating.get("sd").asDouble()).isEqualTo(1);
        JsonNode genre = json.get("columns").get(4);
        assertThat(genre.get("distinct").asInt()).isEqualTo(2);
        assertThat(genre.get("top").get(0).get("label").asString()).isEqualTo("rock");
        assertThat(genre.get("top").get(0).get("count").asInt()).isEqualTo(2);
        assertThat(json.get("columns").get(3).get("min").asString()).isEqualTo("2024-01-02T00:00:00Z");
        assertThat(json.get("problemCounts").get("unparsable_value").asInt()).isEqualTo(1);
        assertThat(json.get("problemCounts").get("missing_value").asInt()).isEqualTo(2);
        assertThat(json.get("problemCounts").get("wrong_field_count").asInt()).isEqualTo(1);
        assertThat(json.get("rowsDropped").asInt()).isEqualTo(1);
        JsonNode unreadable = json.get("problems").valueStream()
                .filter(p -> p.get("kind").asString().equals("unparsable_value")).findFirst().orElseThrow();
        assertThat(unreadable.get("line").asInt()).isEqualTo(3);
        assertThat(unreadable.get("column").asString()).isEqualTo("rating");
        assertThat(unreadable.get("message").asString()).isEqualTo("'x' is not a whole number");

        CliTest.Result text = run("data", "inspect", file.toString(), "--type", "rating=integer");
        assertThat(text.out()).contains("ratings.csv: 4 rows, 5 columns (comma-separated, with header)",
                "genre", "top: rock (2), pop (1)", "line 3, column 'rating': 'x' is not a whole number");
    }

    @Test
    void inspectFailsInOneLine() throws IOException {
        CliTest.assertOneLineFailure(run("data", "inspect", folder.resolve("nope.csv").toString()), Cli.EXIT_FAILED,
                "cannot read nope.csv: no such file");
        Path binary = Files.write(folder.resolve("x.csv"), new byte[] {0, 1, 2, 3});
        CliTest.assertOneLineFailure(run("data", "inspect", binary.toString()), Cli.EXIT_FAILED,
                "x.csv is not a text file (it holds zero bytes near offset 0); import a delimited text file such as "
                        + "CSV or TSV");
        CliTest.assertOneLineFailure(run("data", "inspect", binary.toString(), "--delimiter", "colon"),
                Cli.EXIT_FAILED, "--delimiter: 'colon' is not one of auto, comma, tab, semicolon, pipe, space");
    }

    @Test
    void createMapsJoinsAndReports() throws Exception {
        Path interactions = simulate("interactions.csv", 0, 300, 1);
        Path out = folder.resolve("shop.recausal");
        JsonNode json = json(run("project", "create", "--graph", graph.toString(), "--data",
                interactions + "," + users(), "--out", out.toString(), "--json"));
        assertThat(json.get("graph").get("laidOut").asBoolean()).isTrue();
        JsonNode main = json.get("datasets").get(0);
        assertThat(main.get("id").asString()).isEqualTo("interactions");
        assertThat(main.get("storage").asString()).isEqualTo("reference");
        assertThat(main.get("links").valueStream().map(l -> l.get("column").asString() + ">" + l.get("node").asString()))
                .containsExactly("W>w", "z>z", "X>x", "m>m", "y>y");
        assertThat(main.get("unmappedColumns").valueStream().map(JsonNode::asString)).containsExactly("user");
        JsonNode joined = json.get("datasets").get(1);
        assertThat(joined.get("joinedTo").get("dataset").asString()).isEqualTo("interactions");
        assertThat(joined.get("joinedTo").get("key").asString()).isEqualTo("user");
        assertThat(joined.get("unmappedColumns").valueStream().map(JsonNode::asString)).containsExactly("user", "age");
        // DAGitty files carry no measurement scales: segment is continuous there, its column holds labels.
        assertThat(joined.get("conflicts").get(0).asString()).startsWith("column 'segment' holds text labels (2 "
                + "distinct), but a continuous node needs numbers");
        JsonNode join = json.get("joins").get(0);
        // u48 and u49 are not in users.csv: 6 rows each of 300.
        assertThat(join.get("unmatchedRows").asInt()).isEqualTo(12);
        assertThat(join.get("unmatchedKeys").asInt()).isEqualTo(2);
        assertThat(join.get("unmatchedExamples").valueStream().map(JsonNode::asString)).containsExactly("u48", "u49");
        assertThat(json.get("nodesWithoutData").valueStream().map(JsonNode::asString)).containsExactly("taste");
        assertThat(json.get("tables")).hasSize(1);

        OpenedProject opened = ProjectFiles.openChecked(out);
        assertThat(opened.allDataOk()).isTrue();
        assertThat(opened.project().datasets()).hasSize(2);
        assertThat(opened.project().dag().variables()).extracting(v -> v.position()).doesNotHaveDuplicates();
    }

    @Test
    void createInTextModeReportsOnStderr() throws IOException {
        Path interactions = simulate("interactions.csv", 0, 100, 2);
        Path items = Files.writeString(folder.resolve("items.csv"), "item,price\ni1,3.5\ni2,4.0\n");
        Path out = folder.resolve("shop.recausal");
        CliTest.Result result = run("project", "create", "--graph", graph.toString(), "--data",
                interactions + "," + items, "--embed", "--out", out.toString());
        assertThat(result.exitCode()).isZero();
        assertThat(result.out().strip()).isEqualTo("created shop.recausal: interactions (100 rows, embedded), "
                + "items (2 rows, embedded); 5 of 7 nodes have data");
        assertThat(result.err()).contains(
                "note: 1 of the files share no key with interactions and are kept as separate tables: items",
                "note: columns of interactions that stand for no node: user",
                "note: columns of items that stand for no node: item, price",
                "note: nodes without data (latent for this data): taste, segment");

        CliTest.assertOneLineFailure(run("project", "create", "--graph", graph.toString(), "--data",
                interactions.toString(), "--out", out.toString()), Cli.EXIT_FAILED,
                "shop.recausal: already exists; choose another --out or remove it");
        CliTest.assertOneLineFailure(run("project", "create", "--graph", graph.toString(), "--data",
                folder.resolve("none.csv").toString(), "--out", folder.resolve("b.recausal").toString()),
                Cli.EXIT_FAILED, folder.resolve("none.csv") + ": does not exist");
    }

    /** The graph as a project file, where segment can be categorical. */
    private Path typedGraph() throws Exception {
        Path file = folder.resolve("typed.recausal");
        Dag dag = GraphFormat.DAGITTY.read(GRAPH).dag();
        dag.updateVariable(dag.require("segment").withType(DataType.CATEGORICAL));
        ProjectFiles.save(new Project("typed", dag), file);
        return file;
    }

    @Test
    void checkFindsNothingWrongWithDataFromTheGraph() throws Exception {
        Path out = folder.resolve("good.recausal");
        assertThat(run("project", "create", "--graph", typedGraph().toString(), "--data",
                simulate("interactions.csv", 0, 2000, 3) + "," + users(), "--embed", "--out", out.toString())
                .exitCode()).isZero();
        Files.delete(folder.resolve("interactions.csv"));
        JsonNode json = json(run("data", "check", out.toString(), "--json"));
        assertThat(json.get("summary").get("rejected").asInt()).isZero();
        assertThat(json.get("tests").valueStream().map(t -> t.get("x").asString() + "|" + t.get("y").asString()
                + "|" + t.get("given").valueStream().map(JsonNode::asString).toList()))
                .contains("w|z|[]", "m|w|[x]", "x|y|[m, z]", "segment|w|[]");
        JsonNode first = json.get("tests").valueStream().filter(t -> t.get("x").asString().equals("w")).findFirst()
                .orElseThrow();
        assertThat(first.get("n").asInt()).isEqualTo(2000);
        assertThat(first.get("pHolm").asDouble()).isGreaterThanOrEqualTo(first.get("p").asDouble());
        JsonNode segment = json.get("tests").valueStream().filter(t -> t.get("x").asString().equals("segment"))
                .findFirst().orElseThrow();
        assertThat(segment.get("test").asString()).isEqualTo("Likelihood ratio, symmetric regressions");
        // users.csv lacks u48 and u49: their rows have no segment and are dropped from tests involving it.
        assertThat(segment.get("n").asInt()).isEqualTo(1920);
        assertThat(segment.get("dropped").asInt()).isEqualTo(80);
        assertThat(json.get("skipped")).isEmpty();
    }

    @Test
    void checkRejectsWhatTheDataContradict() throws IOException {
        Path out = folder.resolve("bad.recausal");
        assertThat(run("project", "create", "--graph", graph.toString(), "--data",
                simulate("interactions.csv", 0.5, 2000, 4).toString(), "--out", out.toString()).exitCode()).isZero();
        JsonNode json = json(run("data", "check", out.toString(), "--json", "--alpha", "0.01"));
        assertThat(json.get("tests").valueStream().filter(t -> t.get("rejected").asBoolean())
                .map(t -> t.get("x").asString() + "|" + t.get("y").asString()))
                .contains("w|y").allMatch(s -> s.contains("y"));
        CliTest.Result text = run("data", "check", out.toString(), "--adjust", "bh");
        assertThat(text.out()).contains("rejected at alpha 0.05 (bh-adjusted p)", "REJECTED", "w _||_ y | x, z");
    }

    @Test
    void checkRefusesMissingOrChangedData() throws Exception {
        Path data = simulate("interactions.csv", 0, 100, 5);
        Path out = folder.resolve("p.recausal");
        run("project", "create", "--graph", graph.toString(), "--data", data.toString(), "--out", out.toString());
        Files.writeString(data, "user,W\nu1,1\n");
        CliTest.Result changed = run("data", "check", out.toString());
        assertThat(changed.exitCode()).isEqualTo(Cli.EXIT_FAILED);
        assertThat(changed.err()).startsWith("recausal: p.recausal: interactions: ").contains("changed since it was "
                + "attached (size 12 bytes instead of");
        Files.delete(data);
        assertThat(run("data", "check", out.toString()).err()).contains("is missing; relink it");
        assertThat(ProjectFiles.openChecked(out).datasets().getFirst().state()).isEqualTo(DatasetStatus.State.MISSING);
        CliTest.assertOneLineFailure(run("data", "check", out.toString(), "--alpha", "2"), Cli.EXIT_FAILED,
                "--alpha must lie strictly between 0 and 1, not 2.0");
    }

    @Test
    void benchGeneratesLoadsInAChildJvmAndCleansUp() throws IOException {
        Path dir = folder.resolve("bench");
        JsonNode json = json(run("bench", "data", "--rows", "3000", "--dir", dir.toString(), "--python", "none",
                "--keep", "--json"));
        assertThat(json.get("machine").get("pandasProblem").asString()).isEqualTo("skipped (--python none)");
        assertThat(json.get("files")).hasSize(2);
        for (JsonNode file : json.get("files")) {
            JsonNode ours = file.get("recausal");
            assertThat(ours.get("rows").asLong()).isEqualTo(3000);
            assertThat(ours.get("peakRssBytes").asLong()).isGreaterThan(ours.get("loadedBytes").asLong());
            assertThat(file.has("pandas")).isFalse();
        }
        List<String> lines = Files.readAllLines(dir.resolve("interactions.csv"));
        assertThat(lines).hasSize(3001);
        assertThat(lines.getFirst()).isEqualTo("user,item,rating,timestamp");
        assertThat(lines.get(1)).matches("u\\d+,i\\d+,[1-5],15\\d{8}");
        try (InputStream gz = new GZIPInputStream(Files.newInputStream(dir.resolve("interactions.csv.gz")))) {
            assertThat(gz.readAllBytes()).isEqualTo(Files.readAllBytes(dir.resolve("interactions.csv")));
        }

        json(run("bench", "data", "--rows", "100", "--dir", dir.toString(), "--python", "none", "--json"));
        try (var left = Files.list(dir)) {
            assertThat(left).isEmpty();
        }
    }
}

package org.recausal.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.recausal.cli.CliTest.assertOneLineFailure;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recausal.engine.dag.Dag;
import org.recausal.engine.io.GraphFormat;
import org.recausal.engine.project.Project;
import org.recausal.engine.project.ProjectFiles;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The graph commands run in-process as typed, with answers checked against DAGitty's published ones. */
class GraphCommandsTest {
    static final String SHRIER_PLATT = """
            dag {
              WarmUp [exposure]
              Injury [outcome]
              WarmUp -> IntraGameProprioception -> Injury
              Coach -> TeamMotivation  Coach -> FitnessLevel
              Genetics -> FitnessLevel  Genetics -> NeuromuscularFatigue  Genetics -> ConnectiveTissueDisorder
              TeamMotivation -> WarmUp  TeamMotivation -> PreviousInjury
              FitnessLevel -> PreGameProprioception  FitnessLevel -> NeuromuscularFatigue
              ConnectiveTissueDisorder -> NeuromuscularFatigue  ConnectiveTissueDisorder -> TissueWeakness
              PreGameProprioception -> WarmUp
              NeuromuscularFatigue -> IntraGameProprioception  NeuromuscularFatigue -> Injury
              ContactSport -> PreviousInjury  ContactSport -> IntraGameProprioception
              TissueWeakness -> Injury
            }""";
    static final String SMOKING = "dag { Smoking [exposure] Cancer [outcome] Genotype [latent]"
            + " Smoking -> Tar -> Cancer  Genotype -> Smoking  Genotype -> Cancer }";

    @TempDir
    Path folder;
    Path shrier;
    Path smoking;

    @BeforeEach
    void writeGraphs() throws Exception {
        shrier = Files.writeString(folder.resolve("shrier.dagitty"), SHRIER_PLATT);
        smoking = Files.writeString(folder.resolve("smoking.dagitty"), SMOKING);
    }

    static CliTest.Result run(String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = Cli.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintWriter(out), new PrintWriter(err));
        return new CliTest.Result(exitCode, out.toString(), err.toString());
    }

    static JsonNode json(CliTest.Result result) {
        assertThat(result.err()).isEmpty();
        assertThat(result.exitCode()).isZero();
        return JsonMapper.shared().readTree(result.out());
    }

    static List<List<String>> sets(JsonNode array) {
        List<List<String>> sets = new ArrayList<>();
        array.forEach(s -> {
            List<String> set = new ArrayList<>();
            s.forEach(v -> set.add(v.asString()));
            sets.add(set);
        });
        return sets;
    }

    @Test
    void adjustListsDagittysSetsSortedWithMustAndMustNot() {
        // DAGitty's Shrier & Platt answer with FitnessLevel required and three variables refused
        JsonNode answer = json(run("", "dag", "adjust", "--graph", shrier.toString(), "--include", "FitnessLevel",
                "--exclude", "Genetics,ConnectiveTissueDisorder,IntraGameProprioception"));
        assertThat(answer.get("identifiable").asBoolean()).isTrue();
        assertThat(answer.get("emptySetSuffices").asBoolean()).isFalse();
        assertThat(sets(answer.get("sets"))).containsExactly(List.of("Coach", "FitnessLevel"),
                List.of("FitnessLevel", "NeuromuscularFatigue", "TissueWeakness"), List.of("FitnessLevel", "TeamMotivation"));
    }

    @Test
    void adjustTellsTheThreeAnswersApart() {
        // M-bias: the empty set suffices
        JsonNode empty = json(run("A [exposure]; B [outcome]; A -> B; U1 -> A; U1 -> M; U2 -> M; U2 -> B",
                "dag", "adjust", "--graph", "-", "--format", "dagitty"));
        assertThat(empty.get("emptySetSuffices").asBoolean()).isTrue();
        assertThat(empty.get("identifiable").asBoolean()).isTrue();
        assertThat(sets(empty.get("sets"))).containsExactly(List.of());
        // smoking: no adjustment set
        JsonNode none = json(run("", "dag", "adjust", "--graph", smoking.toString()));
        assertThat(none.get("identifiable").asBoolean()).isFalse();
        assertThat(none.get("emptySetSuffices").asBoolean()).isFalse();
        assertThat(none.get("sets")).isEmpty();
        assertThat(none.get("reason").asString()).startsWith("not identifiable by adjustment: The path Smoking <- Genotype -> Cancer");
        // a cycle: not a DAG at all
        assertOneLineFailure(run("dag { a -> b -> a }", "dag", "adjust", "--graph", "-", "--exposure", "a", "--outcome", "b"),
                Cli.EXIT_FAILED, "the graph is not a DAG: a -> b -> a");
    }

    @Test
    void directEffectAndSeveralExposures() {
        JsonNode direct = json(run("x [exposure]; y [outcome]; x -> y; x -> m -> y; c -> m; c -> y",
                "dag", "adjust", "--graph", "-", "--effect", "direct"));
        assertThat(sets(direct.get("sets"))).containsExactly(List.of("c", "m"));
        JsonNode several = json(run("dag { C -> Y1  C -> m  X1 -> X2  X1 -> Y2 -> Y1  X2 -> Y1  X1 -> m2 -> m -> X2 }",
                "dag", "adjust", "--graph", "-", "--exposure", "X1,X2", "--outcome", "Y1,Y2"));
        assertThat(sets(several.get("sets"))).containsExactly(List.of("C"), List.of("m", "m2"));
    }

    @Test
    void dsep() {
        String graph = "a -> b -> c; a -> d; e -> d; d -> f";
        assertThat(json(run(graph, "dag", "dsep", "--graph", "-", "--x", "a", "--y", "c", "--given", "b"))
                .get("separated").asBoolean()).isTrue();
        assertThat(json(run(graph, "dag", "dsep", "--graph", "-", "--x", "a", "--y", "e", "--given", "f"))
                .get("separated").asBoolean()).isFalse();
        assertThat(json(run(graph, "dag", "dsep", "--graph", "-", "--x", "a,b", "--y", "e"))
                .get("separated").asBoolean()).isTrue();
    }

    @Test
    void implicationsMatchDagittysMediatorModel() {
        JsonNode answer = json(run("X E\nY O\nZ 1\nI 1\n\nZ X I\nX I Y\nI Y", "dag", "implications", "--graph", "-",
                "--format", "dagitty-legacy"));
        assertThat(answer.get("implications")).hasSize(1);
        JsonNode only = answer.get("implications").get(0);
        assertThat(only.get("x").asString()).isEqualTo("Y");
        assertThat(only.get("y").asString()).isEqualTo("Z");
        assertThat(sets(JsonMapper.shared().createArrayNode().add(only.get("given")))).containsExactly(List.of("I", "X"));
        assertThat(answer.get("truncated").asBoolean()).isFalse();
    }

    @Test
    void instrumentsAsDagitty() {
        JsonNode answer = json(run("u [latent]; x [exposure]; y [outcome]; w -> z -> x -> y; w -> u -> x; u -> y",
                "dag", "instruments", "--graph", "-"));
        assertThat(answer.get("instruments")).hasSize(1);
        assertThat(answer.get("instruments").get(0).get("instrument").asString()).isEqualTo("z");
        assertThat(answer.get("instruments").get(0).get("given").get(0).asString()).isEqualTo("w");
        assertOneLineFailure(run("a -> b -> c", "dag", "instruments", "--graph", "-", "--exposure", "a,b", "--outcome", "c"),
                Cli.EXIT_FAILED, "instruments: --exposure needs exactly one, not 2 (a, b)");
    }

    @Test
    void frontDoorAndIdentify() {
        JsonNode frontDoor = json(run("", "dag", "frontdoor", "--graph", smoking.toString()));
        assertThat(frontDoor.get("exists").asBoolean()).isTrue();
        assertThat(sets(frontDoor.get("sets"))).containsExactly(List.of("Tar"));
        JsonNode identify = json(run("", "dag", "identify", "--graph", smoking.toString()));
        assertThat(identify.get("identifiable").asBoolean()).isTrue();
        assertThat(identify.get("strategy").asString()).isEqualTo("front-door");
        assertThat(sets(identify.get("sets"))).containsExactly(List.of("Tar"));
        JsonNode bow = json(run("X [exposure]; Y [outcome]; U [latent]; X -> Y; U -> X; U -> Y", "dag", "identify", "--graph", "-"));
        assertThat(bow.get("identifiable").asBoolean()).isFalse();
        assertThat(bow.get("strategy").asString()).isEqualTo("none");
    }

    @Test
    void convertWritesEachFormatAndReadsProjects() throws Exception {
        for (String to : List.of("dagitty", "dagitty-legacy", "graphml", "dot", "gml", "tetrad", "json")) {
            CliTest.Result result = run("", "dag", "convert", "--graph", smoking.toString(), "--to", to);
            assertThat(result.exitCode()).as(to).isZero();
            GraphFormat format = GraphFormat.valueOf(to.toUpperCase().replace('-', '_'));
            Dag back = format.read(result.out()).dag();
            assertThat(back.names()).as(to).containsExactlyInAnyOrder("Smoking", "Cancer", "Genotype", "Tar");
            assertThat(back.edgeCount()).as(to).isEqualTo(4);
        }
        Dag dag = GraphFormat.DAGITTY.read(SMOKING).dag();
        Path project = folder.resolve("smoking.recausal");
        ProjectFiles.save(new Project("Smoking", dag), project);
        assertThat(sets(json(run("", "dag", "frontdoor", "--graph", project.toString())).get("sets")))
                .containsExactly(List.of("Tar"));
    }

    @Test
    void badInputGetsOneLine() throws Exception {
        assertOneLineFailure(run("", "dag", "adjust", "--graph", folder.resolve("missing.dot").toString()),
                Cli.EXIT_FAILED, "missing.dot: does not exist");
        assertOneLineFailure(run("a -> b", "dag", "adjust", "--graph", "-", "--exposure", "a", "--outcome", "zz"),
                Cli.EXIT_FAILED, "There is no variable called 'zz' in the graph.");
        assertOneLineFailure(run("a -> b", "dag", "adjust", "--graph", "-"), Cli.EXIT_FAILED,
                "no exposure given: use --exposure or mark one in the graph");
        assertOneLineFailure(run("<html></html>", "dag", "dsep", "--graph", "-", "--x", "a", "--y", "b"), Cli.EXIT_FAILED,
                "standard input: cannot tell the graph format; name it with --format (dagitty, dagitty-legacy, graphml,"
                        + " dot, gml, tetrad, bif, json)");
        Path broken = Files.writeString(folder.resolve("broken.dagitty"), "dag { a -> }");
        CliTest.Result result = run("", "dag", "implications", "--graph", broken.toString());
        assertThat(result.exitCode()).isEqualTo(Cli.EXIT_FAILED);
        assertThat(result.err()).startsWith("recausal: broken.dagitty: Line 1, column").hasLineCount(1);
        Path cyclic = Files.writeString(folder.resolve("cyclic.gml"),
                "graph [ directed 1 node [ id 0 label \"a\" ] node [ id 1 label \"b\" ]"
                        + " edge [ source 0 target 1 ] edge [ source 1 target 0 ] ]");
        assertOneLineFailure(run("", "dag", "dsep", "--graph", cyclic.toString(), "--x", "a", "--y", "b"), Cli.EXIT_FAILED,
                "the graph is not a DAG: a -> b -> a");
        assertOneLineFailure(run("", "dag", "convert", "--graph", smoking.toString(), "--to", "bif"), Cli.EXIT_USAGE,
                "Invalid value for option '--to': 'bif' is not one of dagitty, dagitty-legacy, graphml, dot, gml, tetrad, json");
        assertOneLineFailure(run("a -> b", "dag", "dsep", "--graph", "-", "--format", "yaml", "--x", "a", "--y", "b"),
                Cli.EXIT_USAGE, "Invalid value for option '--format': 'yaml' is not one of dagitty, dagitty-legacy,"
                        + " graphml, dot, gml, tetrad, bif, json");
    }

    @Test
    void benchPrintsFiguresForEachSize() {
        JsonNode answer = json(run("", "bench", "analysis", "--sizes", "30,60", "--queries", "20", "--rounds", "1",
                "--python", "none", "--json"));
        assertThat(answer.get("sizes")).hasSize(2);
        JsonNode first = answer.get("sizes").get(0);
        assertThat(first.get("size").asInt()).isEqualTo(30);
        assertThat(first.get("edges").asInt()).isEqualTo(60);
        assertThat(first.get("dsepMicros").asDouble()).isPositive();
        assertThat(first.get("implicationsCount").asInt()).isPositive();
        assertThat(answer.get("machine").get("processors").asInt()).isPositive();
    }
}

package org.recausal.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import org.recausal.engine.dag.CausalEdge;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

@Command(name = "analysis", mixinStandardHelpOptions = true,
        description = {"Time d-separation, the first minimal adjustment set, all minimal sets (up to 1,000) and the",
            "testable implications (up to 1,000) on seeded random DAGs, and d-separation in networkx on the same",
            "graphs and queries when python3 with networkx is installed. Medians after a warm-up."})
final class AnalysisBenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--sizes", split = ",", defaultValue = "100,1000,10000", paramLabel = "N",
            description = "Graph sizes (default 100,1000,10000).")
    List<Integer> sizes;

    @Option(names = "--degree", defaultValue = "4", paramLabel = "D", description = "Average degree (default 4).")
    double degree;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Random seed (default 1).")
    long seed;

    @Option(names = "--queries", defaultValue = "500", paramLabel = "Q",
            description = "d-separation queries per size (default 500).")
    int queries;

    @Option(names = "--rounds", defaultValue = "5", paramLabel = "R", description = "Timed passes (default 5).")
    int rounds;

    @Option(names = "--python", defaultValue = "python3", paramLabel = "CMD",
            description = "Python with networkx for the comparison; 'none' to skip it.")
    String python;

    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;

    /** Why the networkx comparison did not run, when it did not. */
    private String peerProblem;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (sizes.stream().anyMatch(n -> n < 5) || degree <= 0 || queries < 1 || rounds < 1) {
            throw new CommandFailure("sizes must be at least 5, and degree, queries and rounds positive");
        }
        List<AnalysisBenchmark.Row> rows = new ArrayList<>();
        ObjectNode peerInput = Json.object();
        peerInput.put("warmup", 3);
        peerInput.put("rounds", rounds);
        ArrayNode graphs = peerInput.putArray("graphs");
        for (int size : sizes) {
            AnalysisBenchmark benchmark = new AnalysisBenchmark(size, degree, seed);
            List<AnalysisBenchmark.Query> queryList = benchmark.queries(queries);
            rows.add(benchmark.run(queryList, rounds));
            graphs.add(peerGraph(benchmark, queryList));
        }
        Optional<JsonNode> peer = python.equals("none") ? Optional.empty() : runNetworkx(peerInput);
        ObjectNode result = report(rows, peer);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Json.print(out, result);
        } else {
            printTable(out, result);
        }
        return Cli.EXIT_OK;
    }

    private static ObjectNode peerGraph(AnalysisBenchmark benchmark, List<AnalysisBenchmark.Query> queryList) {
        Map<String, Integer> index = benchmark.numbering();
        ObjectNode graph = Json.object();
        graph.put("size", benchmark.dag().size());
        ArrayNode edges = graph.putArray("edges");
        for (CausalEdge e : benchmark.dag().edges()) {
            edges.addArray().add(index.get(e.from())).add(index.get(e.to()));
        }
        ArrayNode qs = graph.putArray("queries");
        for (AnalysisBenchmark.Query q : queryList) {
            ArrayNode given = JsonMapper.shared().createArrayNode();
            q.given().forEach(v -> given.add(index.get(v)));
            qs.addArray().add(index.get(q.x())).add(index.get(q.y())).add(given);
        }
        return graph;
    }

    private Optional<JsonNode> runNetworkx(ObjectNode input) throws IOException, InterruptedException {
        Path folder = Files.createTempDirectory("recausal-bench");
        try {
            Path script = folder.resolve("networkx_dsep.py");
            try (InputStream in = AnalysisBenchCommand.class.getResourceAsStream("bench/networkx_dsep.py")) {
                Files.copy(in, script);
            }
            Path data = folder.resolve("graphs.json");
            Files.writeString(data, input.toString(), StandardCharsets.UTF_8);
            Path errors = folder.resolve("errors.txt");
            Process process;
            try {
                process = new ProcessBuilder(python, script.toString(), data.toString())
                        .redirectError(errors.toFile()).start();
            } catch (IOException e) {
                peerProblem = "cannot start " + python + " (" + e.getMessage() + ")";
                return Optional.empty();
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.MINUTES) || process.exitValue() != 0) {
                List<String> lines = Files.readAllLines(errors);
                peerProblem = lines.isEmpty() ? python + " failed" : lines.getLast();
                return Optional.empty();
            }
            return Optional.of(JsonMapper.shared().readTree(output));
        } finally {
            try (var files = Files.list(folder)) {
                for (Path p : files.toList()) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(folder);
        }
    }

    private ObjectNode report(List<AnalysisBenchmark.Row> rows, Optional<JsonNode> peer) throws IOException {
        ObjectNode result = Json.object();
        ObjectNode machine = result.putObject("machine");
        machine.put("processors", Runtime.getRuntime().availableProcessors());
        machine.put("cpu", cpuModel());
        machine.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        peer.ifPresent(p -> machine.put("networkx", p.get("networkx").asString()));
        if (peerProblem != null) {
            machine.put("networkxProblem", peerProblem);
        }
        result.put("degree", degree);
        result.put("seed", seed);
        ArrayNode list = result.putArray("sizes");
        for (int i = 0; i < rows.size(); i++) {
            AnalysisBenchmark.Row row = rows.get(i);
            ObjectNode item = list.addObject();
            item.put("size", row.size());
            item.put("edges", row.edges());
            item.put("dsepMicros", row.dsepNanos() / 1e3);
            item.put("firstSetMillis", row.firstSetNanos() / 1e6);
            item.put("allSetsMillis", row.allSetsNanos() / 1e6);
            item.put("allSetsMaxCount", row.allSetsCount());
            item.put("implicationsMillis", row.implicationsNanos() / 1e6);
            item.put("implicationsCount", row.implicationsCount());
            if (peer.isPresent()) {
                JsonNode theirs = peer.get().get("results").get(i);
                double micros = theirs.get("medianNanos").asDouble() / 1e3;
                item.put("networkxDsepMicros", micros);
                item.put("networkxOverRecausal", micros / (row.dsepNanos() / 1e3));
                int agree = 0;
                for (int q = 0; q < row.dsepAnswers().size(); q++) {
                    agree += theirs.get("answers").get(q).asBoolean() == row.dsepAnswers().get(q) ? 1 : 0;
                }
                item.put("answersAgree", agree + "/" + row.dsepAnswers().size());
            }
        }
        return result;
    }

    static String cpuModel() throws IOException {
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (!Files.isReadable(cpuinfo)) {
            return System.getProperty("os.arch");
        }
        return Files.readAllLines(cpuinfo).stream().filter(l -> l.startsWith("model name"))
                .map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst().orElse(System.getProperty("os.arch"));
    }

    private static void printTable(PrintWriter out, ObjectNode result) {
        JsonNode machine = result.get("machine");
        out.printf("Machine: %d processors, %s; %s%s%n", machine.get("processors").asInt(), machine.get("cpu").asString(),
                machine.get("java").asString(), machine.has("networkx") ? "; networkx " + machine.get("networkx").asString() : "");
        if (machine.has("networkxProblem")) {
            out.printf("networkx comparison not run: %s%n", machine.get("networkxProblem").asString());
        }
        out.printf("Random DAGs, average degree %s, seed %d; medians after warm-up%n%n",
                result.get("degree").asString(), result.get("seed").asLong());
        boolean peer = result.get("sizes").get(0).has("networkxDsepMicros");
        out.printf("%7s %7s %12s %14s %9s %10s %14s %17s%n", "nodes", "edges", "d-sep (µs)",
                peer ? "networkx (µs)" : "", peer ? "ratio" : "", "first set", "all sets", "implications");
        for (JsonNode row : result.get("sizes")) {
            out.printf("%7d %7d %12.1f %14s %9s %8.2fms %8.1fms/%-5d %9.1fms/%-5d%n",
                    row.get("size").asInt(), row.get("edges").asInt(), row.get("dsepMicros").asDouble(),
                    peer ? "%.1f".formatted(row.get("networkxDsepMicros").asDouble()) : "",
                    peer ? "%.1fx".formatted(row.get("networkxOverRecausal").asDouble()) : "",
                    row.get("firstSetMillis").asDouble(), row.get("allSetsMillis").asDouble(),
                    row.get("allSetsMaxCount").asInt(), row.get("implicationsMillis").asDouble(),
                    row.get("implicationsCount").asInt());
            if (peer) {
                out.printf("        d-separation answers agreeing with networkx: %s%n", row.get("answersAgree").asString());
            }
        }
    }
}

package org.recausal.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

@Command(name = "data", mixinStandardHelpOptions = true,
        description = {"Generate a seeded interactions CSV (user,item,rating,timestamp) and a gzipped copy, load each",
            "with Recausal's reader in a fresh JVM and with pandas read_csv in python, and print load time, rows/s,",
            "CPU time, peak resident memory and the loaded size of each, with the ratios. The files are deleted",
            "afterwards unless --keep."})
final class DataBenchCommand implements Callable<Integer> {
    /** Bytes a generated row takes, for the disk space check (measured: 23-25). */
    private static final long BYTES_PER_ROW = 26;

    @Spec
    CommandSpec spec;

    @Option(names = "--rows", defaultValue = "25000000", paramLabel = "N",
            description = "Rows to generate (default 25,000,000: about 600 MB).")
    long rows;

    @Option(names = "--dir", paramLabel = "DIR", description = "Where to write the files (default: a new temporary "
            + "folder).")
    Path dir;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Random seed (default 1).")
    long seed;

    @Option(names = "--runs", defaultValue = "1", paramLabel = "R",
            description = "Loads per file and reader; the fastest is reported (default 1).")
    int runs;

    @Option(names = "--python", defaultValue = "python3", paramLabel = "CMD",
            description = "Python with pandas for the comparison; 'none' to skip it.")
    String python;

    @Option(names = "--java-option", paramLabel = "OPT",
            description = "An option for the JVM that loads the files (e.g. -XX:+UseParallelGC); repeatable.")
    List<String> javaOptions = new ArrayList<>();

    @Option(names = "--keep", description = "Keep the generated files.")
    boolean keep;

    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;

    /** One loader's best run on one file. */
    private record Load(double seconds, double cpuSeconds, long peakRss, long loadedBytes, long rows) {
        static Load of(JsonNode json, String loadedField) {
            return new Load(json.get("seconds").asDouble(), json.get("cpuSeconds").asDouble(),
                    json.get("peakRssBytes").asLong(), json.get(loadedField).asLong(), json.get("rows").asLong());
        }
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (rows < 1 || runs < 1) {
            throw new CommandFailure("--rows and --runs must be at least 1");
        }
        boolean madeDir = dir == null;
        Path folder = madeDir ? Files.createTempDirectory("recausal-bench-data") : Files.createDirectories(dir);
        long needed = rows * BYTES_PER_ROW * 13 / 10;
        long usable = Files.getFileStore(folder).getUsableSpace();
        if (usable < needed) {
            throw new CommandFailure(folder + ": " + usable / (1 << 20) + " MiB free, about " + needed / (1 << 20)
                    + " MiB needed for " + rows + " rows; use --dir or fewer --rows");
        }
        Path csv = folder.resolve("interactions.csv");
        Path gzip = folder.resolve("interactions.csv.gz");
        try {
            long started = System.nanoTime();
            InteractionsFile.write(rows, seed, csv, gzip);
            double generated = (System.nanoTime() - started) / 1e9;
            String pandasProblem = python.equals("none") ? "skipped (--python none)" : null;
            String pandasVersion = null;
            ObjectNode result = Json.object();
            ObjectNode machine = result.putObject("machine");
            machine.put("processors", Runtime.getRuntime().availableProcessors());
            machine.put("cpu", AnalysisBenchCommand.cpuModel());
            machine.put("memoryBytes", totalMemory());
            machine.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
            machine.put("load", loadAverage());
            result.put("rows", rows);
            result.put("seed", seed);
            result.put("generateSeconds", generated);
            ArrayNode files = result.putArray("files");
            for (Path file : List.of(csv, gzip)) {
                ObjectNode entry = files.addObject();
                entry.put("file", file.getFileName().toString());
                entry.put("bytes", Files.size(file));
                Load ours = best(() -> Load.of(probe(file), "columnBytes"));
                entry.set("recausal", describe(ours));
                entry.put("peakOverLoaded", (double) ours.peakRss() / ours.loadedBytes());
                if (pandasProblem == null) {
                    try {
                        JsonNode[] last = new JsonNode[1];
                        Load theirs = best(() -> Load.of(last[0] = pandas(file), "frameBytes"));
                        pandasVersion = last[0].get("pandas").asString();
                        entry.set("pandas", describe(theirs));
                        entry.put("pandasOverRecausalTime", theirs.seconds() / ours.seconds());
                        entry.put("pandasOverRecausalCpu", theirs.cpuSeconds() / ours.cpuSeconds());
                        entry.put("pandasOverRecausalPeak", (double) theirs.peakRss() / ours.peakRss());
                    } catch (CommandFailure e) {
                        pandasProblem = e.getMessage();
                    }
                }
            }
            if (pandasVersion != null) {
                machine.put("pandas", pandasVersion);
            }
            if (pandasProblem != null) {
                machine.put("pandasProblem", pandasProblem);
            }
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                Json.print(out, result);
            } else {
                print(out, result);
            }
            return Cli.EXIT_OK;
        } finally {
            if (!keep) {
                Files.deleteIfExists(csv);
                Files.deleteIfExists(gzip);
                if (madeDir) {
                    Files.deleteIfExists(folder);
                }
            }
        }
    }

    @FunctionalInterface
    private interface Run {
        Load run() throws IOException, InterruptedException;
    }

    private Load best(Run run) throws IOException, InterruptedException {
        Load best = null;
        for (int i = 0; i < runs; i++) {
            Load load = run.run();
            if (best == null || load.seconds() < best.seconds()) {
                best = load;
            }
        }
        return best;
    }

    private static ObjectNode describe(Load load) {
        ObjectNode json = Json.object();
        json.put("rows", load.rows());
        json.put("seconds", load.seconds());
        json.put("rowsPerSecond", load.rows() / load.seconds());
        json.put("cpuSeconds", load.cpuSeconds());
        json.put("peakRssBytes", load.peakRss());
        json.put("loadedBytes", load.loadedBytes());
        return json;
    }

    /** Loads the file with our reader in a JVM of its own, with the flags the launcher uses. */
    private JsonNode probe(Path file) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("--enable-native-access=ALL-UNNAMED");
        command.addAll(javaOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(DataLoadProbe.class.getName());
        command.add(file.toString());
        return run(command, "the loading JVM");
    }

    private JsonNode pandas(Path file) throws IOException, InterruptedException {
        Path script = Files.createTempFile("pandas_read_csv", ".py");
        try {
            try (InputStream in = DataBenchCommand.class.getResourceAsStream("bench/pandas_read_csv.py")) {
                Files.copy(in, script, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            return run(List.of(python, script.toString(), file.toString()), python + " with pandas");
        } finally {
            Files.deleteIfExists(script);
        }
    }

    /** Runs a command that prints one JSON line; a {@link CommandFailure} with its last error line when it fails. */
    private static JsonNode run(List<String> command, String what) throws IOException, InterruptedException {
        Path errors = Files.createTempFile("recausal-bench", ".err");
        try {
            Process process;
            try {
                process = new ProcessBuilder(command).redirectError(errors.toFile()).start();
            } catch (IOException e) {
                throw new CommandFailure("cannot start " + what + " (" + e.getMessage() + ")");
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(1, TimeUnit.HOURS) || process.exitValue() != 0) {
                process.destroyForcibly();
                List<String> lines = Files.readAllLines(errors);
                throw new CommandFailure(what + " failed: " + (lines.isEmpty() ? "exit " + process.exitValue()
                        : lines.getLast()));
            }
            return JsonMapper.shared().readTree(output.strip());
        } finally {
            Files.deleteIfExists(errors);
        }
    }

    private static long totalMemory() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getTotalMemorySize();
    }

    private static double loadAverage() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static void print(PrintWriter out, ObjectNode result) {
        JsonNode machine = result.get("machine");
        out.printf(Locale.ROOT, "Machine: %d processors, %s, %.1f GiB; %s%s; load average %.1f at start%n",
                machine.get("processors").asInt(), machine.get("cpu").asString(),
                machine.get("memoryBytes").asLong() / (double) (1L << 30), machine.get("java").asString(),
                machine.has("pandas") ? "; pandas " + machine.get("pandas").asString() : "",
                machine.get("load").asDouble());
        if (machine.has("pandasProblem")) {
            out.println("pandas comparison not run: " + machine.get("pandasProblem").asString());
        }
        out.printf(Locale.ROOT, "%,d rows (seed %d) generated in %.1f s%n%n", result.get("rows").asLong(),
                result.get("seed").asLong(), result.get("generateSeconds").asDouble());
        out.printf(Locale.ROOT, "%-28s %-9s %9s %12s %8s %10s %10s %9s%n", "file", "reader", "seconds", "rows/s",
                "cpu s", "peak RSS", "loaded", "peak/ld");
        for (JsonNode file : result.get("files")) {
            String name = file.get("file").asString() + " (" + mib(file.get("bytes").asLong()) + ")";
            row(out, name, "recausal", file.get("recausal"));
            if (file.has("pandas")) {
                row(out, "", "pandas", file.get("pandas"));
                out.printf(Locale.ROOT, "%-28s %-9s %8.2fx %12s %7.2fx %9.2fx%n", "", "pandas/us",
                        file.get("pandasOverRecausalTime").asDouble(), "", file.get("pandasOverRecausalCpu").asDouble(),
                        file.get("pandasOverRecausalPeak").asDouble());
            }
        }
    }

    private static void row(PrintWriter out, String file, String reader, JsonNode load) {
        out.printf(Locale.ROOT, "%-28s %-9s %9.2f %,12.0f %8.2f %10s %10s %8.2fx%n", file, reader,
                load.get("seconds").asDouble(), load.get("rowsPerSecond").asDouble(), load.get("cpuSeconds").asDouble(),
                mib(load.get("peakRssBytes").asLong()), mib(load.get("loadedBytes").asLong()),
                load.get("peakRssBytes").asDouble() / load.get("loadedBytes").asDouble());
    }

    private static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.0f MiB", bytes / (double) (1 << 20));
    }
}

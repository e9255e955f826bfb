package org.recausal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recausal.engine.Version;
import org.recausal.engine.dag.Dag;
import org.recausal.engine.dag.DataType;
import org.recausal.engine.dag.Role;
import org.recausal.engine.dag.Variable;
import org.recausal.engine.project.Project;
import org.recausal.engine.project.ProjectFiles;

import picocli.CommandLine;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Runs the commands in-process, as a user would type them, and checks exit code, stdout and stderr. */
class CliTest {
    @TempDir
    Path folder;
    Path project;

    record Result(int exitCode, String out, String err) {
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = Cli.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Result(exitCode, out.toString(), err.toString());
    }

    /** A failure prints exactly one line starting with "recausal: " and nothing on stdout. */
    static void assertOneLineFailure(Result result, int exitCode, String reason) {
        assertThat(result.exitCode()).isEqualTo(exitCode);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).isEqualTo("recausal: " + reason + System.lineSeparator());
    }

    @BeforeEach
    void saveProject() throws Exception {
        Dag dag = new Dag();
        dag.addVariable(new Variable("exposure", Role.EXPOSURE, DataType.BINARY, "shown\nto the user", null).at(10, 20));
        dag.addVariable(Variable.of("click", Role.OUTCOME, DataType.BINARY).at(10, 120));
        dag.addVariable(Variable.of("preference", Role.LATENT, DataType.CONTINUOUS).at(110, 20));
        dag.addEdge("exposure", "click", "shown items get clicked");
        dag.addEdge("preference", "click");
        project = folder.resolve("shop.recausal");
        ProjectFiles.save(new Project("Shop", dag), project);
    }

    @Test
    void version() {
        Result result = run("--version");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out().strip()).isEqualTo("recausal " + Version.current());
    }

    @Test
    void helpListsTheTopics() {
        Result result = run("--help");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("project", "dag", "Exit codes:");
    }

    /** Picocli prints its format warnings (an unescaped % in a description) to System.err, not to our writer. */
    @Test
    void everyCommandsHelpRendersWithoutWarnings() {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream stderr = System.err;
        List<String> commands = new ArrayList<>();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            ArrayDeque<CommandLine> pending = new ArrayDeque<>();
            pending.add(new CommandLine(new RecausalCommand(System.in)));
            while (!pending.isEmpty()) {
                CommandLine command = pending.pop();
                commands.add(command.getCommandSpec().qualifiedName());
                assertThat(command.getUsageMessage()).isNotBlank();
                pending.addAll(command.getSubcommands().values());
            }
        } finally {
            System.setErr(stderr);
        }
        assertThat(commands).contains("recausal train mf", "recausal train sasrec", "recausal explain");
        assertThat(captured.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void validateAcceptsAValidProject() {
        Result result = run("project", "validate", project.toString());
        assertThat(result.exitCode()).isZero();
        assertThat(result.out().strip()).isEqualTo("shop.recausal: valid project 'Shop' (3 variables, 2 edges)");
        assertThat(result.err()).isEmpty();
    }

    @Test
    void validateRefusesAnInvalidProjectWithOneLine() throws Exception {
        Path broken = Files.writeString(folder.resolve("broken.recausal"), "not a zip", StandardCharsets.UTF_8);
        assertOneLineFailure(run("project", "validate", broken.toString()), Cli.EXIT_FAILED,
                "broken.recausal: is not a Recausal project (not a zip archive)");

        byte[] whole = Files.readAllBytes(project);
        Path cut = Files.write(folder.resolve("cut.recausal"), java.util.Arrays.copyOf(whole, whole.length - 30));
        Result truncated = run("project", "validate", cut.toString());
        assertThat(truncated.exitCode()).isEqualTo(Cli.EXIT_FAILED);
        assertThat(truncated.err()).startsWith("recausal: cut.recausal: is a damaged or truncated zip archive")
                .hasLineCount(1);

        assertOneLineFailure(run("project", "validate", folder.resolve("missing.recausal").toString()),
                Cli.EXIT_FAILED, "missing.recausal: does not exist");
    }

    @Test
    void dagShowPrintsATable() {
        Result result = run("dag", "show", project.toString());
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("Shop: 3 variables, 2 edges",
                "  exposure    exposure   binary       shown …",
                "  preference  latent     continuous",
                "  exposure -> click   (shown items get clicked)",
                "  preference -> click");
    }

    @Test
    void dagShowJson() {
        Result result = run("dag", "show", "--json", project.toString());
        assertThat(result.exitCode()).isZero();
        JsonNode json = JsonMapper.shared().readTree(result.out());
        assertThat(json.get("name").stringValue()).isEqualTo("Shop");
        assertThat(json.get("nodes")).hasSize(3);
        JsonNode exposure = json.get("nodes").get(0);
        assertThat(exposure.get("name").stringValue()).isEqualTo("exposure");
        assertThat(exposure.get("role").stringValue()).isEqualTo("exposure");
        assertThat(exposure.get("type").stringValue()).isEqualTo("binary");
        assertThat(exposure.get("description").stringValue()).isEqualTo("shown\nto the user");
        assertThat(exposure.get("y").doubleValue()).isEqualTo(20.0);
        assertThat(json.get("edges")).hasSize(2);
        assertThat(json.get("edges").get(0).get("from").stringValue()).isEqualTo("exposure");
        assertThat(json.get("edges").get(0).get("to").stringValue()).isEqualTo("click");
        assertThat(json.get("edges").get(0).get("note").stringValue()).isEqualTo("shown items get clicked");
    }

    @Test
    void commandLineMistakesAreOneLineUsageErrors() {
        assertOneLineFailure(run(), Cli.EXIT_USAGE, "a command is needed (project, dag, data, fit, simulate, policy, estimate, counterfactual, refute, generate, train, evaluate, recommend, explain, bench); see recausal --help");
        assertOneLineFailure(run("project"), Cli.EXIT_USAGE, "'recausal project' needs a command (validate, create)");
        assertOneLineFailure(run("project", "validate"), Cli.EXIT_USAGE, "Missing required parameter: 'FILE'");
        assertOneLineFailure(run("fly"), Cli.EXIT_USAGE, "Unmatched argument at index 0: 'fly'");
        assertOneLineFailure(run("dag", "show", "--yaml", project.toString()), Cli.EXIT_USAGE,
                "Unknown option: '--yaml'");
    }

    @Test
    void folderGivenAsProjectIsRefusedWithoutStackTrace() throws Exception {
        Path folderAsFile = Files.createDirectory(folder.resolve("dir.recausal"));
        Result result = run("dag", "show", folderAsFile.toString());
        assertOneLineFailure(result, Cli.EXIT_FAILED, "dir.recausal: is not a file");
        assertThat(result.err()).doesNotContain("\tat ", "Exception");
    }
}

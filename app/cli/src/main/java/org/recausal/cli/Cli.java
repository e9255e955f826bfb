package org.recausal.cli;

import java.io.InputStream;
import java.io.PrintWriter;

import org.recausal.engine.data.DataException;
import org.recausal.engine.io.GraphParseException;
import org.recausal.engine.project.ProjectFileException;
import org.recausal.engine.scm.ScmException;

import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * Runs the command tree with the rules every command follows: results on {@code out}; any problem as
 * one line {@code recausal: <reason>} on {@code err}, never a stack trace; exit codes 0 (done),
 * 1 (the input is wrong or the work failed), 2 (the command line is wrong).
 */
public final class Cli {
    public static final int EXIT_OK = 0;
    public static final int EXIT_FAILED = 1;
    public static final int EXIT_USAGE = 2;

    private Cli() {
    }

    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return run(args, System.in, out, err);
    }

    /** As {@link #run(String[], PrintWriter, PrintWriter)}, with {@code in} as what {@code --graph -} reads. */
    public static int run(String[] args, InputStream in, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new RecausalCommand(in))
                .setOut(out)
                .setErr(err)
                .setParameterExceptionHandler((e, arguments) -> fail(e.getCommandLine(), e.getMessage(), EXIT_USAGE))
                .setExecutionExceptionHandler((e, command, parseResult) -> fail(command, reason(e),
                        e instanceof ParameterException ? EXIT_USAGE : EXIT_FAILED));
        int exitCode = commandLine.execute(args);
        out.flush();
        err.flush();
        return exitCode;
    }

    private static int fail(CommandLine command, String reason, int exitCode) {
        PrintWriter err = command.getErr();
        err.println("recausal: " + reason.strip().replaceAll("\\s*\\R\\s*", " "));
        err.flush();
        return exitCode;
    }

    private static String reason(Exception e) {
        if (e instanceof ProjectFileException || e instanceof ParameterException || e instanceof CommandFailure
                || e instanceof DataException || e instanceof ScmException || e instanceof GraphParseException) {
            return e.getMessage();
        }
        // A bug, not bad input: still one line, but say what kind of failure it was.
        return "internal error: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
}

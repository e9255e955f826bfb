package org.recausal.cli;

import java.io.InputStream;

import org.recausal.engine.Version;

import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The root of the command tree. Each topic (project, dag, data, generate, bench) is a subcommand class listed here,
 * with its own verbs as subcommands of it; the model commands (fit, simulate, estimate, counterfactual, refute,
 * train, evaluate, recommend, explain) are verbs.
 */
@Command(name = "recausal",
        mixinStandardHelpOptions = true,
        versionProvider = RecausalCommand.VersionProvider.class,
        description = "Causal questions about recommender systems.",
        subcommands = {ProjectCommand.class, DagCommand.class, DataCommand.class, FitCommand.class,
                SimulateCommand.class, PolicyCommand.class, EstimateCommand.class, CounterfactualCommand.class, RefuteCommand.class,
                GenerateCommand.class, TrainCommand.class, EvaluateCommand.class, RecommendCommand.class,
                ExplainCommand.class, BenchCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "1:the input is invalid or the work failed", "2:the command line is wrong"})
final class RecausalCommand implements Runnable {
    @Spec
    CommandSpec spec;

    private final InputStream standardInput;

    RecausalCommand(InputStream standardInput) {
        this.standardInput = standardInput;
    }

    /** What {@code --graph -} reads: the process's standard input, or a test's. */
    InputStream standardInput() {
        return standardInput;
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(),
                "a command is needed (" + String.join(", ", spec.subcommands().keySet()) + "); see recausal --help");
    }

    static final class VersionProvider implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"recausal " + Version.current()};
        }
    }
}

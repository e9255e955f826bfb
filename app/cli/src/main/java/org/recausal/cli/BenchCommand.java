package org.recausal.cli;

import picocli.CommandLine.Command;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure how fast and how right the engine is, and print the figures.",
        subcommands = {AnalysisBenchCommand.class, DataBenchCommand.class, ScmBenchCommand.class,
                BnlearnBenchCommand.class, RecsysBenchCommand.class, ExplainBenchCommand.class})
final class BenchCommand extends TopicCommand {
}

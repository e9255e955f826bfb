package org.recausal.cli;

import picocli.CommandLine.Command;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure how fast the engine answers, on generated inputs.",
        subcommands = {AnalysisBenchCommand.class, DataBenchCommand.class})
final class BenchCommand extends TopicCommand {
}

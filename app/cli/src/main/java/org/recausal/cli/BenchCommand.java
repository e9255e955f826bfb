package org.recausal.cli;

import picocli.CommandLine.Command;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure how fast (and, for recommenders, how accurately) the engine answers.",
        subcommands = {AnalysisBenchCommand.class, RecsysBenchCommand.class})
final class BenchCommand extends TopicCommand {
}

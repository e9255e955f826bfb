package org.recausal.cli;

import picocli.CommandLine.Command;

@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Write data simulated from a known model, with its true effects.",
        subcommands = {GenerateRecommenderCommand.class})
final class GenerateCommand extends TopicCommand {
}

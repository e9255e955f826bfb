package org.recausal.cli;

import picocli.CommandLine.Command;

@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a recommender on an interaction log and keep it as a model file or in the project.",
        subcommands = {TrainSasRecCommand.class, TrainMfCommand.class})
final class TrainCommand extends TopicCommand {
}

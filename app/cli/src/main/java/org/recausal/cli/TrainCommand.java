package org.recausal.cli;

import picocli.CommandLine.Command;

@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a recommender on an interaction log and save it as a model file.",
        subcommands = {TrainSasRecCommand.class, TrainMfCommand.class})
final class TrainCommand extends TopicCommand {
}

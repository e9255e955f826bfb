package org.recausal.cli;

import picocli.CommandLine.Command;

@Command(name = "data", mixinStandardHelpOptions = true,
        description = "Look at data files and check a project's graph against its data.",
        subcommands = {InspectDataCommand.class, CheckDataCommand.class})
final class DataCommand extends TopicCommand {
}

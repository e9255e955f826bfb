package org.recausal.cli;

import picocli.CommandLine.Command;

@Command(name = "dag", mixinStandardHelpOptions = true,
        description = "Look at a causal graph and ask it questions.",
        subcommands = {ShowDagCommand.class, AdjustCommand.class, DSeparationCommand.class, ImplicationsCommand.class,
            InstrumentsCommand.class, FrontDoorCommand.class, IdentifyCommand.class, ConvertCommand.class})
final class DagCommand extends TopicCommand {
}

package org.recausal.cli;

import picocli.CommandLine.Command;

@Command(name = "dag", mixinStandardHelpOptions = true,
        description = "Look at the causal graph of a project.",
        subcommands = {ShowDagCommand.class})
final class DagCommand extends TopicCommand {
}

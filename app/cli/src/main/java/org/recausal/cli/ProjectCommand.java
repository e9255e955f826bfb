package org.recausal.cli;

import picocli.CommandLine.Command;

@Command(name = "project", mixinStandardHelpOptions = true,
        description = "Work with project files (.recausal).",
        subcommands = {ValidateProjectCommand.class, CreateProjectCommand.class})
final class ProjectCommand extends TopicCommand {
}

package org.recausal.cli;

import java.util.concurrent.Callable;

import org.recausal.engine.project.Project;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check that FILE is a readable, valid project; exit 0 if so, else print why and exit 1.")
final class ValidateProjectCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ProjectFileParameter project;

    @Override
    public Integer call() throws Exception {
        Project opened = project.open();
        spec.commandLine().getOut().printf("%s: valid project '%s' (%d variables, %d edges)%n",
                project.file.getFileName(), opened.name(), opened.dag().size(), opened.dag().edgeCount());
        return Cli.EXIT_OK;
    }
}

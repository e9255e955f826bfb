package org.recausal.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** A topic such as {@code project} or {@code dag}: it only groups verbs, so using it alone is a usage error. */
abstract class TopicCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "'" + spec.qualifiedName() + "' needs a command ("
                + String.join(", ", spec.subcommands().keySet()) + ")");
    }
}

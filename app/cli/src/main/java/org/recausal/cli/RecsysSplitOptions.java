package org.recausal.cli;

import org.recausal.engine.recsys.split.SplitSpec;

import picocli.CommandLine.Option;

/** How ranking commands split a log (a picocli mixin): leave-one-out, a temporal cut-off, or a seeded random split. */
final class RecsysSplitOptions {
    @Option(names = "--split", paramLabel = "loo|temporal|random",
            description = "Split of the log: leave-one-out by time (SASRec's protocol, the default), a temporal cut-off,"
                    + " or random (20%% test, 10%% validation, seeded by --seed).")
    String split;

    @Option(names = "--cutoff", paramLabel = "C",
            description = "Temporal split: a share of the log in (0, 1), or a time; from it on is the test part (default 0.8).")
    Double cutoff;

    /** The chosen split, or {@code otherwise} when --split is not given. */
    SplitSpec spec(long seed, SplitSpec otherwise) {
        if (split == null) {
            if (cutoff != null) {
                throw new CommandFailure("--cutoff goes with --split temporal");
            }
            return otherwise;
        }
        return SplitSpec.of(split, cutoff, seed);
    }
}

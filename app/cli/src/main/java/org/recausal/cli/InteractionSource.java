package org.recausal.cli;

import java.nio.file.Path;
import java.util.List;

import org.recausal.engine.mapping.ColumnInfo;
import org.recausal.engine.project.Dataset;
import org.recausal.engine.project.Datasets;
import org.recausal.engine.project.Project;
import org.recausal.engine.project.ProjectFileException;
import org.recausal.engine.project.ProjectFiles;
import org.recausal.engine.recsys.data.IdIndex;
import org.recausal.engine.recsys.data.InteractionFiles;
import org.recausal.engine.recsys.data.Interactions;
import org.recausal.engine.recsys.data.TableInteractions;
import org.recausal.engine.task.CancellationToken;
import org.recausal.engine.task.ProgressListener;

import picocli.CommandLine.Option;

/**
 * Where the recommender commands read a log (a picocli mixin): an interaction file, or a project's dataset with
 * user and item columns.
 */
final class InteractionSource {
    @Option(names = "--data", required = true, paramLabel = "FILE|PROJECT",
            description = "The interaction log: a file (a dense *.ascii matrix, uid,iid,rating rows, 'user item' lines"
                    + " or a CSV with a header), or a project (.recausal) whose dataset has user_id and item_id"
                    + " columns, read oldest first by its timestamp.")
    Path data;

    @Option(names = "--dataset", paramLabel = "ID",
            description = "The project's dataset to read (default: the first with user and item columns).")
    String dataset;

    @Option(names = "--feedback", paramLabel = "COLUMN",
            description = "The dataset's feedback column (default: click, else rating, feedback, value or label);"
                    + " when it is 0/1 only the rows with 1 are interactions.")
    String feedback;

    private Project opened;

    boolean isProject() {
        return data.getFileName().toString().endsWith(ProjectFiles.EXTENSION);
    }

    /** What the log is called in results: the file, or the project and its dataset. */
    String name() throws ProjectFileException {
        return data.getFileName() + (isProject() ? " dataset " + chosen(project()).id() : "");
    }

    Interactions read() throws ProjectFileException {
        return read(new IdIndex(), new IdIndex());
    }

    /** Reads the log into the indices (a trained model's, so that its users and items line up). */
    Interactions read(IdIndex users, IdIndex items) throws ProjectFileException {
        if (!isProject()) {
            if (dataset != null || feedback != null) {
                throw new CommandFailure("--dataset and --feedback choose what to read from a project; "
                        + data.getFileName() + " is an interaction file");
            }
            return InteractionFiles.read(data, users, items);
        }
        Dataset chosen = chosen(project());
        return TableInteractions.read(Datasets.load(chosen, ProgressListener.NONE, CancellationToken.none()).table(),
                feedback, users, items);
    }

    private Project project() throws ProjectFileException {
        if (opened == null) {
            opened = ProjectFiles.open(data);
        }
        return opened;
    }

    private Dataset chosen(Project project) {
        if (dataset != null) {
            return project.dataset(dataset).orElseThrow(() -> new CommandFailure(data.getFileName()
                    + " has no dataset '" + dataset + "' (its datasets: " + ids(project) + ")"));
        }
        return project.datasets().stream()
                .filter(d -> TableInteractions.holdsInteractions(d.columns().stream().map(ColumnInfo::name).toList()))
                .findFirst().orElseThrow(() -> new CommandFailure(data.getFileName() + " has no dataset with user"
                        + " and item columns (user_id and item_id, or user and item)" + (project.datasets().isEmpty()
                        ? "; it holds no data" : "; its datasets: " + ids(project))));
    }

    private static String ids(Project project) {
        List<String> ids = project.datasets().stream().map(Dataset::id).toList();
        return ids.isEmpty() ? "none" : String.join(", ", ids);
    }
}

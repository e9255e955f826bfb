package org.recausal.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.recausal.engine.dag.Dag;
import org.recausal.engine.data.Table;
import org.recausal.engine.data.TableReader;
import org.recausal.engine.mapping.ColumnInfo;
import org.recausal.engine.mapping.MappedTable;
import org.recausal.engine.project.Dataset;
import org.recausal.engine.project.Datasets;
import org.recausal.engine.project.Project;
import org.recausal.engine.project.ProjectData;
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
        return TableInteractions.read(table(), feedback, users, items);
    }

    /** The log as a table, for mechanisms fitted on its columns ({@code --ips dag}). */
    Table table() throws ProjectFileException {
        if (!isProject()) {
            return TableReader.read(data).table();
        }
        return Datasets.load(chosen(project()), ProgressListener.NONE, CancellationToken.none()).table();
    }

    /**
     * The project's table the log is read from, with the datasets joined to it (users' and items' attributes) and
     * its columns mapped to the graph's nodes.
     */
    MappedTable joinedTable() throws ProjectFileException {
        String id = chosen(project()).id();
        return ProjectData.load(project(), ProgressListener.NONE, CancellationToken.none()).tables().stream()
                .filter(t -> t.name().equals(id)).findFirst().orElseThrow(() -> new CommandFailure("dataset '" + id
                        + "' of " + data.getFileName() + " is joined to another dataset; read that one (--dataset)"));
    }

    /** The project's graph when the log comes from a project. */
    Optional<Dag> projectGraph() throws ProjectFileException {
        return isProject() ? Optional.of(project().dag()) : Optional.empty();
    }

    /** The project the log comes from, opened once. */
    Project project() throws ProjectFileException {
        if (opened == null) {
            opened = ProjectFiles.open(data);
        }
        return opened;
    }

    /** The project's dataset the log is read from. */
    Dataset projectDataset() throws ProjectFileException {
        return chosen(project());
    }

    /** Reads this dataset of the project unless --dataset names another. */
    void preferDataset(String id) {
        if (dataset == null) {
            dataset = id;
        }
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

package org.recausal.desktop.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Executor;

import org.recausal.desktop.testing.SameThreadExecutor;
import org.recausal.engine.dag.Dag;
import org.recausal.engine.dag.DataType;
import org.recausal.engine.dag.Role;
import org.recausal.engine.dag.Variable;
import org.recausal.engine.data.ImportOptions;
import org.recausal.engine.data.ImportResult;
import org.recausal.engine.data.TableReader;
import org.recausal.engine.dag.edit.EditHistory;
import org.recausal.engine.mapping.ColumnInfo;
import org.recausal.engine.project.DatasetSource;
import org.recausal.engine.project.Project;

/** Files and graphs the data view tests share. */
final class DataFixtures {

    /** Runs UI hand-overs at once, for view-model tests without a toolkit. */
    static final Executor NOW = Runnable::run;

    private DataFixtures() {
    }

    static ProgressTask task() {
        return new ProgressTask(new SameThreadExecutor(), NOW);
    }

    static Path write(Path dir, String name, String text) {
        try {
            return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * n rows of a, b, c, d (seeded): b = a + noise, c = b + {@code direct}·a + noise, d independent. The chain
     * a → b → c implies a ⊥ c | b, which holds exactly when {@code direct} is 0.
     */
    static Path chainData(Path dir, String name, int n, double direct, long seed) {
        Random random = new Random(seed);
        StringBuilder text = new StringBuilder("a,b,c,d\n");
        for (int row = 0; row < n; row++) {
            double a = random.nextGaussian();
            double b = 0.8 * a + random.nextGaussian();
            double c = 0.8 * b + direct * a + random.nextGaussian();
            double d = random.nextGaussian();
            text.append(String.format(Locale.ROOT, "%.6f,%.6f,%.6f,%.6f%n", a, b, c, d));
        }
        return write(dir, name, text.toString());
    }

    /** a → b → c and a lone d, all continuous, laid out left to right. */
    static Dag chain() {
        Dag dag = new Dag();
        dag.addVariable(Variable.of("a", Role.ORDINARY, DataType.CONTINUOUS).at(100, 100));
        dag.addVariable(Variable.of("b", Role.ORDINARY, DataType.CONTINUOUS).at(260, 100));
        dag.addVariable(Variable.of("c", Role.ORDINARY, DataType.CONTINUOUS).at(420, 100));
        dag.addVariable(Variable.of("d", Role.ORDINARY, DataType.CONTINUOUS).at(260, 220));
        dag.addEdge("a", "b");
        dag.addEdge("b", "c");
        return dag;
    }

    /** An import as the dialog would hand it over, embedded. */
    static ImportDialogModel.Imported imported(Path file, DatasetRole role, ImportDialogModel.Join join) {
        return imported(file, role, join, Storage.EMBED);
    }

    static ImportDialogModel.Imported imported(Path file, DatasetRole role, ImportDialogModel.Join join,
            Storage storage) {
        ImportResult result = TableReader.read(file);
        try {
            DatasetSource source = storage == Storage.EMBED ? DatasetSource.embed(file) : DatasetSource.reference(file);
            return new ImportDialogModel.Imported(file, TableReader.tableName(file.getFileName().toString()), role,
                    source, ImportOptions.defaults(), result, ColumnInfo.of(result.table()), join);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fresh project holding {@code dag}, with its edit history. */
    static void show(DataPanelModel model, Dag dag) {
        model.setProject(new Project("test", dag), new EditHistory(dag));
    }
}

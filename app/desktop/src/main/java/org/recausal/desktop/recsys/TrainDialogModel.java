package org.recausal.desktop.recsys;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.recausal.engine.dag.Dag;
import org.recausal.engine.dag.Role;
import org.recausal.engine.dag.Variable;
import org.recausal.engine.data.Column;
import org.recausal.engine.data.NumericColumn;
import org.recausal.engine.recsys.RecsysException;
import org.recausal.engine.recsys.data.TableInteractions;
import org.recausal.engine.recsys.features.TraitSelection;
import org.recausal.engine.recsys.mf.MfConfig;
import org.recausal.engine.recsys.sasrec.SasRecConfig;

/**
 * The Train dialog's state: which dataset and which of its columns hold the user, item, time, feedback and
 * propensity (guessed from their names, changeable), the model and its hyper-parameters (each model's defaults:
 * the SASRec paper's for SASRec), and the split. Numbers are edited as text and checked on every change, so the
 * dialog can say what is wrong before anything runs.
 */
public final class TrainDialogModel {
    /** The choice of no column for the optional roles. */
    public static final String NONE = "(none)";

    private final ObservableList<DatasetTable> datasets = FXCollections.observableArrayList();
    private final ObjectProperty<DatasetTable> dataset = new SimpleObjectProperty<>(this, "dataset");
    private final ObservableList<String> columns = FXCollections.observableArrayList();
    private final ObservableList<String> numericColumns = FXCollections.observableArrayList();
    private final StringProperty user = new SimpleStringProperty(this, "user");
    private final StringProperty item = new SimpleStringProperty(this, "item");
    private final StringProperty time = new SimpleStringProperty(this, "time", NONE);
    private final StringProperty feedback = new SimpleStringProperty(this, "feedback", NONE);
    private final StringProperty propensity = new SimpleStringProperty(this, "propensity", NONE);
    private final ObjectProperty<ModelKind> kind = new SimpleObjectProperty<>(this, "kind", ModelKind.SASREC);
    private final StringProperty maxLength = new SimpleStringProperty(this, "maxLength");
    private final StringProperty dimension = new SimpleStringProperty(this, "dimension");
    private final StringProperty blocks = new SimpleStringProperty(this, "blocks");
    private final StringProperty heads = new SimpleStringProperty(this, "heads");
    private final StringProperty dropout = new SimpleStringProperty(this, "dropout");
    private final StringProperty batchSize = new SimpleStringProperty(this, "batchSize");
    private final StringProperty validateEvery = new SimpleStringProperty(this, "validateEvery");
    private final StringProperty factors = new SimpleStringProperty(this, "factors");
    private final StringProperty lambda = new SimpleStringProperty(this, "lambda");
    private final StringProperty epochs = new SimpleStringProperty(this, "epochs");
    private final StringProperty learningRate = new SimpleStringProperty(this, "learningRate");
    private final StringProperty seed = new SimpleStringProperty(this, "seed", "1");
    private final ObjectProperty<SplitKind> split = new SimpleObjectProperty<>(this, "split", SplitKind.LEAVE_ONE_OUT);
    private final StringProperty testShare = new SimpleStringProperty(this, "testShare", "0.2");
    private final StringProperty validationShare = new SimpleStringProperty(this, "validationShare", "0.1");
    private final ObservableList<String> exposures = FXCollections.observableArrayList();
    private final ObjectProperty<PropensitySource> propensitySource = new SimpleObjectProperty<>(this,
            "propensitySource", PropensitySource.COLUMN);
    private final StringProperty exposure = new SimpleStringProperty(this, "exposure");
    private final Dag dag;
    private final ObservableList<String> traits = FXCollections.observableArrayList();
    private final BooleanProperty sideFeatures = new SimpleBooleanProperty(this, "sideFeatures");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private TrainSettings settings;

    /** Where IPS and SNIPS take their propensities from. */
    public enum PropensitySource {
        COLUMN("the data's propensity column"),
        DAG("the exposure mechanism fitted on the DAG");

        private final String label;

        PropensitySource(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /**
     * @param available the project's loaded datasets; the first with user and item columns is chosen
     * @param dag       the project's graph: its observed variables may be the exposure whose mechanism gives
     *                  propensities (the one with the exposure role first)
     */
    public TrainDialogModel(List<DatasetTable> available, Dag dag) {
        this.dag = dag;
        datasets.setAll(available);
        dag.variables().stream().filter(v -> v.role() != Role.LATENT)
                .sorted(Comparator.comparing((Variable v) -> v.role() != Role.EXPOSURE)).map(Variable::name)
                .forEach(exposures::add);
        exposure.set(exposures.isEmpty() ? null : exposures.getFirst());
        dataset.addListener((_, _, now) -> datasetChanged(now));
        kind.addListener((_, _, now) -> defaults(now));
        defaults(kind.get());
        dataset.set(available.stream().filter(d -> TableInteractions.holdsInteractions(d.table().columnNames()))
                .findFirst().orElse(available.isEmpty() ? null : available.getFirst()));
        for (ObservableValue<?> o : List.of(user, item)) {
            o.addListener((_, _, _) -> findTraits());
        }
        findTraits();
        // Change listeners, not invalidation ones: a field check() did not read must still trigger the next check.
        ObservableValue<?>[] all = {dataset, user, item, time, feedback, propensity, kind, maxLength, dimension, blocks, heads,
            dropout, batchSize, validateEvery, factors, lambda, epochs, learningRate, seed, split, testShare,
            validationShare, propensitySource, exposure, sideFeatures};
        for (ObservableValue<?> o : all) {
            o.addListener((_, _, _) -> check());
        }
        check();
    }

    /** The settings as entered, or null while {@link #problemProperty()} says what is wrong. */
    public TrainSettings settings() {
        return settings;
    }

    private void datasetChanged(DatasetTable now) {
        List<String> names = now == null ? List.of() : now.table().columnNames();
        columns.setAll(names);
        List<String> numeric = new ArrayList<>(List.of(NONE));
        if (now != null) {
            now.table().columns().stream().filter(c -> c instanceof NumericColumn).map(Column::name).forEach(numeric::add);
        }
        numericColumns.setAll(numeric);
        user.set(guess(names, n -> n.contains("user") || n.equals("uid") || n.contains("customer") || n.contains("visitor"),
                names.isEmpty() ? null : names.getFirst()));
        item.set(guess(names, n -> n.contains("item") || n.equals("iid") || n.contains("product") || n.contains("movie"),
                names.size() < 2 ? null : names.get(1)));
        time.set(guess(numeric, n -> n.contains("time") || n.contains("date") || n.equals("order") || n.equals("ts"), NONE));
        feedback.set(guess(numeric, n -> n.contains("rating") || n.contains("feedback") || n.equals("click")
                || n.equals("value") || n.equals("label"), NONE));
        propensity.set(guess(numeric, n -> n.contains("propensity"), NONE));
    }

    /** The DAG's variables that feed the recommender, as far as the tables show; side features start on when any. */
    private void findTraits() {
        DatasetTable data = dataset.get();
        boolean columns = data != null && user.get() != null && item.get() != null
                && data.table().hasColumn(user.get()) && data.table().hasColumn(item.get());
        traits.setAll(!columns ? List.of() : TraitSelection.preview(dag, data.table(), user.get(), item.get(),
                datasets.stream().map(DatasetTable::table).toList()));
        sideFeatures.set(!traits.isEmpty());
    }

    private static String guess(List<String> names, Predicate<String> fits, String otherwise) {
        return names.stream().filter(n -> fits.test(n.toLowerCase(Locale.ROOT))).findFirst().orElse(otherwise);
    }

    /** Each model's defaults: the SASRec paper's for sparse data; those the command line uses for MF and BPR. */
    private void defaults(ModelKind now) {
        switch (now) {
            case SASREC -> {
                maxLength.set("50");
                dimension.set("50");
                blocks.set("2");
                heads.set("1");
                dropout.set("0.5");
                batchSize.set("128");
                validateEvery.set("10");
                epochs.set("200");
                learningRate.set("0.001");
                split.set(SplitKind.LEAVE_ONE_OUT);
            }
            case BPR -> {
                factors.set("50");
                lambda.set("0.01");
                epochs.set("30");
                learningRate.set("0.005");
                split.set(SplitKind.LEAVE_ONE_OUT);
            }
            case MF, MF_IPS, MF_SNIPS -> {
                factors.set("10");
                lambda.set("10");
                epochs.set("1000");
                learningRate.set("0.02");
                split.set(SplitKind.RANDOM);
            }
        }
    }

    private void check() {
        settings = null;
        try {
            settings = build();
            problem.set("");
        } catch (RecsysException | IllegalArgumentException e) {
            problem.set(e.getMessage());
        }
    }

    private TrainSettings build() {
        DatasetTable data = dataset.get();
        if (data == null) {
            throw new RecsysException("the project has no loaded dataset: add an interaction log in the data panel first");
        }
        TableInteractions.Columns chosen = new TableInteractions.Columns(user.get(), item.get(), optional(time),
                optional(feedback), optional(propensity));
        ModelKind model = kind.get();
        if (model.needsRatings() && chosen.feedback() == null) {
            throw new RecsysException(model.shortName() + " learns from ratings: choose the feedback column");
        }
        boolean fromDag = model.needsPropensities() && propensitySource.get() == PropensitySource.DAG;
        if (model.needsPropensities() && !fromDag && chosen.propensity() == null) {
            throw new RecsysException(model.shortName() + " weighs ratings by inverse propensities: choose the"
                    + " propensity column, or take them from the DAG's exposure mechanism");
        }
        if (fromDag && exposure.get() == null) {
            throw new RecsysException("choose the DAG's exposure variable whose mechanism gives the propensities");
        }
        long seedValue = whole(seed, "Seed", Long.MIN_VALUE, Long.MAX_VALUE);
        int epochCount = (int) whole(epochs, model.needsRatings() ? "Steps" : "Epochs", 1, 100_000);
        float rate = (float) decimal(learningRate, "Learning rate");
        SasRecConfig sasrec = null;
        MfConfig mf = null;
        int every = 0;
        if (model == ModelKind.SASREC) {
            sasrec = new SasRecConfig((int) whole(maxLength, "Max length", 1, 4096), (int) whole(dimension, "Dimension", 1, 4096),
                    (int) whole(blocks, "Blocks", 1, 64), (int) whole(heads, "Heads", 1, 4096),
                    (float) decimal(dropout, "Dropout"), rate, (int) whole(batchSize, "Batch size", 1, 1 << 20), epochCount,
                    seedValue);
            every = (int) whole(validateEvery, "Validate every", 0, 100_000);
        } else {
            mf = new MfConfig((int) whole(factors, "Factors", 1, 1024), decimal(lambda, "Lambda"), epochCount, rate,
                    seedValue);
        }
        double test = split.get().usesShares() ? decimal(testShare, "Test share") : 0;
        double validation = split.get().usesShares() ? decimal(validationShare, "Validation share") : 0;
        if (split.get().usesShares() && !(test > 0 && validation >= 0 && test + validation < 1)) {
            throw new RecsysException("the test share must be above 0 and, with the validation share, below 1");
        }
        return new TrainSettings(data.id(), chosen, model, split.get(), test, validation, sasrec, mf, every,
                fromDag ? exposure.get() : null, model == ModelKind.SASREC && sideFeatures.get() && !traits.isEmpty());
    }

    private static String optional(StringProperty column) {
        return column.get() == null || column.get().equals(NONE) ? null : column.get();
    }

    private static long whole(StringProperty text, String what, long min, long max) {
        try {
            long value = Long.parseLong(text.get().strip());
            if (value < min || value > max) {
                throw new RecsysException(what + " must be from " + min + " to " + max + ", not " + value);
            }
            return value;
        } catch (NumberFormatException | NullPointerException e) {
            throw new RecsysException(what + ": '" + text.get() + "' is not a whole number");
        }
    }

    private static double decimal(StringProperty text, String what) {
        try {
            double value = Double.parseDouble(text.get().strip());
            if (!Double.isFinite(value)) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException | NullPointerException e) {
            throw new RecsysException(what + ": '" + text.get() + "' is not a number");
        }
    }

    // ---------------------------------------------------------------- properties

    public ObservableList<DatasetTable> getDatasets() {
        return datasets;
    }

    public ObjectProperty<DatasetTable> datasetProperty() {
        return dataset;
    }

    /** The chosen dataset's columns, for the user and item. */
    public ObservableList<String> getColumns() {
        return columns;
    }

    /** {@link #NONE} and the chosen dataset's numeric or time columns, for time, feedback and propensity. */
    public ObservableList<String> getNumericColumns() {
        return numericColumns;
    }

    public StringProperty userProperty() {
        return user;
    }

    public StringProperty itemProperty() {
        return item;
    }

    public StringProperty timeProperty() {
        return time;
    }

    public StringProperty feedbackProperty() {
        return feedback;
    }

    public StringProperty propensityProperty() {
        return propensity;
    }

    public ObjectProperty<ModelKind> kindProperty() {
        return kind;
    }

    public StringProperty maxLengthProperty() {
        return maxLength;
    }

    public StringProperty dimensionProperty() {
        return dimension;
    }

    public StringProperty blocksProperty() {
        return blocks;
    }

    public StringProperty headsProperty() {
        return heads;
    }

    public StringProperty dropoutProperty() {
        return dropout;
    }

    public StringProperty batchSizeProperty() {
        return batchSize;
    }

    public StringProperty validateEveryProperty() {
        return validateEvery;
    }

    public StringProperty factorsProperty() {
        return factors;
    }

    public StringProperty lambdaProperty() {
        return lambda;
    }

    /** Epochs (SASRec, BPR) or full-batch optimiser steps (MF on ratings). */
    public StringProperty epochsProperty() {
        return epochs;
    }

    public StringProperty learningRateProperty() {
        return learningRate;
    }

    public StringProperty seedProperty() {
        return seed;
    }

    public ObjectProperty<SplitKind> splitProperty() {
        return split;
    }

    public StringProperty testShareProperty() {
        return testShare;
    }

    public StringProperty validationShareProperty() {
        return validationShare;
    }

    /** The DAG's observed variables, the exposure-role ones first. */
    public ObservableList<String> getExposures() {
        return exposures;
    }

    public ObjectProperty<PropensitySource> propensitySourceProperty() {
        return propensitySource;
    }

    /** The DAG variable whose fitted mechanism gives propensities, when they come from the DAG. */
    public StringProperty exposureProperty() {
        return exposure;
    }

    /** The DAG's variables that feed the recommender and look like user or item traits in the tables. */
    public ObservableList<String> getTraits() {
        return traits;
    }

    /** SASRec: whether to read {@link #getTraits()} besides the history. */
    public BooleanProperty sideFeaturesProperty() {
        return sideFeatures;
    }

    /** What stops training from starting, in plain words; empty when the settings are complete. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }
}

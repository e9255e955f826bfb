package org.recausal.desktop.recsys;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import org.recausal.engine.data.Column;
import org.recausal.engine.data.Table;
import org.recausal.engine.mapping.MappedTable;
import org.recausal.engine.project.ModelData;
import org.recausal.engine.recsys.RecsysException;
import org.recausal.engine.recsys.data.Interactions;
import org.recausal.engine.recsys.data.TableInteractions;
import org.recausal.engine.recsys.features.SideFeatures;
import org.recausal.engine.recsys.features.TraitSelection;
import org.recausal.engine.recsys.ips.DagPropensities;
import org.recausal.engine.recsys.ips.PropensityModel;
import org.recausal.engine.recsys.ips.PropensityTable;
import org.recausal.engine.recsys.TrainingListener;
import org.recausal.engine.recsys.mf.Bpr;
import org.recausal.engine.recsys.mf.EpochValidation;
import org.recausal.engine.recsys.mf.FactorModel;
import org.recausal.engine.recsys.mf.MfState;
import org.recausal.engine.recsys.mf.RatingMf;
import org.recausal.engine.recsys.model.StoredModel;
import org.recausal.engine.recsys.EpochReport;
import org.recausal.engine.recsys.sasrec.SasRecModel;
import org.recausal.engine.recsys.sasrec.SasRecState;
import org.recausal.engine.recsys.sasrec.SasRecTrainer;
import org.recausal.engine.recsys.split.SequenceData;
import org.recausal.engine.scm.FitOptions;
import org.recausal.engine.task.CancellationToken;
import org.recausal.engine.task.CancelledException;
import org.recausal.engine.task.ProgressListener;

import tools.jackson.databind.node.ObjectNode;

/**
 * One training run off the UI thread: reads the log from the dataset's table, splits it, trains the chosen model
 * and evaluates it. A run that is cancelled after at least one epoch comes back stopped, with the state of its last
 * finished epoch as its checkpoint, so it can be resumed, also from the saved project, to exactly the model an
 * uninterrupted run would have given. A finished SASRec keeps the weights of its best validation NDCG@10 (the last
 * ones when it never validates); MF and BPR their last ones.
 */
final class TrainingRun {
    /** The share of the progress bar training takes; evaluation the rest. */
    private static final double TRAINING_SHARE = 0.85;

    private final int threads;

    TrainingRun(int threads) {
        this.threads = threads;
    }

    /**
     * @param resume  a stopped run to continue (same settings and data), or null
     * @param onEpoch receives each finished epoch, on the worker thread
     */
    TrainedRecommender run(String name, TrainSettings settings, Table table, CausalData causal, TrainedRecommender resume,
            Consumer<EpochReport> onEpoch, ProgressListener progress, CancellationToken cancel) {
        progress.progress(0, "Reading the interactions of " + settings.dataset());
        Interactions log = TableInteractions.read(table, settings.columns(), settings.kind().needsRatings()).log();
        check(settings, log);
        SequenceData data = SequenceData.of(log, settings.split().apply(log, settings.testShare(),
                settings.validationShare(), settings.seed()));
        if (data.split().test().size() == 0) {
            throw new RecsysException("the " + settings.split().shortName() + " split leaves no interactions to test"
                    + " on; users need at least three interactions for leave-one-out");
        }
        ProgressListener training = (f, m) -> progress.progress(f * TRAINING_SHARE, m);
        ProgressListener evaluation = (f, m) -> progress.progress(TRAINING_SHARE + f * (1 - TRAINING_SHARE), m);
        ModelEvaluator evaluator = new ModelEvaluator(settings.seed(), threads);
        if (settings.kind() == ModelKind.SASREC) {
            return sasrec(name, settings, data, causal, resume, onEpoch, training, evaluator, evaluation, cancel);
        }
        return factorisation(name, settings, data, causal, resume, onEpoch, training, evaluator, evaluation, cancel);
    }

    /**
     * BPR or MF on ratings, validated after every epoch: BPR by HR@10 and NDCG@10 on the validation items as SASRec
     * is, MF by the validation ratings' error, weighted as its training loss is (IPS or SNIPS estimates for those).
     */
    private TrainedRecommender factorisation(String name, TrainSettings settings, SequenceData data, CausalData causal,
            TrainedRecommender resume, Consumer<EpochReport> onEpoch, ProgressListener training, ModelEvaluator evaluator,
            ProgressListener evaluation, CancellationToken cancel) {
        Interactions log = data.log();
        Interactions train = data.split().train();
        List<EpochReport> epochs = new ArrayList<>();
        MfState from = null;
        if (resume != null) {
            sameIds(settings, log, resume);
            from = (MfState) resume.stored().checkpoint();
            epochs.addAll(resume.epochs());
        }
        PropensityModel propensities = propensities(settings, log, causal, cancel);
        MfState[] last = {from};
        TrainingListener<MfState> listener = (report, state) -> {
            last[0] = state;
            epochs.add(report);
            onEpoch.accept(report);
            training.progress(report.epoch() / (double) report.epochs(), describe(report));
        };
        try {
            FactorModel model;
            if (settings.kind() == ModelKind.BPR) {
                EpochValidation validation = EpochValidation.ranking(data.trainInputs(), data.validation(), settings.seed(),
                        threads, 1);
                model = Bpr.train(train, settings.mf(), null, validation, from, listener, cancel);
            } else {
                RatingMf mf = new RatingMf(settings.kind().weighting(), propensities);
                Interactions held = data.split().validation();
                EpochValidation validation = held.size() == 0 ? EpochValidation.NONE
                        : mf.validation(held, propensities, held.size() / (double) log.size(), 1);
                model = mf.train(train, settings.mf(), validation, from, listener, cancel);
            }
            ModelReport report = evaluator.evaluate(model, settings.kind().needsRatings(), data, evaluation, cancel);
            return new TrainedRecommender(name, settings, factorisationModel(settings, log, data, model, propensities,
                    null), epochs, report);
        } catch (CancelledException e) {
            if (last[0] == null) {
                throw e;
            }
            FactorModel partial = new FactorModel(log.users().size(), log.items().size(), settings.mf().factors(),
                    last[0].params());
            return new TrainedRecommender(name, settings, factorisationModel(settings, log, data, partial, propensities,
                    last[0]), epochs, null);
        }
    }

    /** @param checkpoint the state a stopped run resumes from, else null */
    private static StoredModel factorisationModel(TrainSettings settings, Interactions log, SequenceData data,
            FactorModel model, PropensityModel propensities, MfState checkpoint) {
        ObjectNode details = TrainSettings.JSON.createObjectNode();
        if (propensities != null) {
            details.put("propensities", propensities.description());
        }
        return new StoredModel(settings.kind().stored(), model, log.users(), log.items(), data.everything(), details,
                checkpoint);
    }

    /** A stopped run resumes only on the users and items it was trained on. */
    private static void sameIds(TrainSettings settings, Interactions log, TrainedRecommender resume) {
        if (!resume.stored().users().ids().equals(log.users().ids())
                || !resume.stored().items().ids().equals(log.items().ids())) {
            throw new RecsysException("the users or items of " + settings.dataset() + " changed since '"
                    + resume.name() + "' stopped; train a new model on the data as they are now");
        }
    }

    private TrainedRecommender sasrec(String name, TrainSettings settings, SequenceData data, CausalData causal,
            TrainedRecommender resume, Consumer<EpochReport> onEpoch, ProgressListener training, ModelEvaluator evaluator,
            ProgressListener evaluation, CancellationToken cancel) {
        Interactions log = data.log();
        SideFeatures features = resume != null ? resume.stored().sasrec().features()
                : settings.sideFeatures() ? traits(settings, log, causal) : null;
        SasRecState from = null;
        List<EpochReport> epochs = new ArrayList<>();
        if (resume != null) {
            sameIds(settings, log, resume);
            from = (SasRecState) resume.stored().checkpoint();
            epochs.addAll(resume.epochs());
        }
        SasRecState[] last = {from};
        SasRecTrainer trainer = new SasRecTrainer(settings.sasrec(), threads).validateEvery(settings.validateEvery())
                .features(features);
        try {
            SasRecModel model = trainer.train(data.train(), log.users(), log.items(), data.validation(), from,
                    (report, state) -> {
                        last[0] = state;
                        epochs.add(report);
                        onEpoch.accept(report);
                        training.progress(report.epoch() / (double) report.epochs(), describe(report));
                    }, cancel);
            ModelReport report = evaluator.evaluate(model, false, data, evaluation, cancel);
            StoredModel stored = new StoredModel(StoredModel.SASREC, model, log.users(), log.items(), data.everything(),
                    null, null);
            return new TrainedRecommender(name, settings, stored, epochs, report);
        } catch (CancelledException e) {
            if (last[0] == null) {
                throw e;
            }
            // The last weights, which the checkpoint resumes from: a model file keeps them once, as the model's. The
            // best validated ones so far stay in the checkpoint, for the resumed run to end with.
            SasRecModel partial = new SasRecModel(settings.sasrec(), log.users(), log.items(), last[0].params(), features);
            StoredModel stored = new StoredModel(StoredModel.SASREC, partial, log.users(), log.items(), data.everything(),
                    null, last[0]);
            return new TrainedRecommender(name, settings, stored, epochs, null);
        }
    }

    /** The DAG's variables that feed the recommender, as user and item traits of the joined data. */
    private static SideFeatures traits(TrainSettings settings, Interactions log, CausalData causal) {
        MappedTable mapped = joined(settings, causal, "to find the users' and items' traits");
        SideFeatures features = TraitSelection.fromDag(causal.dag(), mapped.table(), mapped.mapping(),
                settings.columns().user(), settings.columns().item(), log.users(), log.items()).features();
        if (features == null) {
            throw new RecsysException("none of the DAG's variables that feed the recommender is a user or item trait"
                    + " of '" + settings.dataset() + "'; train without them");
        }
        return features;
    }

    /** The settings' dataset with those joined to it, mapped to the DAG. */
    private static MappedTable joined(TrainSettings settings, CausalData causal, String why) {
        return causal.data().get().tables().stream().filter(t -> t.name().equals(settings.dataset())).findFirst()
                .orElseThrow(() -> new RecsysException("'" + settings.dataset() + "' is joined to another dataset; train"
                        + " on the dataset the others are joined to, " + why));
    }

    /**
     * The propensities an IPS or SNIPS model weighs its training ratings and its validation errors by, for every
     * row of the log; null for the other kinds.
     */
    private static PropensityModel propensities(TrainSettings settings, Interactions log, CausalData causal,
            CancellationToken cancel) {
        if (!settings.kind().needsPropensities()) {
            return null;
        }
        if (settings.exposure() == null) {
            return PropensityTable.fromColumn(log);
        }
        // The exposure's causes (user activity, item popularity, ...) may sit in datasets joined to the log.
        MappedTable mapped = joined(settings, causal, "to fit the exposure mechanism");
        List<Column> columns = new ArrayList<>(ModelData.nodeColumns(mapped).columns());
        for (String id : List.of(settings.columns().user(), settings.columns().item())) {
            if (columns.stream().noneMatch(c -> c.name().equals(id))) {
                columns.add(mapped.table().column(id));
            }
        }
        return DagPropensities.estimate(causal.dag(), settings.exposure(), new Table(mapped.name(), columns),
                settings.columns().user(), settings.columns().item(), log.users(), log.items(),
                FitOptions.defaults().withSeed(settings.seed()), cancel);
    }

    private static void check(TrainSettings settings, Interactions log) {
        if (settings.kind().needsRatings() && settings.columns().feedback() == null) {
            throw new RecsysException(settings.kind().shortName() + " learns from ratings: choose the feedback column");
        }
        if (settings.kind().needsPropensities() && settings.exposure() == null && !log.hasPropensity()) {
            throw new RecsysException(settings.kind().shortName() + " weighs each rating by its inverse propensity:"
                    + " choose the propensity column");
        }
    }

    /** The progress line of an epoch: its loss and its first validation metric (HR@10, or a rating error). */
    static String describe(EpochReport report) {
        String validation = report.validation().entrySet().stream().findFirst().map(m -> String.format(Locale.ROOT,
                " · validation %s %.3f", m.getKey(), m.getValue())).orElse("");
        return String.format(Locale.ROOT, "Epoch %d of %d · loss %.4f%s", report.epoch(), report.epochs(), report.loss(), validation);
    }
}

package org.recausal.engine.recsys.mf;

import java.util.Map;

import org.recausal.engine.recsys.Adam;
import org.recausal.engine.recsys.EpochReport;
import org.recausal.engine.recsys.RecsysException;
import org.recausal.engine.recsys.TrainingListener;
import org.recausal.engine.task.CancellationToken;

/**
 * The bookkeeping both factorisations share around their epochs: starting from a saved state, timing each epoch,
 * validating it, and handing it to the listener with a state to resume from.
 */
final class EpochLoop {
    private final FactorModel model;
    private final MfConfig config;
    private final Adam adam;
    private final int firstEpoch;
    private final double elapsedBefore;
    private final long runStarted = System.nanoTime();
    private long epochStarted;

    /** Adam on the model's parameters; with {@code resume}, the parameters and Adam's state are set from it. */
    EpochLoop(FactorModel model, MfConfig config, MfState resume) {
        this.model = model;
        this.config = config;
        float[] p = model.params();
        this.adam = new Adam(p.length, config.learningRate(), 0.9f, 0.999f, 1e-8f);
        if (resume == null) {
            firstEpoch = 0;
            elapsedBefore = 0;
            return;
        }
        if (resume.params().length != p.length) {
            throw new RecsysException("the checkpoint does not match these settings and data (" + resume.params().length
                    + " parameters, expected " + p.length + ")");
        }
        MfConfig saved = resume.config();
        if (saved.lambda() != config.lambda() || saved.learningRate() != config.learningRate() || saved.seed() != config.seed()) {
            throw new RecsysException("the checkpoint was fit with lambda " + saved.lambda() + ", learning rate "
                    + saved.learningRate() + " and seed " + saved.seed() + "; resume it with those, not " + config.lambda()
                    + ", " + config.learningRate() + " and " + config.seed());
        }
        if (resume.epochsDone() > config.steps()) {
            throw new RecsysException("the checkpoint is past epoch " + resume.epochsDone() + " of a fit set to "
                    + config.steps());
        }
        System.arraycopy(resume.params(), 0, p, 0, p.length);
        adam.restore(resume.firstMoment(), resume.secondMoment(), resume.steps());
        firstEpoch = resume.epochsDone();
        elapsedBefore = resume.elapsedSeconds();
    }

    Adam adam() {
        return adam;
    }

    /** The first epoch (0-based) still to run. */
    int firstEpoch() {
        return firstEpoch;
    }

    void startEpoch() {
        epochStarted = System.nanoTime();
    }

    /** Validates epoch {@code epoch} (0-based) and reports it with its training loss. */
    void endEpoch(int epoch, int epochs, double loss, EpochValidation validation, TrainingListener<MfState> listener,
            CancellationToken cancel) {
        double seconds = (System.nanoTime() - epochStarted) / 1e9;
        float[] p = model.params(); // also drops the item vectors cached before this epoch's updates
        Map<String, Double> metrics = validation.after(epoch + 1, epochs, model, cancel);
        double elapsed = elapsedBefore + (System.nanoTime() - runStarted) / 1e9;
        float[][] moments = adam.moments();
        listener.epochDone(new EpochReport(epoch + 1, epochs, loss, seconds, elapsed, metrics),
                new MfState(p.clone(), moments[0].clone(), moments[1].clone(), adam.steps(), epoch + 1, elapsed,
                        config));
    }
}

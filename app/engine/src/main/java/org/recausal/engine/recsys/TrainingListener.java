package org.recausal.engine.recsys;

/**
 * Receives each finished epoch of a training run, on the training thread, with a checkpoint to resume from.
 * The checkpoint is a snapshot the listener may keep (training goes on with its own copies); handing it back to
 * the trainer continues exactly where it was taken. Cancel a run through its
 * {@link org.recausal.engine.task.CancellationToken}: the last checkpoint received is where to resume.
 * @param <S> the model's checkpoint type
 */
@FunctionalInterface
public interface TrainingListener<S> {
    void epochDone(EpochReport report, S checkpoint);
}

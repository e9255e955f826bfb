package org.recausal.desktop.data;

import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import org.recausal.desktop.task.TaskExecutor;
import org.recausal.engine.task.CancellationToken;
import org.recausal.engine.task.CancelledException;
import org.recausal.engine.task.ProgressListener;

/**
 * One slot for long data work (an import, a preview, a check): runs it off the UI thread with a fresh
 * {@link CancellationToken} and shows its progress in properties the UI binds to. Starting new work cancels the
 * work still running, whose outcome is then ignored, so the latest request always wins. The worker's progress is
 * coalesced: however fast it reports, at most one update waits on the UI thread.
 */
public final class ProgressTask {

    /** The work: reports progress and polls the token; its result or exception goes back to the UI thread. */
    @FunctionalInterface
    public interface Work<T> {
        T run(ProgressListener progress, CancellationToken cancel) throws Exception;
    }

    private record Update(long generation, double fraction, String message) {
    }

    private final TaskExecutor executor;
    private final Executor uiThread;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final AtomicReference<Update> pending = new AtomicReference<>();
    /** Counts starts (UI thread only), so the outcome of superseded work is recognised and dropped. */
    private long generation;
    private CancellationToken token = CancellationToken.none();

    /**
     * @param executor runs the work off the UI thread
     * @param uiThread runs progress updates on the UI thread ({@code Platform::runLater} in the app)
     */
    public ProgressTask(TaskExecutor executor, Executor uiThread) {
        this.executor = Objects.requireNonNull(executor, "executor");
        this.uiThread = Objects.requireNonNull(uiThread, "uiThread");
    }

    /**
     * Cancels any running work and starts {@code work}. Exactly one of the callbacks runs on the UI thread,
     * unless the work is superseded first: {@code onCancelled} when it stopped for {@link #cancel()}.
     */
    public <T> void start(String description, Work<T> work, Consumer<? super T> onSuccess,
            Consumer<? super Exception> onFailure, Runnable onCancelled) {
        token.cancel();
        long mine = ++generation;
        CancellationToken cancel = new CancellationToken();
        token = cancel;
        pending.set(null);
        progress.set(0);
        message.set(description);
        running.set(true);
        ProgressListener listener = (fraction, text) -> post(new Update(mine, fraction, text));
        executor.run(description, () -> work.run(listener, cancel), result -> {
            if (finish(mine)) {
                onSuccess.accept(result);
            }
        }, failure -> {
            if (!finish(mine)) {
                return;
            }
            if (failure instanceof CancelledException) {
                message.set("Cancelled");
                onCancelled.run();
            } else {
                onFailure.accept(failure);
            }
        });
    }

    /** Asks the running work to stop; it ends through {@code onCancelled} once it notices. */
    /** What to tell the analyst about a failed task: its message, or what it was when it has none. */
    public static String reason(Exception failure) {
        return failure.getMessage() == null ? failure.toString() : failure.getMessage();
    }

    public void cancel() {
        token.cancel();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public boolean isRunning() {
        return running.get();
    }

    /** Share of the work done, 0 to 1. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** True when the outcome belongs to the latest work (and the slot is now idle). */
    private boolean finish(long finished) {
        if (finished != generation) {
            return false;
        }
        pending.set(null);
        running.set(false);
        return true;
    }

    /** Runs on the worker: keeps only the newest update and schedules a hand-over when none is waiting. */
    private void post(Update update) {
        if (pending.getAndSet(update) == null) {
            uiThread.execute(() -> {
                Update latest = pending.getAndSet(null);
                if (latest != null && latest.generation() == generation && running.get()) {
                    progress.set(Math.max(0, Math.min(1, latest.fraction())));
                    message.set(latest.message());
                }
            });
        }
    }
}

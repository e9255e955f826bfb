package org.recausal.desktop.task;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs work off the UI thread and hands the outcome back on it. The app uses
 * {@link BackgroundTaskExecutor}; view-model tests run the work on the calling thread.
 */
public interface TaskExecutor {

    /**
     * Runs {@code work}, then exactly one of {@code onSuccess} or {@code onFailure} on the UI thread.
     *
     * @param description what is being done, e.g. "Opening shop.recausal", for thread names and logs
     */
    <T> void run(String description, Callable<T> work, Consumer<? super T> onSuccess,
            Consumer<? super Exception> onFailure);
}

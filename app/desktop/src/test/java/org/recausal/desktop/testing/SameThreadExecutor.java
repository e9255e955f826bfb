package org.recausal.desktop.testing;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

import org.recausal.desktop.task.TaskExecutor;

/** Runs the work at once on the calling thread, so view-model tests need no toolkit and no waiting. */
public final class SameThreadExecutor implements TaskExecutor {
    @Override
    public <T> void run(String description, Callable<T> work, Consumer<? super T> onSuccess,
            Consumer<? super Exception> onFailure) {
        T result;
        try {
            result = work.call();
        } catch (Exception e) {
            onFailure.accept(e);
            return;
        }
        onSuccess.accept(result);
    }
}

package org.recausal.desktop.task;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import javafx.application.Platform;

/**
 * Runs work on daemon worker threads and reports back through {@link Platform#runLater}. File work
 * runs on one thread so that two saves of the same project can never overlap.
 */
public final class BackgroundTaskExecutor implements TaskExecutor, AutoCloseable {
    private final ExecutorService workers;

    public BackgroundTaskExecutor() {
        AtomicInteger count = new AtomicInteger();
        ThreadFactory factory = work -> {
            Thread thread = new Thread(work, "recausal-task-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        workers = Executors.newSingleThreadExecutor(factory);
    }

    @Override
    public <T> void run(String description, Callable<T> work, Consumer<? super T> onSuccess,
            Consumer<? super Exception> onFailure) {
        workers.execute(() -> {
            String name = Thread.currentThread().getName();
            Thread.currentThread().setName(name + " (" + description + ")");
            try {
                T result = work.call();
                Platform.runLater(() -> onSuccess.accept(result));
            } catch (Exception e) {
                Platform.runLater(() -> onFailure.accept(e));
            } catch (Error e) {
                // Errors such as OutOfMemoryError must still release the UI's busy state.
                Platform.runLater(() -> onFailure.accept(new IllegalStateException(description + " failed: " + e, e)));
                throw e;
            } finally {
                Thread.currentThread().setName(name);
            }
        });
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}

package org.recausal.desktop.query;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

import org.recausal.desktop.task.TaskExecutor;

/**
 * A {@link TaskExecutor} whose tasks wait until the test runs them, in any order, and whose results wait
 * until the test delivers them: it stands for a worker thread that is slow or overtaken.
 */
final class QueuedExecutor implements TaskExecutor {

    /** One submitted task: its work, then its outcome once computed. */
    final class Task<T> {
        private final Callable<T> work;
        private final Consumer<? super T> onSuccess;
        private final Consumer<? super Exception> onFailure;
        private T result;
        private Exception failure;
        private boolean computed;

        private Task(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Exception> onFailure) {
            this.work = work;
            this.onSuccess = onSuccess;
            this.onFailure = onFailure;
        }

        /** Runs the work, as the worker thread would. */
        Task<T> compute() {
            try {
                result = work.call();
            } catch (Exception e) {
                failure = e;
            }
            computed = true;
            return this;
        }

        /** Hands the outcome to the UI side, as {@code Platform.runLater} would. */
        void deliver() {
            if (!computed) {
                compute();
            }
            if (failure != null) {
                onFailure.accept(failure);
            } else {
                onSuccess.accept(result);
            }
        }

        Exception failure() {
            return failure;
        }
    }

    private final List<Task<?>> tasks = new ArrayList<>();

    @Override
    public <T> void run(String description, Callable<T> work, Consumer<? super T> onSuccess,
            Consumer<? super Exception> onFailure) {
        tasks.add(new Task<>(work, onSuccess, onFailure));
    }

    List<Task<?>> tasks() {
        return tasks;
    }

    Task<?> last() {
        return tasks.getLast();
    }

    /** Computes and delivers every task in the order submitted. */
    void runAll() {
        List<Task<?>> pending = List.copyOf(tasks);
        tasks.clear();
        pending.forEach(Task::deliver);
    }
}

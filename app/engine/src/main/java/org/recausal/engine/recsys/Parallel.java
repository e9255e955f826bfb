package org.recausal.engine.recsys;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;

/**
 * Runs numbered tasks on a few threads. Each task writes only its own slot of the result, and callers combine
 * the slots in task order, so the outcome never depends on which thread ran what or when.
 */
public final class Parallel {
    private Parallel() {
    }

    /** The threads to use by default: every processor. */
    public static int defaultThreads() {
        return Runtime.getRuntime().availableProcessors();
    }

    public static void forEach(int tasks, int threads, IntConsumer task) {
        int workers = Math.max(1, Math.min(threads, tasks));
        if (workers == 1) {
            for (int t = 0; t < tasks; t++) {
                task.accept(t);
            }
            return;
        }
        AtomicInteger next = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Runnable worker = () -> {
            int t;
            while (failure.get() == null && (t = next.getAndIncrement()) < tasks) {
                try {
                    task.accept(t);
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            }
        };
        List<Thread> started = new ArrayList<>();
        for (int w = 1; w < workers; w++) {
            started.add(Thread.ofPlatform().daemon().name("recsys-worker-" + w).start(worker));
        }
        worker.run();
        for (Thread thread : started) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RecsysException("interrupted");
            }
        }
        Throwable e = failure.get();
        if (e instanceof RuntimeException r) {
            throw r;
        }
        if (e instanceof Error error) {
            throw error;
        }
        if (e != null) {
            throw new RecsysException(e.toString(), e);
        }
    }
}

package org.recausal.engine.explain;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

import org.recausal.engine.recsys.RecsysException;

/**
 * Runs numbered batches of re-scoring on the calling thread and a few long-lived daemon threads. The model keeps
 * its encoding buffers per thread (tens of megabytes for SASRec), so threads that live across the many batched
 * calls of an explanation build them once instead of once per call. Each batch writes only its own slots, so
 * results do not depend on the thread count. Idle threads end after a while, and their buffers with them.
 */
final class BatchRunner {
    private static final long IDLE_SECONDS = 30;

    private final int threads;
    private final ThreadPoolExecutor pool;

    BatchRunner(int threads) {
        this.threads = Math.max(1, threads);
        if (this.threads == 1) {
            pool = null;
            return;
        }
        AtomicInteger count = new AtomicInteger();
        pool = new ThreadPoolExecutor(this.threads - 1, this.threads - 1, IDLE_SECONDS, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), task -> Thread.ofPlatform().daemon()
                        .name("explain-worker-" + count.incrementAndGet()).unstarted(task));
        pool.allowCoreThreadTimeOut(true);
    }

    void forEach(int tasks, IntConsumer task) {
        int helpers = pool == null ? 0 : Math.min(threads - 1, tasks - 1);
        if (helpers <= 0) {
            for (int t = 0; t < tasks; t++) {
                task.accept(t);
            }
            return;
        }
        AtomicInteger next = new AtomicInteger();
        Runnable worker = () -> {
            int t;
            while ((t = next.getAndIncrement()) < tasks) {
                task.accept(t);
            }
        };
        List<Future<?>> started = new ArrayList<>();
        for (int h = 0; h < helpers; h++) {
            started.add(pool.submit(worker));
        }
        RuntimeException failure = null;
        try {
            worker.run();
        } catch (RuntimeException e) {
            next.set(tasks);
            failure = e;
        }
        for (Future<?> f : started) {
            try {
                f.get();
            } catch (ExecutionException e) {
                if (failure == null) {
                    failure = e.getCause() instanceof RuntimeException r ? r : new RecsysException(e.getCause().toString(), e.getCause());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RecsysException("interrupted");
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}

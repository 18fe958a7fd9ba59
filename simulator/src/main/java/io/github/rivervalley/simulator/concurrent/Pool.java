package io.github.rivervalley.simulator.concurrent;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A fixed number of daemon threads for independent tasks (engine blocks, sweep runs, report charts).
 * Results come back in task order, so callers stay deterministic whatever the thread count; a task's
 * unchecked exception or error is rethrown as it was. Daemon threads never keep the JVM alive.
 */
public final class Pool implements AutoCloseable {

    private final ExecutorService executor;
    private final String what;

    /** A pool of {@code threads} (at least 1) threads named {@code name}; {@code what} names the work in errors. */
    public Pool(int threads, String name, String what) {
        this.what = what;
        this.executor = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Runs every task and returns the results in task order. On a failure the first failing task (in task
     * order) decides what is thrown; tasks still running stop at {@link #close}.
     */
    public <T> List<T> all(List<? extends Callable<T>> tasks) {
        List<Future<T>> futures = new ArrayList<>();
        for (Callable<T> task : tasks) {
            futures.add(executor.submit(task));
        }
        try {
            List<T> results = new ArrayList<>(futures.size());
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(what + " interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(what + " failed: " + cause, cause);
        }
    }

    /** Stops the threads (interrupting any task still running). */
    @Override
    public void close() {
        executor.shutdownNow();
    }
}

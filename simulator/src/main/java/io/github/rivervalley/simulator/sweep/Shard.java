package io.github.rivervalley.simulator.sweep;

import io.github.rivervalley.simulator.spec.SpecException;

/**
 * One share of a sweep's runs, for N independent processes: shard {@code I/N} (0 <= I < N) owns the runs
 * whose index in the expansion order is congruent to I modulo N. The assignment depends only on the
 * sweep spec, never on which runs already finished, so re-running a shard after a crash runs the same
 * runs, and the N shards together cover every run exactly once.
 *
 * @param index this shard, 0-based
 * @param count number of shards
 */
public record Shard(int index, int count) {

    /** The whole sweep as one shard. */
    public static final Shard ALL = new Shard(0, 1);

    public Shard {
        if (count < 1 || index < 0 || index >= count) {
            throw new SpecException("--shard", index + "/" + count + " is not allowed; expected I/N with N >= 1 and 0 <= I < N"
                    + " (shards are numbered from 0: a Slurm array --array=0-" + Math.max(0, count - 1) + ")");
        }
    }

    /** Parses {@code I/N}. */
    public static Shard parse(String text) {
        String[] parts = text == null ? new String[0] : text.trim().split("/", -1);
        if (parts.length != 2 || !parts[0].matches("[0-9]{1,9}") || !parts[1].matches("[0-9]{1,9}")) {
            throw new SpecException("--shard", "'" + text + "' is not allowed; expected I/N, e.g. 0/4 for the first of four shards");
        }
        return new Shard(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
    }

    /** Whether this shard owns the run at {@code runIndex} in the expansion order. */
    public boolean owns(int runIndex) {
        return runIndex % count == index;
    }

    /** Whether this is the whole sweep. */
    public boolean isAll() {
        return count == 1;
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}

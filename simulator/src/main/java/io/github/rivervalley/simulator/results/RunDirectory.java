package io.github.rivervalley.simulator.results;

/**
 * The run-directory contract, named once: the files {@code rivervalley run} (and every sweep run) writes
 * into {@code <out>/<name>/}, each atomically, and every reader (resume, merge, report, study) finds;
 * then the files a sweep adds.
 * Their formats are in {@code docs/spec.md} and the README's "Running a simulation".
 */
public final class RunDirectory {

    /** One row per recorded step of every line (columns in {@code TraceColumns}). */
    public static final String TRACE = "trace.csv";
    /** Per line its final values, per checkpoint its values and compute ({@code RunSummary}). */
    public static final String SUMMARY = "summary.json";
    /** The run's spec with every default written out. */
    public static final String SPEC = "spec.yaml";

    /** In a sweep's run directory: why the run failed. */
    public static final String ERROR = "error.txt";
    /** In a sweep's run directory: the run's wall time. */
    public static final String TIMING = "timing.json";
    /** In a sweep directory: the sweep file it was started with. */
    public static final String SWEEP_SPEC = "sweep-spec.yaml";
    /** In a sweep directory: one row per run and checkpoint. */
    public static final String SWEEP_CSV = "sweep.csv";
    /** In a sweep directory: every run with its status and reason. */
    public static final String SWEEP_JSON = "sweep.json";

    private RunDirectory() {
    }
}

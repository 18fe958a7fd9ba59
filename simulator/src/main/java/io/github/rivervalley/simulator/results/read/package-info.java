/**
 * Reading what runs leave behind: a run directory ({@code trace.csv}, {@code summary.json},
 * {@code spec.yaml}) becomes an immutable {@link io.github.rivervalley.simulator.results.read.RecordedRun} whose traces
 * are columnar and already downsampled. The reader streams: however long a trace is, it keeps a bounded
 * number of buckets per line, each with the minimum, maximum and mean of every column, so that a
 * ten-million-step run fits in a few megabytes and its oscillation amplitude stays visible in charts.
 *
 * <p>One downsampling core ({@code LineBuckets}) has two feeders: the CSV reader
 * ({@link io.github.rivervalley.simulator.results.read.TraceReader}) and, for runs still in memory, the
 * {@link io.github.rivervalley.simulator.results.read.Downsampler}, a step observer the engine can feed
 * directly; both give the same traces to the bit, so nothing is written as CSV to be read back in the same
 * process. {@link io.github.rivervalley.simulator.results.read.Runs} finds run directories and builds a
 * {@code RecordedRun} from files or from memory, binding the run's {@code spec.yaml} once to the typed run
 * spec: its schedule gives the run's family and, with the trace's {@code phase} column, its phases
 * (never guessed from the learning rate).
 */
package io.github.rivervalley.simulator.results.read;

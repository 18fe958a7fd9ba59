/**
 * Reading what runs leave behind: a run directory ({@code trace.csv}, {@code summary.json},
 * {@code spec.yaml}) becomes an immutable {@link io.github.rivervalley.reports.trace.RecordedRun} whose traces
 * are columnar and already downsampled. The reader streams: however long a trace is, it keeps a bounded
 * number of buckets per line, each with the minimum, maximum and mean of every column, so that a
 * ten-million-step run fits in a few megabytes and its oscillation amplitude stays visible in charts.
 * The run's {@code spec.yaml} is bound once to the typed run spec; its schedule gives the run's family and,
 * with the trace's {@code phase} column, its phases (never guessed from the learning rate).
 */
package io.github.rivervalley.reports.trace;

/**
 * Reading what runs leave behind: a run directory ({@code trace.csv}, {@code summary.json},
 * {@code spec.yaml}) becomes an immutable {@link io.github.rivervalley.simulator.results.read.RecordedRun} whose traces
 * are columnar and already downsampled. The reader streams: however long a trace is, it keeps a bounded
 * number of buckets per line, each with the minimum, maximum and mean of every column, so that a
 * ten-million-step run fits in a few megabytes and its oscillation amplitude stays visible in charts.
 */
package io.github.rivervalley.simulator.results.read;

/**
 * Where results live: the whole run-directory contract, writer and reader, in one place.
 *
 * <ul>
 *   <li>File names: {@link io.github.rivervalley.simulator.results.RunDirectory}, defined once for every writer
 *       and reader; {@link io.github.rivervalley.simulator.results.RunFiles} checks that a directory holds a
 *       complete run.</li>
 *   <li>Rows: {@link io.github.rivervalley.simulator.results.TraceField} is the one definition of the fields every
 *       row starts with (position, column name, slot in the engine's measurement vector, decomposer measure);
 *       {@link io.github.rivervalley.simulator.results.TraceLayout} places the optional columns after them and
 *       {@link io.github.rivervalley.simulator.results.TraceColumns} names every column of {@code trace.csv}.</li>
 *   <li>Writing: the engine hands rows to {@link io.github.rivervalley.simulator.results.StepObserver}s: the
 *       streaming {@link io.github.rivervalley.simulator.results.CsvTraceWriter}, the in-memory
 *       {@link io.github.rivervalley.simulator.results.TraceRecorder} (a
 *       {@link io.github.rivervalley.simulator.results.Trace}), or the reader's downsampler.</li>
 *   <li>{@code summary.json}: the {@link io.github.rivervalley.simulator.results.RunSummary} record, written and
 *       read (checked, typed) by {@link io.github.rivervalley.simulator.results.SummaryFile} only.</li>
 *   <li>Reading back: the {@code read} subpackage.</li>
 * </ul>
 */
package io.github.rivervalley.simulator.results;

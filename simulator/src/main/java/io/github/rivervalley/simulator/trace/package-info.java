/**
 * What a run leaves behind: the {@code trace.csv} column contract and the {@code summary.json} record.
 * Writers (the simulator) and readers (reports, sweeps, notebooks) meet here and nowhere else.
 */
package io.github.rivervalley.simulator.trace;

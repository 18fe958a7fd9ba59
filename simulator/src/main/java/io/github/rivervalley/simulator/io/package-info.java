/**
 * Output that is never half-written: files ({@link io.github.rivervalley.simulator.io.AtomicFile}) and whole
 * directories ({@link io.github.rivervalley.simulator.io.StagedDirectory}) are written to a temporary sibling
 * and renamed into place, so a reader (or a resumed batch) sees either nothing, the earlier version or the
 * complete new one. Also the one CSV quoting rule ({@link io.github.rivervalley.simulator.io.Csv}) and
 * I/O error descriptions with the system's reason ({@link io.github.rivervalley.simulator.io.IoErrors}).
 */
package io.github.rivervalley.simulator.io;

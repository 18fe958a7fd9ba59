/**
 * Output that is never half-written: files are written to a temporary sibling and renamed into place,
 * so a reader (or a resumed batch) sees either nothing or the complete file.
 */
package io.github.rivervalley.simulator.io;

package io.github.rivervalley.reports.cli;

import io.github.rivervalley.simulator.io.AtomicFile;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The {@code --out FILE} option of the commands that print a CSV (a picocli {@code @Mixin}): the CSV goes
 * to standard output, or to FILE written atomically (whole or not at all).
 */
final class CsvOutput {

    /** Writes a whole CSV to {@code out}. */
    @FunctionalInterface
    interface Body {
        void writeTo(Writer out) throws IOException;
    }

    @Option(names = "--out", paramLabel = "FILE", description = "write the CSV to FILE (atomically) instead of standard output")
    Path file;

    /** Writes the CSV {@code body} produces to FILE, or to {@code stdout} when no --out was given. */
    void write(PrintWriter stdout, Body body) throws IOException {
        if (file == null) {
            Writer writer = new BufferedWriter(stdout, 1 << 16);
            body.writeTo(writer);
            writer.flush();
        } else {
            try (AtomicFile atomic = AtomicFile.begin(file); Writer writer = atomic.writer()) {
                body.writeTo(writer);
                writer.flush();
                atomic.commit();
            }
        }
    }
}

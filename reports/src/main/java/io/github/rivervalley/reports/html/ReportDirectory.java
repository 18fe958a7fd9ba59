package io.github.rivervalley.reports.html;

import io.github.rivervalley.landscapes.check.InvalidValueException;
import io.github.rivervalley.simulator.io.StagedDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The directory a report is written to, and the rules for replacing it.
 *
 * <p>A report is built in a hidden sibling and swapped in whole ({@link StagedDirectory}, which also removes
 * what a killed report left), so the target must be new, empty, or an earlier report: one holding the
 * {@link #MARKER} file that every report writes. Any other directory is refused (replacing it would
 * delete the user's files).
 */
final class ReportDirectory {

    /** The file that marks a directory as a report written by {@code rivervalley report}. */
    static final String MARKER = ".rivervalley-report";

    private final Path target;

    /** The report directory {@code out}, checked against the runs directory it reports on. */
    ReportDirectory(Path runsDirectory, Path out) {
        this.target = out.toAbsolutePath().normalize();
        checkReplaceable(runsDirectory.toAbsolutePath().normalize());
    }

    Path target() {
        return target;
    }

    /**
     * A fresh staging directory for the report, holding the marker, after removing those left by processes
     * that are gone; commit it to swap it in.
     */
    StagedDirectory stage() throws IOException {
        StagedDirectory staged = StagedDirectory.begin(target);
        try {
            Files.writeString(staged.path().resolve(MARKER), "written by rivervalley report; this directory is replaced by the next report\n",
                    StandardCharsets.UTF_8);
            return staged;
        } catch (IOException e) {
            staged.close();
            throw e;
        }
    }

    private void checkReplaceable(Path runs) {
        if (runs.startsWith(target)) {
            throw new InvalidValueException("--out", target, "a directory that does not contain the runs (" + runs + "), e.g. " + runs.resolve("report"));
        }
        if (Files.exists(target) && !Files.isDirectory(target)) {
            throw new InvalidValueException("--out", target, "a directory (it is a file)");
        }
        if (Files.isDirectory(target) && !Files.isRegularFile(target.resolve(MARKER))) {
            try (Stream<Path> entries = Files.list(target)) {
                if (entries.findAny().isPresent()) {
                    throw new InvalidValueException("--out", target, "a new or empty directory, or an earlier report (holding "
                            + MARKER + "); this directory holds other files, which replacing it would delete");
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + target, e);
            }
        }
    }
}

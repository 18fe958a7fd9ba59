package io.github.rivervalley.reports.report;

import io.github.rivervalley.landscapes.check.InvalidValueException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The directory a report is written to, and the rules for replacing it.
 *
 * <p>A report is built in a hidden sibling {@code .<name>.tmp-<pid>} and swapped in whole, so the target
 * must be new, empty, or an earlier report: one holding the {@link #MARKER} file that every report writes.
 * Any other directory is refused (replacing it would delete the user's files). Staging and set-aside
 * directories left by a killed report ({@code .<name>.tmp-<pid>}, {@code .<name>.old-<pid>} of a process
 * that no longer runs) are removed by the next report into the same place.
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

    /** A fresh staging directory for this process, after removing those of processes that are gone. */
    Path stage() throws IOException {
        cleanStale();
        Path staging = sibling("tmp", ProcessHandle.current().pid());
        deleteTree(staging);
        Files.createDirectories(staging);
        Files.writeString(staging.resolve(MARKER), "written by rivervalley report; this directory is replaced by the next report\n",
                StandardCharsets.UTF_8);
        return staging;
    }

    /** Replaces the target by {@code staging}: the old report is moved aside first, then deleted. */
    void swap(Path staging) throws IOException {
        Path old = sibling("old", ProcessHandle.current().pid());
        deleteTree(old);
        if (Files.exists(target)) {
            Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        deleteTree(old);
    }

    /** Removes the staging directory (nothing once it was swapped in). */
    void abandon(Path staging) {
        deleteTree(staging);
    }

    private Path sibling(String kind, long pid) {
        return target.resolveSibling("." + target.getFileName() + "." + kind + "-" + pid);
    }

    /** Removes {@code .<name>.tmp-<pid>} and {@code .<name>.old-<pid>} directories of processes that are not running. */
    private void cleanStale() throws IOException {
        Path parent = target.getParent();
        Files.createDirectories(parent);
        Pattern pattern = Pattern.compile(Pattern.quote("." + target.getFileName() + ".") + "(tmp|old)-(\\d{1,18})");
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(parent)) {
            for (Path entry : entries) {
                Matcher m = pattern.matcher(entry.getFileName().toString());
                if (m.matches() && Files.isDirectory(entry) && ProcessHandle.of(Long.parseLong(m.group(2))).isEmpty()) {
                    deleteTree(entry);
                }
            }
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

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }
}

package io.github.rivervalley.simulator.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A directory written as a whole: its files go to a hidden sibling {@code .<name>.tmp-<pid>}, which
 * {@link #commit()} swaps in (the old directory is renamed to {@code .<name>.old-<pid>} first, then
 * deleted). Readers see the old directory, nothing (for an instant, or after a kill between the two
 * renames), or the new one complete; never a mixture. Siblings left by a killed process (whose pid no
 * longer runs) are removed when the same directory is staged again.
 */
public final class StagedDirectory implements AutoCloseable {

    private final Path target;
    private final Path staging;
    private boolean committed;

    private StagedDirectory(Path target) throws IOException {
        this.target = target.toAbsolutePath().normalize();
        Files.createDirectories(this.target.getParent());
        removeStale(this.target);
        this.staging = sibling(this.target, "tmp", ProcessHandle.current().pid());
        deleteTree(staging);
        Files.createDirectories(staging);
    }

    /** Starts staging {@code target}: an empty staging directory, after removing stale ones. */
    public static StagedDirectory begin(Path target) {
        try {
            return new StagedDirectory(target);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a staging directory next to " + target, e);
        }
    }

    /** The directory to write into. */
    public Path path() {
        return staging;
    }

    /** The directory that {@link #commit()} replaces. */
    public Path target() {
        return target;
    }

    /** Swaps the staged directory in for the target. */
    public void commit() {
        Path old = sibling(target, "old", ProcessHandle.current().pid());
        try {
            deleteTree(old);
            if (Files.exists(target)) {
                Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            committed = true;
            deleteTree(old);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move " + staging + " to " + target, e);
        }
    }

    /** Removes the staging directory unless it was committed. */
    @Override
    public void close() {
        if (!committed) {
            try {
                deleteTree(staging);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot remove " + staging, e);
            }
        }
    }

    private static Path sibling(Path target, String kind, long pid) {
        return target.resolveSibling("." + target.getFileName() + "." + kind + "-" + pid);
    }

    /** Removes {@code .<name>.tmp-<pid>} and {@code .<name>.old-<pid>} directories of processes that no longer run. */
    private static void removeStale(Path target) throws IOException {
        Pattern pattern = Pattern.compile(Pattern.quote("." + target.getFileName() + ".") + "(tmp|old)-(\\d{1,18})");
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(target.getParent(), "." + target.getFileName() + ".*")) {
            for (Path entry : entries) {
                Matcher m = pattern.matcher(entry.getFileName().toString());
                if (m.matches() && Files.isDirectory(entry) && ProcessHandle.of(Long.parseLong(m.group(2))).isEmpty()) {
                    deleteTree(entry);
                }
            }
        }
    }

    /** Deletes a directory and everything in it (nothing when it does not exist). */
    public static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }
}

package io.github.rivervalley.simulator.iterate;

import io.github.rivervalley.simulator.io.AtomicFile;
import io.github.rivervalley.simulator.observe.IterateObserver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The iterates of a run directory, {@code DIR/iterates/<line>@<step>.<kind>.f64}: the point's coordinates as
 * raw little-endian IEEE doubles (8 bytes each, exact, the smallest lossless form), kind {@code mean} (the
 * replica mean) or {@code replica0}. Written by {@code rivervalley run} for the steps in
 * {@code record.iterates}, each file atomically, as the run reaches them.
 */
public final class IterateFiles implements IterateObserver {

    /** The subdirectory of a run directory that holds the iterates. */
    public static final String DIRECTORY = "iterates";

    /** Which point of the replicas. */
    public enum Kind {
        /** The mean over the replicas that have not diverged. */
        MEAN("mean"),
        /** Replica 0's own point. */
        REPLICA0("replica0");

        private final String text;

        Kind(String text) {
            this.text = text;
        }

        /** The kind's name in file names and on the command line. */
        public String text() {
            return text;
        }
    }

    private final Path runDir;

    /** A writer into {@code runDir/iterates/}. */
    public IterateFiles(Path runDir) {
        this.runDir = runDir;
    }

    /** The file of one iterate. */
    public static Path file(Path runDir, String line, long step, Kind kind) {
        return runDir.resolve(DIRECTORY).resolve(String.format(Locale.ROOT, "%s@%d.%s.f64", line, step, kind.text()));
    }

    @Override
    public void handleIterates(String line, long step, double[] replica0, double[] mean, int alive) {
        if (mean != null) {
            AtomicFile.writeBytes(file(runDir, line, step, Kind.MEAN), bytes(mean));
        }
        if (replica0 != null) {
            AtomicFile.writeBytes(file(runDir, line, step, Kind.REPLICA0), bytes(replica0));
        }
    }

    private static byte[] bytes(double[] x) {
        ByteBuffer buffer = ByteBuffer.allocate(8 * x.length).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asDoubleBuffer().put(x);
        return buffer.array();
    }

    /**
     * Reads one stored iterate.
     *
     * @throws IllegalArgumentException naming the point when it was not stored (not in {@code record.iterates},
     *     not on that line, or every replica had diverged)
     */
    public static double[] read(Path runDir, String line, long step, Kind kind) {
        Path file = file(runDir, line, step, kind);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(line + "@" + step + " (" + kind.text() + ") is not stored in " + runDir
                    + "; expected a step listed in the run's record.iterates on a line that reaches it (" + file.getFileName() + ")");
        }
        try {
            byte[] bytes = Files.readAllBytes(file);
            double[] x = new double[bytes.length / 8];
            ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer().get(x);
            return x;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}

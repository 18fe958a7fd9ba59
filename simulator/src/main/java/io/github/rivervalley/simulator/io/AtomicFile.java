package io.github.rivervalley.simulator.io;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes a file so that readers only ever see nothing or the complete file: the content goes to a
 * temporary file in the same directory, is flushed to disk, and is then renamed over the target.
 * The temporary file is hidden ({@code .<name>.tmp}), so an interrupted write never leaves a visible
 * partial file beside the complete ones; the next write of the same target replaces it.
 *
 * <p>Without {@code sync} the content is not forced to the disk before the rename: the file is still
 * all-or-nothing for a killed process or a full disk (the kernel keeps what was written), but not for a
 * power loss. A sweep writes its runs so, because its resume checks every run's files and redoes damaged
 * ones, and a disk flush costs 4 to 20 ms here, more than a short run's computation.
 */
public final class AtomicFile implements AutoCloseable {

    private final Path target;
    private final Path temporary;
    private final FileChannel channel;
    private final OutputStream stream;
    private final boolean sync;
    private boolean committed;

    private AtomicFile(Path target, boolean sync) throws IOException {
        this.target = target.toAbsolutePath();
        this.sync = sync;
        Files.createDirectories(this.target.getParent());
        this.temporary = this.target.resolveSibling("." + this.target.getFileName() + ".tmp");
        this.channel = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
        this.stream = Channels.newOutputStream(channel);
    }

    /** Starts writing {@code target}; call {@link #commit()} when done, or {@link #close()} to abandon. */
    public static AtomicFile begin(Path target) {
        return begin(target, true);
    }

    /** The same, forcing the content to the disk before the rename only when {@code sync} (see above). */
    public static AtomicFile begin(Path target, boolean sync) {
        try {
            return new AtomicFile(target, sync);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }

    /** Writes {@code text} (UTF-8) to {@code target} atomically. */
    public static void writeString(Path target, String text) {
        writeString(target, text, true);
    }

    /** The same, forcing the content to the disk only when {@code sync}. */
    public static void writeString(Path target, String text, boolean sync) {
        writeBytes(target, text.getBytes(StandardCharsets.UTF_8), sync);
    }

    /** Writes {@code bytes} to {@code target} atomically. */
    public static void writeBytes(Path target, byte[] bytes) {
        writeBytes(target, bytes, true);
    }

    /** The same, forcing the content to the disk only when {@code sync}. */
    public static void writeBytes(Path target, byte[] bytes, boolean sync) {
        try (AtomicFile file = begin(target, sync)) {
            file.stream().write(bytes);
            file.commit();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }

    /** The stream to write the content to. */
    public OutputStream stream() {
        return stream;
    }

    /** A buffered UTF-8 writer over {@link #stream()}; closing it does not commit. */
    public Writer writer() {
        return new BufferedWriter(new OutputStreamWriter(new NonClosing(stream), StandardCharsets.UTF_8), 1 << 16);
    }

    /** Flushes, syncs (when asked) and renames the temporary file onto the target. */
    public void commit() {
        try {
            stream.flush();
            if (sync) {
                channel.force(true);
            }
            stream.close();
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
            committed = true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }

    /** Abandons the write unless it was committed: the target is left as it was. */
    @Override
    public void close() {
        if (committed) {
            return;
        }
        try {
            stream.close();
            Files.deleteIfExists(temporary);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clean up " + temporary, e);
        }
    }

    /** Lets a writer be closed (flushing it) without closing the file underneath. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}

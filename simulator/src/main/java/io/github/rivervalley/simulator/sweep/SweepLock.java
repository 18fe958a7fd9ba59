package io.github.rivervalley.simulator.sweep;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * OS file locks that keep two processes from working on the same runs of a sweep directory at once.
 *
 * <p>{@code DIR/.sweep.lock} is locked exclusively by an unsharded sweep and by a merge, and shared by
 * every shard process; a shard also locks {@code DIR/.sweep-shard-I-of-N.lock} exclusively. So shards of
 * one sweep run side by side, while a second process on the same runs (the whole sweep twice, the same
 * shard twice, a merge during a sweep) stops at once with {@link DirectoryBusyException}. The locks are
 * the operating system's ({@link FileChannel#tryLock}): they vanish with the process, even after
 * {@code kill -9}, so nothing stale is ever left to clean up. On a file system without locking the
 * lock is {@link #held() not held} and the caller says so.
 */
public final class SweepLock implements AutoCloseable {

    static final String FILE = ".sweep.lock";

    private final List<FileChannel> channels = new ArrayList<>();
    private final String unsupported;

    private SweepLock(String unsupported) {
        this.unsupported = unsupported;
    }

    /** Locks {@code dir} for the whole sweep or a merge (exclusive). */
    public static SweepLock exclusive(Path dir) {
        return acquire(dir, Shard.ALL);
    }

    /** Locks {@code dir} for {@code shard}: exclusive for the whole sweep, else shared plus the shard's own lock. */
    public static SweepLock acquire(Path dir, Shard shard) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
        SweepLock lock = new SweepLock(null);
        try {
            lock.take(dir.resolve(FILE), !shard.isAll(), shard.isAll() ? "a sweep, shard or merge" : "a whole sweep or a merge");
            if (!shard.isAll()) {
                lock.take(dir.resolve(".sweep-shard-" + shard.index() + "-of-" + shard.count() + ".lock"), false, "shard " + shard);
            }
            return lock;
        } catch (DirectoryBusyException e) {
            lock.close();
            throw e;
        } catch (IOException | UnsupportedOperationException e) {
            lock.close();
            return new SweepLock(dir + " cannot be locked (" + e.getMessage() + "); do not run two sweeps on it at once");
        }
    }

    private void take(Path file, boolean shared, String holders) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        channels.add(channel);
        FileLock taken;
        try {
            taken = channel.tryLock(0, Long.MAX_VALUE, shared);
        } catch (OverlappingFileLockException e) {
            taken = null; // held by this very process (another sweep started from the same JVM)
        }
        if (taken == null) {
            // An exclusive holder wrote its process id; shared holders (shards) do not write the file.
            String holder = shared || heldExclusively(channel) ? new String(Files.readAllBytes(file), StandardCharsets.UTF_8).strip() : "";
            throw new DirectoryBusyException(file.getParent() + " is in use by another rivervalley process"
                    + (holder.isEmpty() ? "" : " (" + holder + ")") + ": " + holders + " holds the lock " + file.getFileName()
                    + "; wait for it to end, or use another --out");
        }
        if (!shared) {
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(("process " + ProcessHandle.current().pid()).getBytes(StandardCharsets.UTF_8)), 0);
        }
    }

    /** Whether another process holds the lock exclusively (not just shared by shards). */
    private static boolean heldExclusively(FileChannel channel) throws IOException {
        try (FileLock probe = channel.tryLock(0, Long.MAX_VALUE, true)) {
            return probe == null;
        } catch (OverlappingFileLockException e) {
            return true;
        }
    }

    /** Whether the lock is held; false on a file system without locking (see {@link #note()}). */
    public boolean held() {
        return unsupported == null;
    }

    /** Why the directory is not locked, or null when it is. */
    public String note() {
        return unsupported;
    }

    /** Releases the locks (closing a channel releases its lock). */
    @Override
    public void close() {
        for (FileChannel channel : channels) {
            try {
                channel.close();
            } catch (IOException e) {
                // Closing cannot fail in a way that keeps the lock: the OS drops it with the descriptor.
            }
        }
        channels.clear();
    }

    /** Another process holds the lock on a sweep directory. */
    public static final class DirectoryBusyException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        DirectoryBusyException(String message) {
            super(message);
        }
    }
}

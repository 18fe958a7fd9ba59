package io.github.rivervalley.simulator.io;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * Tells failures of the machine (I/O: a full disk, a file-size limit, a vanished directory) apart from
 * failures of a run itself, and describes them with the system's reason ("No space left on device").
 */
public final class IoErrors {

    private IoErrors() {
    }

    /** Whether {@code e} or one of its causes is an I/O error. */
    public static boolean involvesIo(Throwable e) {
        return io(e) != null;
    }

    /**
     * The message of {@code e} followed by the system's reason when the message does not already hold it,
     * e.g. {@code cannot write d/run/trace.csv: No space left on device}.
     */
    public static String describe(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        IOException io = io(e);
        if (io == null) {
            return message;
        }
        String reason = reason(io);
        return reason == null || message.contains(reason) ? message : message + ": " + reason;
    }

    /** The system's reason for {@code e}, without the file name (which the caller's message names). */
    public static String reason(IOException e) {
        if (e instanceof FileSystemException fs) {
            if (fs.getReason() != null) {
                return fs.getReason();
            }
            if (e instanceof NoSuchFileException) {
                return "No such file or directory";
            }
            if (e instanceof AccessDeniedException) {
                return "Permission denied";
            }
            if (e instanceof FileAlreadyExistsException) {
                return "File exists";
            }
            if (e instanceof DirectoryNotEmptyException) {
                return "Directory not empty";
            }
            if (e instanceof NotDirectoryException) {
                return "Not a directory";
            }
            return e.getClass().getSimpleName();
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    /** The deepest I/O error in the chain: wrappers (ImageIO's "I/O error writing PNG file!") come first. */
    private static IOException io(Throwable e) {
        IOException deepest = null;
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof IOException io) {
                deepest = io;
            }
        }
        return deepest;
    }
}

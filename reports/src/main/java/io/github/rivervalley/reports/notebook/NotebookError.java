package io.github.rivervalley.reports.notebook;

import java.util.function.Supplier;

/**
 * A notebook call that failed, for a person at a jshell prompt: the message names the call and what was
 * wrong, and there is no stack trace (jshell prints an exception's frames, which say nothing to a notebook
 * user), so the failure reads as one line.
 */
public final class NotebookError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    NotebookError(String message) {
        super(message, null, false, false);
    }

    /** Runs {@code body}; a failure becomes a {@link NotebookError} naming {@code call}. */
    static <T> T readable(String call, Supplier<T> body) {
        try {
            return body.get();
        } catch (NotebookError e) {
            throw e;
        } catch (RuntimeException e) {
            throw new NotebookError(call + ": " + (e.getMessage() == null ? e.toString() : e.getMessage()));
        }
    }
}

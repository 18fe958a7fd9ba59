package io.github.rivervalley.simulator.results.read;

/** A run file that cannot be read as the trace contract describes; the message names file, line and problem. */
public final class TraceFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public TraceFormatException(String message) {
        super(message);
    }

    public TraceFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}

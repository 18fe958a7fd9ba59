package io.github.rivervalley.simulator.spec;

/**
 * A spec the simulator cannot run. The message is meant for the user as it is: it names the field
 * (as a dotted path in the spec), the bad value and what is allowed. The command line prints it and
 * exits with status 2 before anything is written.
 */
public class SpecException extends RuntimeException {

    private final String field;

    public SpecException(String field, String message) {
        super(field == null || field.isEmpty() ? message : field + ": " + message);
        this.field = field == null ? "" : field;
    }

    public SpecException(String field, String message, Throwable cause) {
        super(field == null || field.isEmpty() ? message : field + ": " + message, cause);
        this.field = field == null ? "" : field;
    }

    /** The dotted path of the offending field, or empty for a whole-file problem. */
    public String field() {
        return field;
    }
}

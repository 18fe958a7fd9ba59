package io.github.rivervalley.landscapes.check;

/**
 * A value that a field does not allow. The message always names the field, the value and what is
 * allowed, so that the command line can show it to the user as it is. Spec readers prefix the field
 * with its path in the spec ({@code landscape.hillCurvature}).
 */
public class InvalidValueException extends IllegalArgumentException {

    private final String field;
    private final String value;
    private final String allowed;

    public InvalidValueException(String field, Object value, String allowed) {
        super(format(field, String.valueOf(value), allowed));
        this.field = field;
        this.value = String.valueOf(value);
        this.allowed = allowed;
    }

    /** The field name (possibly a dotted path). */
    public String field() {
        return field;
    }

    /** The offending value as text. */
    public String value() {
        return value;
    }

    /** What the field allows, as a phrase ("a number in [0, 1]"). */
    public String allowed() {
        return allowed;
    }

    /** The message without the leading {@code field: }: what is wrong with the value. */
    public String reason() {
        return getMessage().substring(field.length() + 2);
    }

    /** The same error with {@code prefix.} in front of the field name. */
    public InvalidValueException under(String prefix) {
        if (prefix == null || prefix.isEmpty()) {
            return this;
        }
        return new InvalidValueException(prefix + "." + field, value, allowed);
    }

    /** The value text that marks an absent field ("missing" in messages). */
    public static final String MISSING = "nothing";

    private static String format(String field, String value, String allowed) {
        if (MISSING.equals(value)) {
            return field + ": missing; expected " + allowed;
        }
        return field + ": " + value + " is not allowed; expected " + allowed;
    }
}

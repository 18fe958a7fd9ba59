package io.github.rivervalley.landscapes.check;

import java.util.List;

/**
 * Argument checks for validated values (records' compact constructors). Each check returns its
 * argument so it can be used inline, and throws an {@link InvalidValueException} that names the field.
 */
public final class Check {

    private Check() {
    }

    /** {@code value} must be finite. */
    public static double finite(String field, double value) {
        if (!Double.isFinite(value)) {
            throw new InvalidValueException(field, value, "a finite number");
        }
        return value;
    }

    /** {@code value > 0} and finite. */
    public static double positive(String field, double value) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new InvalidValueException(field, value, "a finite number > 0");
        }
        return value;
    }

    /** {@code value >= 0} and finite. */
    public static double nonNegative(String field, double value) {
        if (!(value >= 0) || !Double.isFinite(value)) {
            throw new InvalidValueException(field, value, "a finite number >= 0");
        }
        return value;
    }

    /** {@code value > 0}. */
    public static long positive(String field, long value) {
        if (value <= 0) {
            throw new InvalidValueException(field, value, "a whole number > 0");
        }
        return value;
    }

    /** {@code value >= 0}. */
    public static long nonNegative(String field, long value) {
        if (value < 0) {
            throw new InvalidValueException(field, value, "a whole number >= 0");
        }
        return value;
    }

    /** {@code value > 0}. */
    public static int positive(String field, int value) {
        positive(field, (long) value);
        return value;
    }

    /** {@code lo <= value <= hi}. */
    public static double inClosedRange(String field, double value, double lo, double hi) {
        if (!(value >= lo && value <= hi)) {
            throw new InvalidValueException(field, value, "a number in [" + lo + ", " + hi + "]");
        }
        return value;
    }

    /** {@code lo <= value < hi}. */
    public static double inHalfOpenRange(String field, double value, double lo, double hi) {
        if (!(value >= lo && value < hi)) {
            throw new InvalidValueException(field, value, "a number in [" + lo + ", " + hi + ")");
        }
        return value;
    }

    /** {@code lo <= value <= hi}. */
    public static long inClosedRange(String field, long value, long lo, long hi) {
        if (value < lo || value > hi) {
            throw new InvalidValueException(field, value, "a whole number in [" + lo + ", " + hi + "]");
        }
        return value;
    }

    /** {@code value} must not be null. */
    public static <T> T present(String field, T value) {
        if (value == null) {
            throw new InvalidValueException(field, "nothing", "a value (this field is required)");
        }
        return value;
    }

    /** One of the number checks above, as a value: {@code Check::positive}, {@code Check::nonNegative}. */
    @FunctionalInterface
    public interface NumberCheck {
        /** Returns {@code value}, or throws an {@link InvalidValueException} naming {@code field}. */
        double check(String field, double value);
    }

    /**
     * A field that takes one number or a non-empty list of them (one per hill, say), each passing
     * {@code each}; an element is named {@code field[i]} when there are several. Returns an unmodifiable copy.
     */
    public static List<Double> oneOrMore(String field, List<Double> values, String allowed, NumberCheck each) {
        present(field, values);
        if (values.isEmpty()) {
            throw new InvalidValueException(field, "[]", allowed);
        }
        for (int i = 0; i < values.size(); i++) {
            String element = values.size() == 1 ? field : field + "[" + i + "]";
            each.check(element, present(element, values.get(i)));
        }
        return List.copyOf(values);
    }

    /** A point must have the landscape's dimension and finite coordinates. */
    public static double[] point(String field, double[] x, int dimension) {
        present(field, x);
        if (x.length != dimension) {
            throw new InvalidValueException(field, "a list of " + x.length + " numbers",
                    "a list of " + dimension + " numbers (the landscape's dimension)");
        }
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i])) { // the entry's name is built only for the error (a bigram table has V^2 entries)
                finite(field + "[" + i + "]", x[i]);
            }
        }
        return x;
    }
}

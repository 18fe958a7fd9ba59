package io.github.rivervalley.simulator.fit;

import io.github.rivervalley.landscapes.check.Check;
import io.github.rivervalley.landscapes.check.InvalidValueException;

/**
 * One fitted parameter of a law: its name, what it means, its valid range and where seeded starts are
 * drawn from. Positive parameters are fitted in log coordinates ({@code logScale}), which keeps them
 * positive and makes Levenberg-Marquardt steps relative.
 *
 * @param name short name used in output ({@code L0}, {@code alpha}, ...)
 * @param meaning one line saying what the value means
 * @param min smallest valid value
 * @param max largest valid value
 * @param logScale whether the parameter is fitted as its logarithm (then {@code min > 0})
 * @param startLo lower end of the range starts are drawn from
 * @param startHi upper end of that range
 */
public record Parameter(String name, String meaning, double min, double max, boolean logScale, double startLo, double startHi) {

    public Parameter {
        Check.present("name", name);
        Check.present("meaning", meaning);
        if (!(min < max) || (logScale && !(min > 0))) {
            throw new InvalidValueException(name + ".min", min, "below max (" + max + ") and > 0 on a log scale");
        }
        if (!(startLo >= min && startHi <= max && startLo <= startHi)) {
            throw new InvalidValueException(name + ".start", "[" + startLo + ", " + startHi + "]", "a range inside [" + min + ", " + max + "]");
        }
    }

    /** The internal (fitted) coordinate of {@code value}. */
    double toInternal(double value) {
        return logScale ? Math.log(value) : value;
    }

    /** The value of internal coordinate {@code u}. */
    double fromInternal(double u) {
        return logScale ? Math.exp(u) : u;
    }

    /** {@code d value / d u} at {@code value}. */
    double slope(double value) {
        return logScale ? value : 1.0;
    }

    /** Whether {@code value} lies in the valid range. */
    public boolean valid(double value) {
        return value >= min && value <= max;
    }
}

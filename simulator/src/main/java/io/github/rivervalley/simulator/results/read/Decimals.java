package io.github.rivervalley.simulator.results.read;

import java.nio.charset.StandardCharsets;

/**
 * Parses decimal numbers straight from bytes, for reading long traces without creating a string per
 * field. Numbers with at most 15 significant digits and a decimal exponent within +-22 are converted
 * exactly (one correctly rounded multiplication or division by an exact power of ten); longer ones,
 * such as the 17-digit output of {@link Double#toString}, with decimal exponents within +-44 come
 * within two ulps (at most three roundings), far below what a chart can show. Anything else
 * ({@code NaN}, {@code Infinity}, larger exponents) goes to
 * {@link Double#parseDouble}. Values that headline numbers are computed from are parsed with
 * {@link #exact} instead.
 */
final class Decimals {

    private static final double[] POWERS = new double[309];

    static {
        for (int i = 0; i < POWERS.length; i++) {
            POWERS[i] = Double.parseDouble("1e" + i);
        }
    }

    private Decimals() {
    }

    /** The number in {@code bytes[from, to)}; an empty field is NaN. */
    static double parse(byte[] bytes, int from, int to) {
        if (from >= to) {
            return Double.NaN;
        }
        int i = from;
        boolean negative = false;
        if (bytes[i] == '-') {
            negative = true;
            i++;
        } else if (bytes[i] == '+') {
            i++;
        }
        long mantissa = 0;
        int significant = 0;
        int exponent = 0;
        boolean anyDigit = false;
        boolean afterPoint = false;
        // One pass over the integer and fraction digits: past the 19th significant digit an integer digit
        // only scales the value, a fraction digit is dropped.
        for (; i < to; i++) {
            byte b = bytes[i];
            if (b == '.' && !afterPoint) {
                afterPoint = true;
                continue;
            }
            if (b < '0' || b > '9') {
                break;
            }
            anyDigit = true;
            if (significant < 19) {
                mantissa = mantissa * 10 + (b - '0');
                if (mantissa != 0) {
                    significant++;
                }
                if (afterPoint) {
                    exponent--;
                }
            } else if (!afterPoint) {
                exponent++;
            }
        }
        if (!anyDigit) {
            return exact(bytes, from, to);
        }
        if (i < to && (bytes[i] == 'e' || bytes[i] == 'E')) {
            i++;
            boolean negativeExponent = false;
            if (i < to && (bytes[i] == '-' || bytes[i] == '+')) {
                negativeExponent = bytes[i] == '-';
                i++;
            }
            int e = 0;
            int start = i;
            while (i < to && bytes[i] >= '0' && bytes[i] <= '9' && e < 100_000) {
                e = e * 10 + (bytes[i] - '0');
                i++;
            }
            if (i == start) {
                return exact(bytes, from, to);
            }
            exponent += negativeExponent ? -e : e;
        }
        if (i != to) {
            return exact(bytes, from, to);
        }
        double value;
        if (mantissa == 0) {
            value = 0.0;
        } else if (exponent >= -22 && exponent <= 22) {
            // exact when the mantissa has at most 53 bits; one rounding of a 19-digit mantissa otherwise
            value = exponent >= 0 ? mantissa * POWERS[exponent] : mantissa / POWERS[-exponent];
        } else if (exponent >= -44 && exponent < -22) {
            value = mantissa / POWERS[22] / POWERS[-exponent - 22];
        } else if (exponent > 22 && exponent <= 44) {
            value = mantissa * POWERS[22] * POWERS[exponent - 22];
        } else {
            return exact(bytes, from, to);
        }
        return negative ? -value : value;
    }

    /**
     * The number {@link #parse} gives for {@code value} as a trace file holds it ({@link Double#toString}),
     * so that rows downsampled in memory give the same buckets, to the bit, as the same rows read from
     * {@code trace.csv}.
     */
    static double asRead(double value) {
        if (Double.isNaN(value)) {
            return value; // written as NaN or an empty field: NaN either way
        }
        byte[] text = Double.toString(value).getBytes(StandardCharsets.ISO_8859_1);
        return parse(text, 0, text.length);
    }

    /** The correctly rounded number in {@code bytes[from, to)}; an empty field is NaN. */
    static double exact(byte[] bytes, int from, int to) {
        if (from >= to) {
            return Double.NaN;
        }
        String text = new String(bytes, from, to - from, StandardCharsets.ISO_8859_1).trim();
        if (text.isEmpty()) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new NumberFormatException("'" + text + "' is not a number");
        }
    }
}

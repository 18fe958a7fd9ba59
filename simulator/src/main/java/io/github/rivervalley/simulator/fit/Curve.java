package io.github.rivervalley.simulator.fit;

import io.github.rivervalley.landscapes.check.InvalidValueException;
import java.util.Arrays;

/**
 * A loss curve: the loss at some steps, and the learning rate of every update before its last row.
 * Row {@code i} is the loss after {@code steps[i]} updates, which used {@code rates[0 .. steps[i]-1]}.
 * Arrays are owned by the curve (callers must not change them).
 *
 * @param name the curve's name (a file name without extension, say)
 * @param steps strictly increasing steps, all at least 1
 * @param loss positive finite losses, one per step
 * @param rates per-update learning rates, at least {@code steps[last]} of them, finite and non-negative
 */
public record Curve(String name, long[] steps, double[] loss, double[] rates) {

    public Curve {
        if (steps.length == 0 || steps.length != loss.length) {
            throw new InvalidValueException("loss", loss.length + " values", "one per step (" + steps.length + "), at least one");
        }
        for (int i = 0; i < steps.length; i++) {
            if (steps[i] < 1 || (i > 0 && steps[i] <= steps[i - 1])) {
                throw new InvalidValueException("steps[" + i + "]", steps[i], "a step >= 1 after the previous row's");
            }
            if (!(loss[i] > 0) || Double.isInfinite(loss[i])) {
                throw new InvalidValueException("loss[" + i + "]", loss[i], "a finite number > 0");
            }
        }
        if (rates.length < steps[steps.length - 1]) {
            throw new InvalidValueException("rates", rates.length + " rates", "at least " + steps[steps.length - 1] + " (the last row's step)");
        }
        for (int t = 0; t < rates.length; t++) {
            if (!(rates[t] >= 0) || Double.isInfinite(rates[t])) {
                throw new InvalidValueException("rates[" + t + "]", rates[t], "a finite learning rate >= 0");
            }
        }
    }

    /** A prediction target with no loss values: rows at {@code steps} for the given rates (loss set to 1). */
    public static Curve ofSchedule(String name, long[] steps, double[] rates) {
        double[] ones = new double[steps.length];
        Arrays.fill(ones, 1.0);
        return new Curve(name, steps, ones, rates);
    }

    /** The number of rows. */
    public int size() {
        return steps.length;
    }

    /** The number of updates the law must run through: the last row's step. */
    public int updates() {
        return Math.toIntExact(steps[steps.length - 1]);
    }

    /** The largest rate of any update up to the last row. */
    public double peakRate() {
        double peak = 0;
        for (int t = 0; t < updates(); t++) {
            peak = Math.max(peak, rates[t]);
        }
        return peak;
    }

    /** The same curve keeping only rows with {@code step <= maxStep}. */
    public Curve upTo(long maxStep) {
        int n = 0;
        while (n < steps.length && steps[n] <= maxStep) {
            n++;
        }
        if (n == 0) {
            throw new InvalidValueException("maxStep", maxStep, "a step at or after the first row's (" + steps[0] + ") of curve " + name);
        }
        return new Curve(name, Arrays.copyOf(steps, n), Arrays.copyOf(loss, n), rates);
    }

    /** The same curve keeping only rows with {@code step >= minStep} (the rates stay: they start at step 0). */
    public Curve from(long minStep) {
        int first = 0;
        while (first < steps.length && steps[first] < minStep) {
            first++;
        }
        if (first == steps.length) {
            throw new InvalidValueException("minStep", minStep, "a step at or before the last row's (" + steps[steps.length - 1] + ") of curve " + name);
        }
        return new Curve(name, Arrays.copyOfRange(steps, first, steps.length), Arrays.copyOfRange(loss, first, loss.length), rates);
    }

    @Override
    public String toString() {
        return "Curve[" + name + ", " + steps.length + " rows, steps " + steps[0] + ".." + steps[steps.length - 1] + "]";
    }
}

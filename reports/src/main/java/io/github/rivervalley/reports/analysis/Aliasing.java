package io.github.rivervalley.reports.analysis;

import io.github.rivervalley.landscapes.spectral.Sharpness;
import io.github.rivervalley.simulator.results.TraceColumns;
import io.github.rivervalley.simulator.results.read.Column;
import io.github.rivervalley.simulator.results.read.RecordedRun;
import io.github.rivervalley.simulator.results.read.RecordedTrace;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Whether a run's recording interval hides the oscillation across the valley: rows sampled more sparsely
 * than the bouncing between the walls show a smooth curve (or a constant side) instead of the zigzag.
 *
 * <p>Two pieces of evidence, both from the run's own data:
 * <ul>
 *   <li>the {@code crossings} column counts floor crossings between consecutive rows (every step on the
 *       valleys that count them so); more than one crossing between two rows means the rows are sampled
 *       below the oscillation's Nyquist rate;</li>
 *   <li>on GD and SGD, a hill of curvature {@code lambda} trained at rate {@code eta} with
 *       {@code eta lambda > 1} flips sides every step ({@code h <- (1 - eta lambda) h}, a period of two
 *       steps), so rows recorded every even number of steps all see the same side. The curvature is the
 *       recorded {@code sharpness} column, else the top Hessian eigenvalue of the spec's landscape at its
 *       start point.</li>
 * </ul>
 */
public final class Aliasing {

    private Aliasing() {
    }

    /** A finding: the run, its recording interval and what the data say. */
    public record Note(String run, long interval, String reason) {

        /** One sentence for a report or a chart subtitle. */
        public String text() {
            return "Recorded every " + interval + " steps: " + reason + " Record every step (record.every: 1) to see the oscillation.";
        }
    }

    /** The note for {@code run}, or empty when its rows resolve the oscillation (or nothing says otherwise). */
    public static Optional<Note> check(RecordedRun run) {
        Optional<RecordedTrace> main = run.mainTrace();
        if (main.isEmpty()) {
            return Optional.empty();
        }
        RecordedTrace trace = main.get();
        long interval = interval(run, trace);
        if (interval <= 1) {
            return Optional.empty();
        }
        if (trace.has(TraceColumns.CROSSINGS)) {
            Column crossings = trace.column(TraceColumns.CROSSINGS);
            double most = 0;
            for (int i = 1; i < crossings.size(); i++) {
                if (Double.isFinite(crossings.mean(i))) {
                    most = Math.max(most, crossings.mean(i));
                }
            }
            if (most > 1) {
                double period = 2.0 * interval / most;
                return Optional.of(new Note(run.name(), interval, String.format(Locale.ROOT,
                        "the iterate crosses the valley floor up to %.1f times between recorded rows (a period of about %.1f steps), "
                                + "so the rows cannot show the bouncing.", most, period)));
            }
        }
        String optimizer = run.specValue("optimizer.type").orElse("");
        if (interval % 2 == 0 && (optimizer.equals("gd") || optimizer.equals("sgd"))) {
            OptionalDouble product = rateTimesCurvature(run, trace);
            if (product.isPresent() && product.getAsDouble() > 1) {
                return Optional.of(new Note(run.name(), interval, String.format(Locale.ROOT,
                        "learning rate times curvature reaches %.2f > 1, so the iterate flips to the other wall every step "
                                + "(period 2), and rows an even number of steps apart all see the same side.",
                        product.getAsDouble())));
            }
        }
        return Optional.empty();
    }

    /** Steps between recorded rows: the spec's {@code record.every}, else the mean spacing of the main line's rows. */
    static long interval(RecordedRun run, RecordedTrace trace) {
        Optional<String> every = run.specValue("record.every");
        if (every.isPresent()) {
            try {
                return Long.parseLong(every.get());
            } catch (NumberFormatException e) {
                // fall through to the spacing of the rows
            }
        }
        long span = trace.lastStep() - trace.firstStep();
        return trace.rows() <= 1 ? 1 : Math.max(1, Math.round((double) span / (trace.rows() - 1)));
    }

    /**
     * The largest {@code lr * sharpness} over the rows where sharpness was recorded, else the peak rate times
     * the landscape's top Hessian eigenvalue at its start point; empty when neither is known.
     */
    static OptionalDouble rateTimesCurvature(RecordedRun run, RecordedTrace trace) {
        if (!trace.has(TraceColumns.LR)) {
            return OptionalDouble.empty();
        }
        Column lr = trace.column(TraceColumns.LR);
        if (trace.has(TraceColumns.SHARPNESS)) {
            Column sharpness = trace.column(TraceColumns.SHARPNESS);
            double most = Double.NaN;
            for (int i = 0; i < lr.size(); i++) {
                double p = lr.mean(i) * sharpness.mean(i);
                if (Double.isFinite(p) && !(p <= most)) {
                    most = p;
                }
            }
            return Double.isNaN(most) ? OptionalDouble.empty() : OptionalDouble.of(most);
        }
        return run.landscape().map(l -> OptionalDouble.of(lr.highest() * Sharpness.of(l, l.defaultStart())))
                .orElse(OptionalDouble.empty());
    }
}

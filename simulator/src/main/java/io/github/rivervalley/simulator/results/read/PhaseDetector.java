package io.github.rivervalley.simulator.results.read;

import io.github.rivervalley.simulator.schedule.Phase;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a line's phases off its {@code lr} column, for traces read back without their schedule: rising
 * is warmup (re-warmup after the first), flat is stable, falling is decay. Rates within a relative
 * {@value #SAME_RATE} count as equal; a line with more than {@value #MAX_SEGMENTS} trend changes gets no
 * phases.
 */
final class PhaseDetector {

    /** Relative change in the learning rate below which two rows count as the same rate. */
    static final double SAME_RATE = 1e-9;

    /** A line with more learning-rate trend changes than this is not split into phases. */
    static final int MAX_SEGMENTS = 100_000;

    private enum Trend { UP, FLAT, DOWN }

    /** Segment of constant learning-rate trend: starts at a recorded step and spans some row intervals. */
    private static final class Segment {
        final long start;
        final Trend trend;
        long intervals;

        Segment(long start, Trend trend) {
            this.start = start;
            this.trend = trend;
        }
    }

    private final List<Segment> segments = new ArrayList<>();
    private boolean tooManySegments;
    private double previousLr = Double.NaN;

    /**
     * Observes the rate of the next row ({@code first}: the line's first row; {@code previousStep}: the step
     * of the row before). Returns whether a new trend segment starts at {@code previousStep}.
     */
    boolean observe(boolean first, long previousStep, double lr) {
        if (first || tooManySegments) {
            previousLr = lr;
            return false;
        }
        Trend trend;
        double scale = Math.max(Math.abs(lr), Math.abs(previousLr));
        if (Math.abs(lr - previousLr) <= SAME_RATE * scale) {
            trend = Trend.FLAT;
        } else {
            trend = lr > previousLr ? Trend.UP : Trend.DOWN;
        }
        Segment last = segments.isEmpty() ? null : segments.get(segments.size() - 1);
        boolean started = false;
        if (last == null || last.trend != trend) {
            if (segments.size() >= MAX_SEGMENTS) {
                tooManySegments = true;
                segments.clear();
                return false;
            }
            last = new Segment(previousStep, trend);
            segments.add(last);
            started = true;
        }
        last.intervals++;
        previousLr = lr;
        return started;
    }

    /** Turns the trend segments into phases (see {@link RecordedTrace}); {@code lastStep} ends the last one. */
    List<Phase> phases(long lastStep) {
        if (tooManySegments || segments.isEmpty()) {
            return List.of();
        }
        // A rise or plateau spanning a single recorded interval is a jump (or the repeated rate of
        // row 0), not a phase: it joins the segment that follows it.
        List<Segment> kept = new ArrayList<>();
        for (int i = 0; i < segments.size(); i++) {
            Segment s = segments.get(i);
            boolean jump = s.intervals == 1 && s.trend != Trend.DOWN && i + 1 < segments.size();
            if (jump) {
                Segment next = segments.get(i + 1);
                Segment merged = new Segment(s.start, next.trend);
                merged.intervals = next.intervals + 1;
                segments.set(i + 1, merged);
                continue;
            }
            kept.add(s);
        }
        List<Phase> phases = new ArrayList<>();
        for (int i = 0; i < kept.size(); i++) {
            Segment s = kept.get(i);
            long end = i + 1 < kept.size() ? kept.get(i + 1).start : lastStep;
            if (end <= s.start) {
                continue;
            }
            Phase.Kind kind;
            if (s.trend == Trend.FLAT) {
                kind = Phase.Kind.STABLE;
            } else if (s.trend == Trend.DOWN) {
                kind = Phase.Kind.DECAY;
            } else {
                kind = phases.isEmpty() ? Phase.Kind.WARMUP : Phase.Kind.REWARMUP;
            }
            Phase last = phases.isEmpty() ? null : phases.get(phases.size() - 1);
            if (last != null && last.kind() == kind) {
                phases.set(phases.size() - 1, new Phase(kind, last.start(), end));
            } else {
                phases.add(new Phase(kind, s.start, end));
            }
        }
        return phases;
    }
}

package io.github.rivervalley.simulator.schedule;

import io.github.rivervalley.landscapes.check.Check;
import io.github.rivervalley.landscapes.check.InvalidValueException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Builds one {@link Line} phase by phase; every named family and the piecewise spec are built with it,
 * so the same phases give the same learning rate bit for bit whichever way they were written.
 *
 * <p>A root starts at step 0. A branch starts at {@code forkStep} from its parent's state and
 * inherits the parent's phases before the fork for its learning rate function.
 */
public final class LineBuilder {

    private final String name;
    private final Optional<String> parent;
    private final long forkStep;
    private final List<Segment> segments = new ArrayList<>();
    private final List<Long> starts = new ArrayList<>();
    private final List<Phase> phases = new ArrayList<>();
    private long end;

    private LineBuilder(String name, Optional<String> parent, long forkStep) {
        this.name = Check.present("name", name);
        this.parent = parent;
        this.forkStep = forkStep;
        this.end = forkStep;
    }

    /** A line trained from the start point at step 0. */
    public static LineBuilder root(String name) {
        return new LineBuilder(name, Optional.empty(), 0);
    }

    /** A line forked from this one after {@code forkStep} of its updates (a step in {@code [forkStep(), end()]} of this line). */
    public LineBuilder branch(String branchName, long forkStep) {
        if (forkStep < this.forkStep || forkStep > end) {
            throw new InvalidValueException("forkStep", forkStep, "a step in [" + this.forkStep + ", " + end + "] of line '" + name + "'");
        }
        LineBuilder branch = new LineBuilder(branchName, Optional.of(name), forkStep);
        for (int i = 0; i < segments.size() && starts.get(i) < forkStep; i++) {
            branch.segments.add(segments.get(i));
            branch.starts.add(starts.get(i));
        }
        return branch;
    }

    /** The line's name. */
    public String name() {
        return name;
    }

    /** One past the last step added so far. */
    public long end() {
        return end;
    }

    /**
     * The ratio (multiple of the peak) of the last step added so far (for a branch without phases yet:
     * of its parent's step before the fork), or empty when there is none.
     */
    public Optional<Double> lastRatio() {
        if (segments.isEmpty() || end == 0) {
            return Optional.empty();
        }
        return Optional.of(segments.get(segments.size() - 1).ratio(end - 1));
    }

    /** Adds a warmup of {@code steps} steps from ratio {@code from} to ratio {@code to}. */
    public LineBuilder warmup(long steps, WarmupShape shape, double from, double to) {
        return add(Phase.Kind.WARMUP, steps, shape, from, to);
    }

    /** Adds a re-warmup (a warmup after a decay, charted as its own phase). */
    public LineBuilder rewarmup(long steps, WarmupShape shape, double from, double to) {
        return add(Phase.Kind.REWARMUP, steps, shape, from, to);
    }

    /** Adds a stable phase at {@code level} times the peak. */
    public LineBuilder stable(long steps, double level) {
        return add(Phase.Kind.STABLE, steps, Shape.Flat.INSTANCE, level, level);
    }

    /** Adds a decay from ratio {@code from} to ratio {@code to}, reached on its last step. */
    public LineBuilder decay(long steps, DecayShape shape, double from, double to) {
        return add(Phase.Kind.DECAY, steps, shape, from, to);
    }

    /** Adds a phase; a phase must have at least one step. */
    public LineBuilder add(Phase.Kind kind, long steps, Shape shape, double from, double to) {
        Check.positive("steps", steps);
        Segment segment = new Segment(new Phase(kind, end, Math.addExact(end, steps)), shape, from, to);
        segments.add(segment);
        starts.add(end);
        phases.add(segment.phase());
        end = segment.phase().end();
        return this;
    }

    /** The line, with learning rate {@code peak * ratio}. */
    public Line build(double peak) {
        Check.positive("peak", peak);
        if (phases.isEmpty()) {
            throw new InvalidValueException("phases", "none", "at least one phase on line '" + name + "'");
        }
        return new Line(name, parent, forkStep, end, new SegmentedRate(peak, segments, starts, end), phases);
    }
}

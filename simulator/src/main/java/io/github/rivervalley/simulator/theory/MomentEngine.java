package io.github.rivervalley.simulator.theory;

import io.github.rivervalley.landscapes.analytic.RiverProfile;
import io.github.rivervalley.landscapes.check.Check;
import io.github.rivervalley.landscapes.check.InvalidValueException;
import io.github.rivervalley.landscapes.Landscape;
import io.github.rivervalley.simulator.noise.NoiseModel;
import io.github.rivervalley.simulator.optim.Optimizer;
import io.github.rivervalley.simulator.schedule.Line;
import io.github.rivervalley.simulator.schedule.Schedule;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Propagates the moments of a run through every line of its schedule, in schedule order (parents before
 * branches). A branch starts from an exact copy of its parent's moments after {@code forkStep} updates, just
 * as a simulated branch starts from its parent's replicas. Cost O(modes x steps) over all lines; the step
 * loop ({@link MomentStepper}) allocates nothing, rows and fork snapshots are the only allocations.
 */
public final class MomentEngine {

    /** Rates fetched from a line's schedule per call of the stepper. */
    private static final int CHUNK = 4096;

    private final ModeSystem system;
    private final MomentStepper stepper;
    private final Schedule schedule;
    /** Scratch for one chunk of rates: an engine (and its cursors) belongs to one thread. */
    private final double[] lrs = new double[CHUNK];

    /** An engine for these modes, optimizer and schedule. */
    public MomentEngine(ModeSystem system, Optimizer optimizer, Schedule schedule) {
        this.system = Check.present("system", system);
        this.stepper = new MomentStepper(system, Check.present("optimizer", optimizer));
        this.schedule = Check.present("schedule", schedule);
    }

    /**
     * The engine for a run's landscape, optimizer, noise, schedule and start point (replicas and seed do
     * not matter: there is nothing random here).
     *
     * @throws InvalidValueException when the combination has no exact theory, with {@link Exactness}'s reason
     */
    public static MomentEngine of(Landscape landscape, Optimizer optimizer, NoiseModel noise, Schedule schedule, double[] start) {
        Exactness exactness = Exactness.of(landscape, optimizer, noise);
        if (!exactness.exact()) {
            throw new InvalidValueException("theory", optimizer + " with " + noise + " noise on " + landscape,
                    "a combination with exact expected dynamics, but " + exactness.reason());
        }
        return new MomentEngine(ModeSystem.of(landscape, noise, start), optimizer, schedule);
    }

    /** The modes. */
    public ModeSystem system() {
        return system;
    }

    /** Receives the moments of a line at a reported step; the state is the engine's: copy it to keep it. */
    @FunctionalInterface
    public interface StateObserver {
        void at(Line line, long step, MomentState state);
    }

    /** Runs every line and hands the rows at {@code rows}' steps to {@code out}, line by line in step order. */
    public void run(RowSteps rows, Consumer<ExpectedRow> out) {
        walk(rows, (line, step, state) -> out.accept(row(line, step, state)));
    }

    /** Runs every line and hands the moments at {@code rows}' steps to {@code observer}, line by line in step order. */
    public void walk(RowSteps rows, StateObserver observer) {
        MomentCursor cursor = cursor();
        for (Line line : schedule.lines()) {
            cursor.start(line);
            for (long step = rows.first(line); step >= 0; step = rows.next(line, step)) {
                observer.at(line, step, cursor.advanceTo(step));
            }
        }
    }

    /** A cursor over this engine's lines, for callers that advance in lock-step with something else. */
    public MomentCursor cursor() {
        return new MomentCursor(this);
    }

    /** All rows in memory (for tests, notebooks and small runs). */
    public List<ExpectedRow> rows(RowSteps rows) {
        List<ExpectedRow> out = new ArrayList<>();
        run(rows, out::add);
        return out;
    }

    /** Updates {@code from .. to-1} of {@code line}, in chunks of rates. */
    void propagate(Line line, MomentState state, long from, long to) {
        for (long t = from; t < to; t += CHUNK) {
            int count = (int) Math.min(CHUNK, to - t);
            line.lr().fill(t, count, lrs);
            stepper.advance(state, lrs, count);
        }
    }

    /** The fork steps of the branches of {@code line}, sorted, without repeats. */
    long[] forkSteps(Line line) {
        return schedule.lines().stream()
                .filter(l -> l.parent().isPresent() && l.parent().get().equals(line.name()))
                .mapToLong(Line::forkStep).distinct().sorted().toArray();
    }

    /** The expected values of {@code state}. */
    ExpectedRow row(Line line, long step, MomentState state) {
        double riverMean = state.mx[0];
        double riverVar = state.cxx[0];
        double riverLoss;
        if (system.river instanceof RiverProfile.Quadratic quadratic) {
            riverLoss = 0.5 * quadratic.curvature() * (riverMean * riverMean + riverVar);
        } else {
            riverLoss = system.river.value(riverMean); // linear: E[r(x)] = r(E[x])
        }
        double excess = hillExcess(state);
        int top = system.steepest;
        return new ExpectedRow(line.name(), step, schedule.rowRate(line, step), riverLoss + excess, riverLoss, excess,
                riverMean + system.riverOffset, Math.sqrt(riverVar), state.mx[top], Math.sqrt(state.cxx[top]));
    }

    /** {@code sum_k n_k (lambda_k / 2) (mean_k^2 + var_k)} over the hill modes. */
    double hillExcess(MomentState state) {
        double sum = 0.0;
        for (int k = 1; k < system.modes(); k++) {
            double m = state.mx[k];
            sum += system.multiplicity[k] * 0.5 * system.curvature[k] * (m * m + state.cxx[k]);
        }
        return sum;
    }
}

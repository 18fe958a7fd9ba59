package io.github.rivervalley.simulator.theory;

import io.github.rivervalley.landscapes.Landscape;
import io.github.rivervalley.simulator.noise.NoiseModel;
import io.github.rivervalley.simulator.optim.Optimizer;
import io.github.rivervalley.simulator.schedule.Line;
import io.github.rivervalley.simulator.schedule.Schedule;
import java.util.Optional;

/**
 * The theory columns of a simulation's trace, filled row by row as the simulation streams them (lines in
 * schedule order, steps increasing within a line): {@code theory_loss}, {@code theory_river_loss},
 * {@code theory_hill_excess}, {@code theory_river_coord}. Costs O(modes) per simulated step on top of the
 * simulation, and nothing where there is no exact theory (there is no track then).
 */
public final class TheoryTrack {

    private final MomentCursor cursor;

    private TheoryTrack(MomentCursor cursor) {
        this.cursor = cursor;
    }

    /** The track for this combination, or empty where the moment engine is not exact. */
    public static Optional<TheoryTrack> of(Landscape landscape, Optimizer optimizer, NoiseModel noise, Schedule schedule,
            double[] start) {
        if (!Exactness.of(landscape, optimizer, noise).exact()) {
            return Optional.empty();
        }
        return Optional.of(new TheoryTrack(MomentEngine.of(landscape, optimizer, noise, schedule, start).cursor()));
    }

    /** Writes the expected loss, river loss, hill excess and river coordinate at {@code step} of {@code line} into {@code values[offset ..]}. */
    public void fill(Line line, long step, double[] values, int offset) {
        if (cursor.line() != line) {
            cursor.start(line);
        }
        ExpectedRow row = cursor.rowAt(step);
        values[offset] = row.loss();
        values[offset + 1] = row.riverLoss();
        values[offset + 2] = row.hillExcess();
        values[offset + 3] = row.riverCoord();
    }
}

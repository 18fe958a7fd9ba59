package io.github.rivervalley.simulator.theory;

import io.github.rivervalley.landscapes.check.Check;
import io.github.rivervalley.simulator.schedule.Line;

/** Which steps of a line the moment engine reports, in increasing order. */
public interface RowSteps {

    /** The first reported step of {@code line} (at least its fork step), or -1 for none. */
    long first(Line line);

    /** The reported step after {@code step}, at most the line's end step, or -1 after the last. */
    long next(Line line, long step);

    /** Every multiple of {@code every} (global steps), plus each line's first and last step. */
    static RowSteps every(long every) {
        Check.positive("every", every);
        return new RowSteps() {
            @Override
            public long first(Line line) {
                return line.forkStep();
            }

            @Override
            public long next(Line line, long step) {
                return step >= line.endStep() ? -1 : Math.min((step / every + 1) * every, line.endStep());
            }
        };
    }
}

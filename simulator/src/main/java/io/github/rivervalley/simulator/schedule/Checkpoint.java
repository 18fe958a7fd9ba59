package io.github.rivervalley.simulator.schedule;

import io.github.rivervalley.landscapes.check.Check;

/**
 * The model a schedule delivers for one compute budget.
 *
 * @param budget the budget this checkpoint is for (training steps a stand-alone run of that budget takes)
 * @param line the line whose state at {@code step} is the checkpoint
 * @param step number of updates on that line when the checkpoint is taken (the line's state {@code x_step})
 * @param compute total optimizer steps the whole schedule had spent when this checkpoint became available
 */
public record Checkpoint(long budget, String line, long step, long compute) {

    public Checkpoint {
        Check.positive("budget", budget);
        Check.present("line", line);
        Check.positive("step", step);
        Check.positive("compute", compute);
    }
}

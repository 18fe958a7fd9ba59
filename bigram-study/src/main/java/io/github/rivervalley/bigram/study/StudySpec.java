package io.github.rivervalley.bigram.study;

import io.github.rivervalley.bigram.spec.BigramLandscapeSpec;
import io.github.rivervalley.landscapes.check.Check;
import io.github.rivervalley.landscapes.check.InvalidValueException;
import io.github.rivervalley.simulator.schedule.DecayShape;
import io.github.rivervalley.simulator.schedule.WarmupShape;
import io.github.rivervalley.simulator.spec.LandscapeSpec;
import io.github.rivervalley.simulator.spec.Names;
import io.github.rivervalley.simulator.spec.NoiseSpec;
import io.github.rivervalley.simulator.spec.OptimizerSpec;
import io.github.rivervalley.simulator.spec.RecordSpec;
import java.util.List;

/**
 * The spec of {@code rivervalley bigram-study}: a run spec without a schedule type, whose {@code schedule}
 * block holds the settings the four compared schedules share.
 *
 * @param name study name: the runs are {@code <name>-wsd}, {@code <name>-wsd-s}, {@code <name>-cosine},
 *     {@code <name>-constant}
 * @param seed run seed (default 0), the same for every schedule
 * @param replicas replicas per run (default 1)
 * @param landscape a {@code bigram} landscape
 * @param optimizer the optimizer (default {@code sgd})
 * @param noise the gradient noise (typically {@code minibatch})
 * @param schedule the shared schedule settings
 * @param record what to record (run-spec defaults)
 */
public record StudySpec(String name, Long seed, Integer replicas, LandscapeSpec landscape, OptimizerSpec optimizer,
                        NoiseSpec noise, SharedSchedule schedule, RecordSpec record) {

    /** The longest suffix a study run adds to the name. */
    static final String LONGEST_SUFFIX = "-constant";

    public StudySpec {
        Check.present("name", name);
        Names.check("name", name, "it names the run directories");
        if (name.length() + LONGEST_SUFFIX.length() > Names.MAX_LENGTH) {
            // Checked now, not when the last run is named: a study must not stop half-way.
            throw new InvalidValueException("name", "a name of " + name.length() + " characters", "at most "
                    + (Names.MAX_LENGTH - LONGEST_SUFFIX.length()) + " characters (the runs add " + LONGEST_SUFFIX + ")");
        }
        Check.present("landscape", landscape);
        if (!(landscape instanceof BigramLandscapeSpec)) {
            throw new InvalidValueException("landscape.type", landscape.getClass().getSimpleName(), "bigram (the study splits the loss by token group)");
        }
        Check.present("noise", noise);
        Check.present("schedule", schedule);
    }

    /**
     * The settings shared by the compared schedules: WSD and WSD-S use all of them; cosine and constant the
     * peak, warmup (and floor for cosine), with one budget equal to WSD's total compute.
     *
     * @param peak peak learning rate (required)
     * @param warmup warmup steps (default 0)
     * @param warmupShape warmup shape (default linear)
     * @param floor final learning rate as a fraction of the peak (default 0.1)
     * @param decayShape decay shape of WSD and WSD-S (default linear)
     * @param decayFraction fraction of each budget spent decaying (default 0.1)
     * @param budgets checkpoint budgets of WSD and WSD-S, strictly increasing (required)
     */
    public record SharedSchedule(Double peak, Long warmup, WarmupShape warmupShape, Double floor, DecayShape decayShape,
                           Double decayFraction, List<Long> budgets) {

        public SharedSchedule {
            Check.present("peak", peak);
            Check.present("budgets", budgets);
            budgets = List.copyOf(budgets);
            if (budgets.isEmpty()) {
                throw new InvalidValueException("budgets", "an empty list", "at least one budget");
            }
        }
    }
}

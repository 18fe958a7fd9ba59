package io.github.rivervalley.simulator.schedulesearch;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.rivervalley.landscapes.check.Check;
import io.github.rivervalley.landscapes.check.InvalidValueException;
import io.github.rivervalley.simulator.spec.LandscapeSpec;
import io.github.rivervalley.simulator.spec.Names;
import io.github.rivervalley.simulator.spec.NoiseSpec;
import io.github.rivervalley.simulator.spec.OptimizerSpec;
import io.github.rivervalley.simulator.spec.RecordSpec;
import io.github.rivervalley.simulator.spec.RunSpec;
import io.github.rivervalley.simulator.spec.ScheduleSpec;

/**
 * The spec {@code rivervalley optimize} reads: a valley run without a schedule (the schedule is what is
 * searched), the budget and the constraints. Documented in docs/spec.md ("optimize").
 *
 * @param name output name (the optimal run spec is {@code <name>-optimal})
 * @param steps the budget
 * @param landscape, start, optimizer, noise as in a run spec (the moment engine must be exact for them), or
 * @param law instead of a valley: a fitted law whose predicted final loss is minimised
 * @param constraints peak, warmup, floor, nonIncreasing
 * @param segments free-form resolution: segments after the warmup (default 100)
 * @param iterations most projected-gradient iterations (default 2000)
 * @param verify optional Monte Carlo check of the four schedules: {@code replicas} (>= 2) and {@code seed}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OptimizeSpec(String name, Long steps, LandscapeSpec landscape, double[] start, OptimizerSpec optimizer, NoiseSpec noise,
        Law law, Constraints constraints, Integer segments, Integer iterations, Verify verify) {

    public OptimizeSpec {
        Check.present("name", name);
        Names.check("name", name, "it names the output directory");
        Check.positive("steps", Check.present("steps", steps));
        if (law == null) {
            Check.present("landscape", landscape);
            Check.present("optimizer", optimizer);
        } else {
            for (Object given : new Object[] {landscape, start, optimizer, noise, verify}) {
                if (given != null) {
                    throw new InvalidValueException("law", "a law together with a valley (landscape, start, optimizer, noise or verify)",
                            "either a fitted law or a valley run, not both");
                }
            }
        }
        Check.present("constraints", constraints);
        segments = segments == null ? 100 : Check.positive("segments", segments);
        iterations = iterations == null ? 2000 : Check.positive("iterations", iterations);
    }

    /**
     * @param peak the highest rate (required, > 0)
     * @param warmup steps of linear warmup to the peak (default 0)
     * @param floor lowest rate as a ratio of the peak (default 0)
     * @param nonIncreasing whether rates may only fall after the warmup (default true)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Constraints(Double peak, Long warmup, Double floor, Boolean nonIncreasing) {
        public Constraints {
            Check.positive("peak", Check.present("peak", peak));
            warmup = warmup == null ? 0L : Check.nonNegative("warmup", warmup);
            floor = floor == null ? 0.0 : Check.inClosedRange("floor", floor, 0, 1);
            nonIncreasing = nonIncreasing == null || nonIncreasing;
        }
    }

    /**
     * A fitted law to optimise: a {@code fit.json} of {@code rivervalley fit} (path relative to the working
     * directory) and the law in it (default: the file's first).
     *
     * @param fit the fit file
     * @param name the law's name ({@code river-valley}, {@code mpl}, {@code mtl})
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Law(String fit, String name) {
        public Law {
            Check.present("fit", fit);
        }
    }

    /**
     * @param replicas Monte Carlo replicas per schedule (>= 2)
     * @param seed run seed (default 0)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Verify(Integer replicas, Long seed) {
        public Verify {
            Check.present("replicas", replicas);
            if (replicas < 2) {
                throw new InvalidValueException("replicas", replicas, "a whole number >= 2 (standard errors need two replicas)");
            }
            seed = seed == null ? 0L : seed;
        }
    }

    /** The constraints as search bounds. */
    public Bounds bounds() {
        try {
            return new Bounds(steps, constraints.peak(), constraints.warmup(), constraints.floor(), constraints.nonIncreasing());
        } catch (InvalidValueException e) {
            throw e.under("constraints");
        }
    }

    /** A run spec of this valley under {@code schedule}, named {@code name}, with the verification's replicas and seed. */
    public RunSpec runSpec(String runName, ScheduleSpec schedule) {
        return new RunSpec(runName, verify == null ? 0L : verify.seed(), steps, verify == null ? 1 : verify.replicas(), landscape,
                start, optimizer, noise, schedule, RecordSpec.defaults(), false);
    }
}

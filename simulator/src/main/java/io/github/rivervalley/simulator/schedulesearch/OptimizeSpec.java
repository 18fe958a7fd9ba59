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
 * The spec {@code rivervalley optimize} reads: what to minimise (a valley run without a schedule, whose exact
 * expected loss is used, or a law fitted to real curves), the budget and the constraints (the schedule is
 * what is searched). Documented in docs/spec.md ("optimize").
 *
 * @param name output name (the optimal run spec is {@code <name>-optimal})
 * @param steps the budget
 * @param objective a fitted law to minimise instead of a valley run (then no landscape, optimizer, start,
 *     noise or verify)
 * @param landscape, start, optimizer, noise as in a run spec (the moment engine must be exact for them)
 * @param constraints peak, warmup, floor, nonIncreasing
 * @param segments free-form resolution: segments after the warmup (default 100)
 * @param iterations most projected-gradient iterations (default 2000)
 * @param verify optional Monte Carlo check of the four schedules: {@code replicas} (>= 2) and {@code seed}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OptimizeSpec(String name, Long steps, Objective objective, LandscapeSpec landscape, double[] start, OptimizerSpec optimizer, NoiseSpec noise,
        Constraints constraints, Integer segments, Integer iterations, Verify verify) {

    public OptimizeSpec {
        Check.present("name", name);
        Names.check("name", name, "it names the output directory");
        Check.positive("steps", Check.present("steps", steps));
        Check.present("constraints", constraints);
        if (objective == null) {
            Check.present("landscape", landscape);
            Check.present("optimizer", optimizer);
            Check.present("constraints.peak", constraints.peak());
        } else {
            for (var field : new Object[][] {{"landscape", landscape}, {"start", start}, {"optimizer", optimizer}, {"noise", noise},
                {"verify", verify}}) {
                if (field[1] != null) {
                    throw new InvalidValueException((String) field[0], "a value", "no " + field[0]
                            + " with an objective: the fitted law replaces the valley run (and has nothing to simulate)");
                }
            }
        }
        segments = segments == null ? 100 : Check.positive("segments", segments);
        iterations = iterations == null ? 2000 : Check.positive("iterations", iterations);
    }

    /**
     * A law fitted by {@code rivervalley fit}.
     *
     * @param fit the {@code fit.json} (relative to the optimize spec's folder)
     * @param law the fitted law to minimise: {@code river-valley} (default) or {@code mpl}
     * @param extrapolate whether the peak may exceed the fitted curves' peak rate (default false: the law
     *     was never fitted on higher rates)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Objective(String fit, String law, Boolean extrapolate) {
        public Objective {
            Check.present("fit", fit);
            law = law == null ? "river-valley" : law;
            extrapolate = extrapolate != null && extrapolate;
        }
    }

    /**
     * @param peak the highest rate (> 0; required for a valley run, default the fitted curves' peak for a
     *     fitted river-valley law)
     * @param warmup steps of linear warmup to the peak (default 0)
     * @param floor lowest rate as a ratio of the peak (default 0)
     * @param nonIncreasing whether rates may only fall after the warmup (default true)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Constraints(Double peak, Long warmup, Double floor, Boolean nonIncreasing) {
        public Constraints {
            if (peak != null) {
                Check.positive("peak", peak);
            }
            warmup = warmup == null ? 0L : Check.nonNegative("warmup", warmup);
            floor = floor == null ? 0.0 : Check.inClosedRange("floor", floor, 0, 1);
            nonIncreasing = nonIncreasing == null || nonIncreasing;
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

    /** The constraints as search bounds (for a valley run: the peak is given). */
    public Bounds bounds() {
        return bounds(Double.NaN);
    }

    /** The constraints as search bounds, the peak {@code fittedPeak} unless given (it must then be a number). */
    public Bounds bounds(double fittedPeak) {
        double peak = constraints.peak() != null ? constraints.peak() : fittedPeak;
        if (Double.isNaN(peak)) {
            throw new InvalidValueException("constraints.peak", "nothing", "a rate > 0 (the fit records no peak rate for this law)");
        }
        if (objective != null && !objective.extrapolate() && peak > fittedPeak) {
            throw new InvalidValueException("constraints.peak", peak, "at most " + fittedPeak
                    + ", the fitted curves' peak rate (above it the law extrapolates; set objective.extrapolate: true to allow it)");
        }
        try {
            return new Bounds(steps, peak, constraints.warmup(), constraints.floor(), constraints.nonIncreasing());
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

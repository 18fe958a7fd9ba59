package io.github.rivervalley.simulator.engine;

import io.github.rivervalley.simulator.schedule.Checkpoint;
import io.github.rivervalley.simulator.schedule.LearningRate;
import io.github.rivervalley.simulator.schedule.Line;
import io.github.rivervalley.simulator.schedule.Phase;
import io.github.rivervalley.simulator.schedule.Schedule;
import io.github.rivervalley.simulator.schedule.ScheduleFamily;
import java.util.List;
import java.util.Optional;

/**
 * Schedules built directly from lines, so the engine can be tested independently of the schedule
 * families: constant, WSD with decay branches, WSD-S as one line, and cosine, each written out from the
 * formulas of docs/science.md section 5.
 */
final class TestSchedules {

    private TestSchedules() {
    }

    record Simple(double peak, List<Line> lines, List<Checkpoint> checkpoints) implements Schedule {
        @Override
        public ScheduleFamily family() {
            return ScheduleFamily.CUSTOM;
        }
    }

    static Line main(long steps, LearningRate lr) {
        return new Line(Line.MAIN, Optional.empty(), 0, steps, lr, List.of(new Phase(Phase.Kind.STABLE, 0, steps)));
    }

    static Schedule constant(double eta, long steps) {
        return new Simple(eta, List.of(main(steps, t -> eta)), List.of());
    }

    static Schedule single(double peak, long steps, LearningRate lr) {
        return new Simple(peak, List.of(main(steps, lr)), List.of());
    }

    /** Linear decay from peak to floor*peak over [start, end): the last step reaches the floor. */
    static double linearDecay(double peak, double floor, long start, long end, long t) {
        double u = end - start <= 1 ? 1.0 : (double) (t - start) / (end - start - 1);
        return peak * (1.0 - (1.0 - floor) * u);
    }

    /** Linear warmup over W steps: step t gets peak (t+1)/W, so no step has LR 0. */
    static double warmup(double peak, long w, long t) {
        return peak * (t + 1) / w;
    }

    /**
     * WSD: main line warmup then constant to the last budget; one branch per budget k forked at
     * (1-p) B_k and decayed linearly to floor over p B_k steps. The last budget's decay is a branch too.
     */
    static Schedule wsd(double peak, long warmup, double p, double floor, long... budgets) {
        long last = budgets[budgets.length - 1];
        LearningRate mainLr = t -> t < warmup ? warmup(peak, warmup, t) : peak;
        Line main = new Line(Line.MAIN, Optional.empty(), 0, last, mainLr,
                List.of(new Phase(Phase.Kind.WARMUP, 0, warmup), new Phase(Phase.Kind.STABLE, warmup, last)));
        List<Line> lines = new java.util.ArrayList<>(List.of(main));
        List<Checkpoint> checkpoints = new java.util.ArrayList<>();
        long compute = 0;
        for (long b : budgets) {
            long fork = Math.round((1 - p) * b);
            LearningRate lr = t -> t < fork ? mainLr.at(t) : linearDecay(peak, floor, fork, b, t);
            String name = "branch-" + b;
            lines.add(new Line(name, Optional.of(Line.MAIN), fork, b, lr, List.of(new Phase(Phase.Kind.DECAY, fork, b))));
            compute = b + sumDecays(budgets, p, b);
            checkpoints.add(new Checkpoint(b, name, b, compute));
        }
        return new Simple(peak, lines, checkpoints);
    }

    private static long sumDecays(long[] budgets, double p, long upTo) {
        long sum = 0;
        for (long b : budgets) {
            if (b <= upTo) {
                sum += b - Math.round((1 - p) * b);
            }
        }
        return sum - (upTo - Math.round((1 - p) * upTo));
    }

    /** WSD-S as one line: decay k over [(1-p)B_k + earlier decays, + p B_k), then back to peak. */
    static Schedule wsdS(double peak, long warmup, double p, double floor, long... budgets) {
        long[] starts = new long[budgets.length];
        long[] ends = new long[budgets.length];
        long shift = 0;
        for (int k = 0; k < budgets.length; k++) {
            long length = budgets[k] - Math.round((1 - p) * budgets[k]);
            starts[k] = Math.round((1 - p) * budgets[k]) + shift;
            ends[k] = starts[k] + length;
            shift += length;
        }
        long total = ends[budgets.length - 1];
        LearningRate lr = t -> {
            if (t < warmup) {
                return warmup(peak, warmup, t);
            }
            for (int k = 0; k < starts.length; k++) {
                if (t >= starts[k] && t < ends[k]) {
                    return linearDecay(peak, floor, starts[k], ends[k], t);
                }
            }
            return peak;
        };
        List<Checkpoint> checkpoints = new java.util.ArrayList<>();
        for (int k = 0; k < budgets.length; k++) {
            checkpoints.add(new Checkpoint(budgets[k], Line.MAIN, ends[k], ends[k]));
        }
        return new Simple(peak, List.of(main(total, lr)), checkpoints);
    }

    /** Cosine from peak to floor*peak after a linear warmup. */
    static Schedule cosine(double peak, long warmup, double floor, long steps) {
        return single(peak, steps, t -> {
            if (t < warmup) {
                return warmup(peak, warmup, t);
            }
            double u = (double) (t - warmup) / Math.max(1, steps - warmup - 1);
            return peak * (floor + (1 - floor) * (1 + Math.cos(Math.PI * u)) / 2);
        });
    }

    /** Sum of the LRs of steps [0, step) of a line. */
    static double lrSum(LearningRate lr, long step) {
        double sum = 0;
        for (long t = 0; t < step; t++) {
            sum += lr.at(t);
        }
        return sum;
    }
}

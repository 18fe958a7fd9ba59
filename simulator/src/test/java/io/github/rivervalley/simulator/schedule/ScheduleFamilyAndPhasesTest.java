package io.github.rivervalley.simulator.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import io.github.rivervalley.simulator.schedule.Phase.Kind;
import io.github.rivervalley.simulator.spec.ScheduleFileSpec;
import io.github.rivervalley.simulator.spec.ScheduleSpec;
import io.github.rivervalley.simulator.spec.SpecReader;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Every schedule reports its family and its phases exactly. Boundaries are the closed forms of
 * docs/science.md section 5 worked out by hand for warmup {@code W = 100}, budgets {@code 1000, 2000, 4000}
 * and {@code p = 0.1}: decay lengths {@code d_k = p B_k = 100, 200, 400} (whole numbers, so no rounding is
 * involved); WSD's branch k decays over {@code [B_k - d_k, B_k)} = [900, 1000), [1800, 2000), [3600, 4000)
 * and its main line runs to {@code B_K - d_K = 3600}; WSD-S and cyclic cosine end their k-th decay at
 * {@code e_k = B_k + sum_{j<k} d_j} = 1000, 2100, 4300.
 */
class ScheduleFamilyAndPhasesTest {

    private static final double PEAK = 0.1;
    private static final long W = 100;
    private static final long[] BUDGETS = {1000, 2000, 4000};
    private static final double P = 0.1;
    private static final double FLOOR = 0.1;
    private static final long REWARMUP = 50;

    private static Phase phase(Kind kind, long start, long end) {
        return new Phase(kind, start, end);
    }

    @Test
    void constantIsAWarmupThenTheStableRest() {
        Schedule s = Schedules.constant(PEAK, W, WarmupShape.LINEAR, BUDGETS);
        assertEquals(ScheduleFamily.CONSTANT, s.family());
        assertEquals(List.of(phase(Kind.WARMUP, 0, 100), phase(Kind.STABLE, 100, 4000)), s.phasesOf(Line.MAIN));
    }

    @Test
    void cosineDecaysFromTheWarmupEndToEachBudget() {
        Schedule s = Schedules.cosine(PEAK, W, WarmupShape.LINEAR, FLOOR, BUDGETS);
        assertEquals(ScheduleFamily.COSINE, s.family());
        for (long b : BUDGETS) {
            assertEquals(List.of(phase(Kind.WARMUP, 0, 100), phase(Kind.DECAY, 100, b)), s.phasesOf("cosine-" + b));
        }
        assertEquals(List.of(phase(Kind.DECAY, 100, 1000), phase(Kind.DECAY, 100, 2000), phase(Kind.DECAY, 100, 4000)),
                s.phases(Kind.DECAY));
    }

    @Test
    void wsdBranchesDecayOverTheLastFractionOfEachBudget() {
        Schedule s = Schedules.wsd(PEAK, W, WarmupShape.LINEAR, P, FLOOR, DecayShape.LINEAR, BUDGETS);
        assertEquals(ScheduleFamily.WSD, s.family());
        assertEquals(List.of(phase(Kind.WARMUP, 0, 100), phase(Kind.STABLE, 100, 3600)), s.phasesOf(Line.MAIN));
        assertEquals(List.of(phase(Kind.DECAY, 900, 1000), phase(Kind.DECAY, 1800, 2000), phase(Kind.DECAY, 3600, 4000)),
                s.phases(Kind.DECAY));
        // A branch's states went through main's phases up to the fork (the stable phase cut there), then its decay.
        assertEquals(List.of(phase(Kind.WARMUP, 0, 100), phase(Kind.STABLE, 100, 1800), phase(Kind.DECAY, 1800, 2000)),
                s.phasesOf(Schedules.branchName(2000)));
        // Before its fork a branch's updates are main's.
        assertEquals(Optional.of(phase(Kind.WARMUP, 0, 100)), s.phaseOf(Schedules.branchName(2000), 99));
        assertEquals(Optional.of(phase(Kind.STABLE, 100, 3600)), s.phaseOf(Schedules.branchName(2000), 1799));
        assertEquals(Optional.of(phase(Kind.DECAY, 1800, 2000)), s.phaseOf(Schedules.branchName(2000), 1800));
        assertEquals(Optional.empty(), s.phaseOf(Schedules.branchName(2000), 2000));
    }

    @Test
    void wsdSDecaysOneAfterTheOtherOnOneLineWithItsReWarmups() {
        Schedule s = Schedules.wsdS(PEAK, W, WarmupShape.LINEAR, P, FLOOR, DecayShape.LINEAR, REWARMUP, BUDGETS);
        assertEquals(ScheduleFamily.WSD_S, s.family());
        assertEquals(List.of(
                phase(Kind.WARMUP, 0, 100), phase(Kind.STABLE, 100, 900), phase(Kind.DECAY, 900, 1000),
                phase(Kind.REWARMUP, 1000, 1050), phase(Kind.STABLE, 1050, 1900), phase(Kind.DECAY, 1900, 2100),
                phase(Kind.REWARMUP, 2100, 2150), phase(Kind.STABLE, 2150, 3900), phase(Kind.DECAY, 3900, 4300)),
                s.phasesOf(Line.MAIN));
        assertEquals(s.lines().get(0).phases(), s.phasesOf(Line.MAIN), "a root line's phases are its own");
    }

    @Test
    void cyclicCosineRestartsWhereEachWsdSDecayEnds() {
        Schedule s = Schedules.cyclicCosine(PEAK, W, WarmupShape.LINEAR, P, FLOOR, REWARMUP, BUDGETS);
        assertEquals(ScheduleFamily.CYCLIC_COSINE, s.family());
        assertEquals(List.of(
                phase(Kind.WARMUP, 0, 100), phase(Kind.DECAY, 100, 1000),
                phase(Kind.REWARMUP, 1000, 1050), phase(Kind.DECAY, 1050, 2100),
                phase(Kind.REWARMUP, 2100, 2150), phase(Kind.DECAY, 2150, 4300)),
                s.phasesOf(Line.MAIN));
        assertEquals(List.of(phase(Kind.REWARMUP, 1000, 1050), phase(Kind.REWARMUP, 2100, 2150)), s.phases(Kind.REWARMUP));
    }

    @Test
    void handMadeLinesAreCustom() {
        Line main = new Line(Line.MAIN, Optional.empty(), 0, 10, t -> 1.0, List.of(phase(Kind.STABLE, 0, 10)));
        Schedule s = new LineSchedule(1.0, List.of(main), List.of());
        assertEquals(ScheduleFamily.CUSTOM, s.family());
        assertEquals(List.of(phase(Kind.STABLE, 0, 10)), s.phasesOf(Line.MAIN));
    }

    /** A schedule built from a spec block reports the block's {@code type} as its family label: one name for both. */
    @Test
    void everySpecTypeBuildsItsOwnFamily() {
        JsonSubTypes types = ScheduleSpec.class.getAnnotation(JsonSubTypes.class);
        assertEquals(6, types.value().length, "one test block per schedule type below");
        String common = "peak: 0.1\n  budgets: [1000, 2000]\n";
        for (JsonSubTypes.Type type : types.value()) {
            String block = type.name().equals("piecewise")
                    ? "peak: 0.1\n  phases:\n  - {kind: warmup, steps: 100}\n  - {kind: stable, steps: 1700}\n  - {kind: decay, steps: 200, to: 0.1}\n"
                    : common;
            String yaml = "steps: 2000\nschedule:\n  type: " + type.name() + "\n  " + block;
            Schedule built = SpecReader.instance().bind(SpecReader.instance().readTree(yaml, "test"), ScheduleFileSpec.class).build();
            assertEquals(type.name(), built.family().label(), yaml);
            assertEquals(Optional.of(built.family()), ScheduleFamily.ofLabel(type.name()));
        }
        assertTrue(ScheduleFamily.ofLabel("no-such-family").isEmpty());
    }
}

package io.github.rivervalley.simulator.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rivervalley.landscapes.Decomposer;
import io.github.rivervalley.landscapes.Landscape;
import io.github.rivervalley.landscapes.analytic.CurvedValley;
import io.github.rivervalley.landscapes.analytic.RiverProfile;
import io.github.rivervalley.landscapes.analytic.StraightValley;
import io.github.rivervalley.simulator.flow.GradientFlow;
import io.github.rivervalley.simulator.noise.Noises;
import io.github.rivervalley.simulator.results.Trace;
import io.github.rivervalley.simulator.results.TraceColumns;
import io.github.rivervalley.simulator.results.TraceRow;
import io.github.rivervalley.simulator.spec.RecordSpec;
import io.github.rivervalley.simulator.spec.RunSpec;
import io.github.rivervalley.simulator.spec.SpecReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The {@code path_*} columns ({@code record.path}): replica 0's own trajectory. All comparisons are bit
 * for bit (tolerance 0): the same replica, seeded from (seed, replica index), runs the same arithmetic.
 */
class PathTest {

    /** 2-D, reference step loop, SGD noise, WSD branches and the flow line. */
    private static final CurvedValley CURVED = new CurvedValley(new RiverProfile.Softplus(1.0), 30.0, 1.0, 0.5);
    /** 3-D, straight-valley fast path. */
    private static final StraightValley STRAIGHT = new StraightValley(new RiverProfile.Linear(0.4), new double[] {6.0, 12.0});

    private static final List<String> PATH_2D = List.of(TraceColumns.PATH_RIVER_COORD, TraceColumns.PATH_HILL_DISP,
            TraceColumns.pathX(0), TraceColumns.pathX(1));

    private static Run curved(int replicas, boolean path) {
        return Run.of("curved", CURVED, TestSchedules.wsd(0.05, 10, 0.2, 0.1, 100, 200))
                .withNoise(Noises.hill(1.0)).withReplicas(replicas).withSeed(3).withStart(-3.0, 0.3).withFlow(true)
                .withRecord(RecordSpec.every(7).withPath(path));
    }

    private static Run straight(int replicas) {
        return Run.of("straight", STRAIGHT, TestSchedules.wsd(0.1, 10, 0.2, 0.1, 120, 240))
                .withNoise(Noises.isotropic(0.3)).withReplicas(replicas).withSeed(99).withStart(0.0, 0.5, -0.5)
                .withRecord(RecordSpec.every(5).withPath(true));
    }

    @Test
    void columnsFollowTheDimension() {
        Trace curved = Simulation.trace(curved(1, true), 1);
        assertEquals(PATH_2D, curved.layout().columns().subList(curved.layout().width() - 4, curved.layout().width()));
        Trace straight = Simulation.trace(straight(1), 1);
        assertEquals(List.of(TraceColumns.PATH_RIVER_COORD, TraceColumns.PATH_HILL_DISP, TraceColumns.pathX(0),
                TraceColumns.pathX(1), TraceColumns.pathX(2)),
                straight.layout().columns().subList(straight.layout().width() - 5, straight.layout().width()));
        StraightValley wide = new StraightValley(new RiverProfile.Linear(0.4), new double[] {6.0, 12.0, 3.0});
        Trace four = Simulation.trace(Run.of("wide", wide, TestSchedules.constant(0.01, 20))
                .withRecord(RecordSpec.every(5).withPath(true)), 1);
        assertEquals(List.of(TraceColumns.PATH_RIVER_COORD, TraceColumns.PATH_HILL_DISP),
                four.layout().columns().subList(four.layout().width() - 2, four.layout().width()));
    }

    /** Switching the path on adds columns and changes nothing else. */
    @Test
    void pathLeavesTheOtherColumnsAlone() {
        Trace off = Simulation.trace(curved(70, false), 2);
        Trace on = Simulation.trace(curved(70, true), 2);
        assertEquals(off.layout().columns(), on.layout().columns().subList(0, off.layout().width()));
        assertFalse(off.layout().columns().contains(TraceColumns.PATH_RIVER_COORD));
        assertEquals(off.rows().size(), on.rows().size());
        for (int r = 0; r < off.rows().size(); r++) {
            double[] a = off.rows().get(r).values();
            double[] b = java.util.Arrays.copyOf(on.rows().get(r).values(), a.length);
            assertEquals(java.util.Arrays.toString(a), java.util.Arrays.toString(b), "row " + r);
        }
    }

    /** With one replica the mean is replica 0, so the path equals the mean columns; its coordinates measure to them. */
    @Test
    void oneReplicaPathIsTheMean() {
        for (Run run : List.of(curved(1, true), straight(1))) {
            Trace trace = Simulation.trace(run, 1);
            Landscape landscape = run.landscape();
            double[] measured = new double[Decomposer.Measure.COUNT + ((Decomposer) landscape).extraColumns().size()];
            int rows = 0;
            for (String line : trace.lines()) {
                for (TraceRow row : trace.rows(line)) {
                    long step = row.step();
                    double coord = trace.value(line, step, TraceColumns.RIVER_COORD);
                    double disp = trace.value(line, step, TraceColumns.HILL_DISP);
                    assertEquals(coord, trace.value(line, step, TraceColumns.PATH_RIVER_COORD), 0.0, line + " " + step);
                    assertEquals(disp, trace.value(line, step, TraceColumns.PATH_HILL_DISP), 0.0, line + " " + step);
                    double[] x = new double[landscape.dimension()];
                    for (int k = 0; k < x.length; k++) {
                        x[k] = trace.value(line, step, TraceColumns.pathX(k));
                    }
                    ((Decomposer) landscape).measure(x, measured);
                    assertEquals(coord, measured[Decomposer.Measure.RIVER_COORD.ordinal()], 0.0, line + " " + step);
                    assertEquals(disp, measured[Decomposer.Measure.HILL_DISP.ordinal()], 0.0, line + " " + step);
                    rows++;
                }
            }
            assertTrue(rows > 40, run.name() + ": " + rows + " rows");
            assertTrue(trace.lines().contains(GradientFlow.LINE) == run.flow());
        }
    }

    /**
     * Replica r's stream is seeded from (seed, r) alone, so replica 0 of a many-replica run (several
     * blocks, several threads) follows exactly the trajectory of a one-replica run.
     */
    @Test
    void replicaZeroOfManyIsTheOneReplicaRun() {
        for (Run[] pair : List.of(new Run[] {curved(1, true), curved(70, true)}, new Run[] {straight(1), straight(70)})) {
            Trace one = Simulation.trace(pair[0], 1);
            Trace many = Simulation.trace(pair[1], 2);
            assertEquals(Simulation.trace(pair[1], 1).toCsv(), many.toCsv(), "thread count");
            List<String> columns = new ArrayList<>(many.layout().columns().subList(many.layout().path(), many.layout().width()));
            int differ = 0;
            for (String line : one.lines()) {
                for (String column : columns) {
                    assertEquals(java.util.Arrays.toString(one.column(line, column)),
                            java.util.Arrays.toString(many.column(line, column)), line + " " + column);
                }
                double[] path = many.column(line, TraceColumns.PATH_HILL_DISP);
                double[] mean = many.column(line, TraceColumns.HILL_DISP);
                for (int i = 0; i < path.length; i++) {
                    differ += path[i] != mean[i] ? 1 : 0;
                }
            }
            // Noise makes every replica different: the path is not the mean (the flow line aside).
            assertTrue(differ > 20, pair[0].name() + ": path differs from the mean on " + differ + " rows");
        }
    }

    /** The spec field: default false, written out by the resolved spec, and it turns the columns on. */
    @Test
    void specField() {
        String yaml = """
                name: p
                steps: 20
                landscape: {type: curved-valley, hillCurvature: 10, amplitude: 1, wavenumber: 0.5, river: {type: linear, slope: 1}}
                optimizer: {type: gd}
                schedule: {type: constant, peak: 0.01}
                """;
        SpecReader reader = SpecReader.instance();
        RunSpec plain = reader.read(yaml, "test spec", RunSpec.class);
        assertEquals(Boolean.FALSE, plain.resolved().record().path());
        assertFalse(reader.toYaml(plain).contains("path"));
        assertTrue(reader.toYaml(plain.resolved()).contains("path: false"), reader.toYaml(plain.resolved()));
        RunSpec on = reader.read(yaml + "record: {path: true}\n", "test spec", RunSpec.class);
        assertEquals(Boolean.TRUE, on.record().path());
        assertTrue(Simulation.trace(on, 1).layout().columns().containsAll(PATH_2D));
        assertFalse(Simulation.trace(plain, 1).layout().columns().contains(TraceColumns.PATH_RIVER_COORD));
    }

    /** GD beyond the stability limit: the path is empty once replica 0 has diverged. */
    @Test
    void divergedPathIsEmpty() {
        StraightValley valley = new StraightValley(new RiverProfile.Linear(0.4), new double[] {10.0});
        Run run = Run.of("diverge", valley, TestSchedules.constant(0.25, 200)).withStart(0.0, 1.0)
                .withRecord(RecordSpec.every(1).withPath(true).withDivergenceThreshold(1e6));
        Trace trace = Simulation.trace(run, 1);
        double[] diverged = trace.column(io.github.rivervalley.simulator.schedule.Line.MAIN, TraceColumns.DIVERGED);
        double[] path = trace.column(io.github.rivervalley.simulator.schedule.Line.MAIN, TraceColumns.PATH_HILL_DISP);
        int before = 0;
        int after = 0;
        for (int i = 0; i < path.length; i++) {
            if (diverged[i] > 0) {
                assertTrue(Double.isNaN(path[i]), "row " + i);
                after++;
            } else {
                assertTrue(Double.isFinite(path[i]), "row " + i);
                before++;
            }
        }
        assertTrue(before > 5 && after > 5, before + " rows before divergence, " + after + " after");
        String last = trace.toCsv().lines().reduce((a, b) -> b).orElseThrow();
        assertTrue(last.endsWith(",,,"), "empty path fields: " + last);
    }
}

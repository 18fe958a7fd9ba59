package io.github.rivervalley.simulator.results.read;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rivervalley.simulator.engine.Run;
import io.github.rivervalley.simulator.engine.Simulation;
import io.github.rivervalley.simulator.results.CsvRows;
import io.github.rivervalley.simulator.results.CsvTraceWriter;
import io.github.rivervalley.simulator.results.Trace;
import io.github.rivervalley.simulator.results.TraceColumns;
import io.github.rivervalley.simulator.results.TraceLayout;
import io.github.rivervalley.simulator.results.TraceRecorder;
import io.github.rivervalley.simulator.results.TraceRow;
import io.github.rivervalley.simulator.schedule.Phase;
import io.github.rivervalley.simulator.schedule.Schedule;
import io.github.rivervalley.simulator.spec.RunSpec;
import io.github.rivervalley.simulator.spec.SpecReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The in-memory entry to the reader against the reader of the same trace's CSV text: a run charted from
 * memory must be the run charted from its files, to the bit (buckets, exactly kept rows, phases), whether
 * the trace is kept row by row or downsampled with repeated bucket merges.
 */
class DownsamplerTest {

    /** Noisy SGD with WSD branches and a sharpness column on every 7th row only (buckets with and without values). */
    private static final String SPEC = """
            name: wsd
            seed: 3
            steps: 1200
            replicas: 6
            landscape: {type: straight-valley, dimension: 3, hillCurvature: 10, spread: {type: geometric, min: 0.5},
                        river: {type: linear, slope: 1}}
            start: [0, 0.5, 0.5]
            optimizer: {type: sgd}
            noise: {type: hill, sigma: 1.0}
            schedule: {type: wsd, peak: 0.1, warmup: 50, decayFraction: 0.2, floor: 0.1, budgets: [600, 1200]}
            record: {every: 1, sharpnessEvery: 7, path: true}
            """;

    private static Trace trace() {
        RunSpec spec = SpecReader.instance().bind(SpecReader.instance().readTree(SPEC, "test spec"), RunSpec.class);
        return Simulation.trace(spec, 1);
    }

    private static Schedule schedule() {
        return Simulation.prepare(SpecReader.instance().bind(SpecReader.instance().readTree(SPEC, "test spec"), RunSpec.class)).schedule();
    }

    /** The CSV read back; a CSV without the phase column takes its phases from {@code schedule}. */
    private static List<RecordedTrace> readCsv(String csv, int buckets, Schedule schedule) throws IOException {
        return new TraceReader(buckets).read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "trace.csv", schedule);
    }

    @ParameterizedTest
    @ValueSource(ints = {2048, 64, 2})
    void memoryAndFileGiveTheSameTracesToTheBit(int buckets) throws IOException {
        Trace trace = trace();
        List<RecordedTrace> fromFile = readCsv(trace.toCsv(), buckets, schedule());
        List<RecordedTrace> fromMemory = Downsampler.of(trace, Long.MIN_VALUE, Long.MAX_VALUE, buckets, schedule());
        assertEquals(fromFile.size(), fromMemory.size());
        assertTrue(fromFile.size() >= 2, "main and a branch");
        for (int i = 0; i < fromFile.size(); i++) {
            assertSame(fromFile.get(i), fromMemory.get(i));
        }
        if (buckets == 64) {
            assertTrue(fromMemory.get(0).bucketWidth() > 1, "the main line was downsampled");
        }
    }

    @Test
    void theEngineFeedsItDirectly() throws IOException {
        RunSpec spec = SpecReader.instance().bind(SpecReader.instance().readTree(SPEC, "test spec"), RunSpec.class);
        Run run = Simulation.prepare(spec);
        Downsampler downsampler = new Downsampler(64, run.schedule());
        TraceRecorder recorder = new TraceRecorder();
        StringWriter csv = new StringWriter();
        Simulation.execute(run, 2, List.of(downsampler, recorder, new CsvTraceWriter(csv, run.schedule())));
        List<RecordedTrace> fromFile = readCsv(recorder.trace().toCsv(), 64, run.schedule());
        List<RecordedTrace> fromEngine = downsampler.traces();
        assertEquals(fromFile.size(), fromEngine.size());
        // The file as the run command writes it has the phase column: the same phases, read from it.
        List<RecordedTrace> withPhaseColumn = readCsv(csv.toString(), 64, null);
        for (int i = 0; i < fromFile.size(); i++) {
            assertSame(fromFile.get(i), fromEngine.get(i));
            assertEquals(withPhaseColumn.get(i).phases(), fromEngine.get(i).phases());
        }
        // Main: warmup [0, 50), then stable to where the last budget's decay starts, 1200 - 0.2 x 1200 = 960.
        assertEquals(List.of(new Phase(Phase.Kind.WARMUP, 0, 50), new Phase(Phase.Kind.STABLE, 50, 960)), fromEngine.get(0).phases());
    }

    @Test
    void aStepRangeKeepsOnlyItsRows() throws IOException {
        Trace trace = trace();
        StringBuilder csv = new StringBuilder(trace.layout().header()).append('\n');
        for (TraceRow row : trace.rows()) {
            if (row.step() >= 100 && row.step() <= 700) {
                CsvRows.append(trace.layout(), row, csv);
            }
        }
        List<RecordedTrace> fromFile = readCsv(csv.toString(), 256, schedule());
        List<RecordedTrace> fromMemory = Downsampler.of(trace, 100, 700, 256, schedule());
        assertEquals(fromFile.size(), fromMemory.size());
        for (int i = 0; i < fromFile.size(); i++) {
            assertSame(fromFile.get(i), fromMemory.get(i));
            assertTrue(fromMemory.get(i).firstStep() >= 100 && fromMemory.get(i).lastStep() <= 700);
        }
    }

    @Test
    void rowsOutOfStepOrderAreRefused() {
        TraceLayout layout = trace().layout();
        Downsampler downsampler = new Downsampler(4, null);
        downsampler.init(layout);
        downsampler.handleStep(new TraceRow("main", new double[layout.width()]));
        String message = assertThrows(IllegalArgumentException.class,
                () -> downsampler.handleStep(new TraceRow("main", new double[layout.width()]))).getMessage();
        assertEquals("the trace has step 0 on line 'main' after step 0; steps must increase within a line", message);
    }

    private static void assertSame(RecordedTrace expected, RecordedTrace actual) {
        assertEquals(expected.line(), actual.line());
        assertEquals(expected.rows(), actual.rows());
        assertEquals(expected.bucketWidth(), actual.bucketWidth());
        assertEquals(expected.columnNames(), actual.columnNames());
        assertEquals(expected.phases(), actual.phases());
        for (String name : expected.columnNames()) {
            Column e = expected.column(name);
            Column a = actual.column(name);
            assertEquals(e.size(), a.size(), name);
            for (int b = 0; b < e.size(); b++) {
                // assertEquals on doubles compares bits (NaN equals NaN): no tolerance, the paths must agree exactly.
                assertEquals(e.mean(b), a.mean(b), name + " mean of bucket " + b);
                assertEquals(e.min(b), a.min(b), name + " min of bucket " + b);
                assertEquals(e.max(b), a.max(b), name + " max of bucket " + b);
            }
            assertEquals(expected.last(name), actual.last(name), name + " at the last step");
        }
        for (var phase : expected.phases()) {
            for (long step : new long[] {phase.start(), phase.end()}) {
                for (String name : List.of(TraceColumns.LOSS, TraceColumns.HILL_EXCESS, TraceColumns.RIVER_LOSS)) {
                    assertEquals(expected.exact(step, name), actual.exact(step, name), name + " at step " + step);
                }
            }
        }
        assertArrayEquals(expected.step().means(), actual.step().means());
    }
}

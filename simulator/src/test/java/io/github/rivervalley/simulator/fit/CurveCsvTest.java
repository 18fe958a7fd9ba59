package io.github.rivervalley.simulator.fit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Curve input: column selection, sparse rows, rate rebuilding, and one test per kind of bad input. */
class CurveCsvTest {

    @TempDir
    Path dir;

    private Path file(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    private static void assertNames(CurveFormatException e, Path file, int row, String column) {
        assertEquals(row, e.row(), e.getMessage());
        assertEquals(column, e.column(), e.getMessage());
        assertTrue(e.getMessage().startsWith(file + " row " + row + " column '" + column + "'"), e.getMessage());
    }

    /** Reads {@code text} as the curve file {@code name}: it must be refused, naming the file, {@code row} and {@code column}. */
    private CurveFormatException assertRefused(String name, String text, int row, String column) throws IOException {
        Path f = file(name, text);
        CurveFormatException e = assertThrows(CurveFormatException.class, () -> CurveCsv.read(f, CurveCsv.Columns.DEFAULT));
        assertNames(e, f, row, column);
        return e;
    }

    static Stream<Arguments> badFiles() {
        return Stream.of(
                Arguments.of("missing column", "step,lr,los\n1,0.1,3\n", 1, "loss"),
                Arguments.of("NaN loss", "step,lr,loss\n10,0.1,3\n20,0.1,NaN\n", 3, "loss"),
                Arguments.of("non-positive loss", "step,lr,loss\n10,0.1,3\n20,0.1,2\n30,0.1,0\n", 4, "loss"),
                Arguments.of("unparsable number", "step,lr,loss\n10,0.1,3\n20,abc,2.9\n", 3, "lr"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFiles")
    void badFileIsRefusedNamingFileRowAndColumn(String what, String text, int row, String column) throws IOException {
        assertRefused("bad.csv", text, row, column);
    }

    @Test
    void stepsNotIncreasing() throws IOException {
        CurveFormatException e = assertRefused("b.csv", "step,lr,loss\n10,0.1,3\n20,0.1,2.9\n20,0.1,2.8\n", 4, "step");
        assertTrue(e.getMessage().contains("row 3"), e.getMessage());
    }

    @Test
    void scheduleShorterThanTheCurve() throws IOException {
        Path f = file("e.csv", "step,loss\n10,3\n20,2.9\n30,2.8\n");
        Path s = file("s.yaml", "steps: 25\nschedule: {type: constant, peak: 0.1}\n");
        CurveFormatException e = assertThrows(CurveFormatException.class,
                () -> CurveSource.load(f, s, CurveCsv.Columns.DEFAULT, null, new ArrayList<>()));
        assertNames(e, f, 4, "step");
        assertTrue(e.getMessage().contains("25 steps"), e.getMessage());
    }

    @Test
    void selectedColumnsAndTraceLines() throws IOException {
        Path f = file("trace.csv", "line,step,lr,train/loss\nmain,0,0.1,4\nmain,1,0.1,3\nbranch,1,0.1,9\nmain,2,0.05,2.5\n");
        CurveCsv.Rows rows = CurveCsv.read(f, new CurveCsv.Columns(null, "train/loss", null, null));
        assertArrayEquals(new long[] {1, 2}, rows.steps(), "step 0 skipped, other lines dropped");
        assertArrayEquals(new double[] {3, 2.5}, rows.loss());
    }

    @Test
    void rebuildIsExactForDenseRowsAndLinearBetweenSparseOnes() throws IOException {
        Path dense = file("dense.csv", "step,lr,loss\n1,0.3,3\n2,0.2,2.9\n3,0.1,2.8\n");
        List<String> warnings = new ArrayList<>();
        Curve c = CurveCsv.withRebuiltRates(CurveCsv.read(dense, CurveCsv.Columns.DEFAULT), warnings);
        assertArrayEquals(new double[] {0.3, 0.2, 0.1}, c.rates(), 0.0);
        assertTrue(warnings.isEmpty(), warnings.toString());
        Path sparse = file("sparse.csv", "step,lr,loss\n4,0.4,3\n8,0.8,2.9\n12,0.8,2.8\n");
        Curve s = CurveCsv.withRebuiltRates(CurveCsv.read(sparse, CurveCsv.Columns.DEFAULT), warnings);
        // warmup ramp 0.1, 0.2, 0.3, 0.4 up to the first row; then linear 0.5 .. 0.8 (rates of updates 4..7); then flat
        assertArrayEquals(new double[] {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.8, 0.8, 0.8, 0.8}, s.rates(), 1e-15);
        assertEquals(2, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains("linear warmup"), warnings.get(0));
        assertTrue(warnings.get(1).contains("too sparse"), warnings.get(1));
    }
}

package io.github.rivervalley.reports.html;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The fit report's sentence of a law's fixed constants. */
class FitReportTest {

    @Test
    void constantsReadAsNumbersWithoutJavaMapSyntax() {
        Map<String, Double> c = new LinkedHashMap<>();
        c.put("referenceRate", 3.0e-4);
        c.put("referenceTime", 4970.756179899642);
        c.put("modes", 2.0);
        // six significant digits, trailing zeros dropped, in the law's own order
        assertEquals("Constants (not fitted): referenceRate = 0.0003, referenceTime = 4970.76, modes = 2. ", FitReport.constants(c));
    }

    @Test
    void aLawWithoutConstantsGetsNoSentence() {
        assertEquals("", FitReport.constants(Map.of()));
    }
}

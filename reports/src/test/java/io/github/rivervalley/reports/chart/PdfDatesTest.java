package io.github.rivervalley.reports.chart;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.TimeZone;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;

/** A chart's PDF is a pure function of the chart: the library's wall-clock dates are replaced by a fixed one. */
class PdfDatesTest {

    @Test
    void theSameChartGivesTheSameBytesAtAnyTime() throws Exception {
        byte[] first = ChartFiles.pdf(SampleCharts.decayingLoss(), 300, 200);
        Thread.sleep(1100); // the library's date has one-second resolution
        byte[] second = ChartFiles.pdf(SampleCharts.decayingLoss(), 300, 200);
        assertArrayEquals(first, second);
    }

    @Test
    void theDatesReadAsTheFixedDateAndThePdfStillParses() throws Exception {
        byte[] pdf = ChartFiles.pdf(SampleCharts.decayingLoss(), 300, 200);
        String text = new String(pdf, StandardCharsets.ISO_8859_1);
        assertTrue(text.contains("/CreationDate (D:20000101000000"), "creation date fixed");
        assertTrue(text.contains("/ModDate (D:20000101000000"), "modification date fixed");
        try (PDDocument doc = Loader.loadPDF(pdf)) { // offsets intact: PDFBox reads the info dictionary
            assertEquals(1, doc.getNumberOfPages());
            Calendar created = doc.getDocumentInformation().getCreationDate();
            Calendar expected = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
            expected.clear();
            expected.set(2000, Calendar.JANUARY, 1, 0, 0, 0);
            assertEquals(expected.getTimeInMillis(), created.getTimeInMillis());
        }
    }
}

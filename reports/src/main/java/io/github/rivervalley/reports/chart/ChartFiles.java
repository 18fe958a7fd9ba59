package io.github.rivervalley.reports.chart;

import io.github.rivervalley.simulator.io.AtomicFile;
import java.awt.geom.Rectangle2D;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.pdf.PDFDocument;
import org.jfree.pdf.PDFGraphics2D;
import org.jfree.pdf.PDFHints;
import org.jfree.pdf.Page;
import org.jfree.svg.SVGGraphics2D;

/**
 * Writes a chart in every format a reader may want, side by side and each atomically: {@code name.png}
 * (for the page), {@code name@2x.png} (twice the pixels, for high-density screens and slides),
 * {@code name.svg} and {@code name.pdf} (vector, for papers).
 *
 * <p>The PDF is laid out on a page of {@link #PDF_SCALE} times the pixel size in points (a 1100 x 620
 * chart becomes a 9.2 x 5.2 inch page), so its text, drawn at the theme's sizes, is 1.7 times as large
 * relative to the figure as on screen: 13 pt tick labels are 7 pt on a 5 inch wide figure. Text is
 * drawn as outlines (every glyph the charts use, no font embedding).
 */
public final class ChartFiles {

    /** Page size of the PDF relative to the pixel size, in points per pixel. */
    public static final double PDF_SCALE = 0.6;

    private ChartFiles() {
    }

    /** The files of one chart; a format not written has a null path. */
    public record Written(Path png, Path png2x, Path svg, Path pdf, int width, int height) {
    }

    /** The name of the double-resolution PNG of chart {@code name}. */
    public static String png2xName(String name) {
        return name + "@2x.png";
    }

    /** Renders {@code chart} at {@code width x height} into {@code directory/name.png}, {@code @2x.png}, {@code .svg} and {@code .pdf}. */
    public static Written write(JFreeChart chart, Path directory, String name, int width, int height) {
        return write(chart, directory, name, width, height, ChartFormats.ALL);
    }

    /** Renders {@code chart} into the files of {@code formats} only. */
    public static Written write(JFreeChart chart, Path directory, String name, int width, int height, ChartFormats formats) {
        Path png = formats.has(ChartFormats.Format.PNG) ? directory.resolve(name + ".png") : null;
        Path png2x = formats.has(ChartFormats.Format.PNG2X) ? directory.resolve(png2xName(name)) : null;
        Path svg = formats.has(ChartFormats.Format.SVG) ? directory.resolve(name + ".svg") : null;
        Path pdf = formats.has(ChartFormats.Format.PDF) ? directory.resolve(name + ".pdf") : null;
        if (png != null) {
            AtomicFile.writeBytes(png, png(chart, width, height, 1));
        }
        if (png2x != null) {
            AtomicFile.writeBytes(png2x, png(chart, width, height, 2));
        }
        if (svg != null) {
            SVGGraphics2D g = new SVGGraphics2D(width, height);
            // JFreeSVG's default id prefix comes from System.nanoTime; one from the chart's name keeps the file a
            // pure function of the chart and the ids distinct between the charts of one report.
            g.setDefsKeyPrefix("_" + name.replaceAll("[^A-Za-z0-9_-]", "_"));
            chart.draw(g, new Rectangle2D.Double(0, 0, width, height));
            AtomicFile.writeString(svg, g.getSVGDocument());
        }
        if (pdf != null) {
            AtomicFile.writeBytes(pdf, pdf(chart, (int) Math.round(width * PDF_SCALE), (int) Math.round(height * PDF_SCALE)));
        }
        return new Written(png, png2x, svg, pdf, width, height);
    }

    private static byte[] png(JFreeChart chart, int width, int height, int scale) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 18);
        try {
            if (scale == 1) {
                ChartUtils.writeChartAsPNG(bytes, chart, width, height);
            } else {
                ChartUtils.writeScaledChartAsPNG(bytes, chart, width, height, scale, scale);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render a PNG of " + chart.getTitle(), e);
        }
        return bytes.toByteArray();
    }

    /** One page of {@code width x height} points holding the chart laid out at that size. */
    static byte[] pdf(JFreeChart chart, int width, int height) {
        PDFDocument document = new PDFDocument();
        if (chart.getTitle() != null) {
            document.setTitle(chart.getTitle().getText());
        }
        document.setAuthor("rivervalley");
        Page page = document.createPage(new Rectangle2D.Double(0, 0, width, height));
        PDFGraphics2D g = page.getGraphics2D();
        // Text as glyph outlines: the PDF standard fonts lack the charts' +-, en dash and Greek letters.
        g.setRenderingHint(PDFHints.KEY_DRAW_STRING_TYPE, PDFHints.VALUE_DRAW_STRING_TYPE_VECTOR);
        chart.draw(g, new Rectangle2D.Double(0, 0, width, height));
        return fixedDates(document.getPDFBytes());
    }

    /** The date every PDF claims, digit for digit (yyyyMMddHHmmss, then a zero UTC offset). */
    private static final String FIXED_DATE = "20000101000000";

    /**
     * The PDF with its {@code /CreationDate} and {@code /ModDate} set to {@link #FIXED_DATE}: the PDF
     * library stamps the wall clock, which would make a chart's bytes depend on when it was drawn (outputs
     * are a pure function of the runs, and an interrupted report must be repaired to the same bytes).
     * Digits are overwritten in place, so the length and every cross-reference offset stay as they are.
     */
    static byte[] fixedDates(byte[] pdf) {
        for (String key : new String[] {"/CreationDate", "/ModDate"}) {
            byte[] k = key.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            for (int at = indexOf(pdf, k, 0); at >= 0; at = indexOf(pdf, k, at + k.length)) {
                int i = at + k.length;
                while (i < pdf.length && pdf[i] != '(') {
                    i++;
                }
                if (i + 3 >= pdf.length || pdf[i + 1] != 'D' || pdf[i + 2] != ':') {
                    continue;
                }
                int digit = 0;
                for (int j = i + 3; j < pdf.length && pdf[j] != ')'; j++) {
                    if (pdf[j] >= '0' && pdf[j] <= '9') {
                        pdf[j] = (byte) (digit < FIXED_DATE.length() ? FIXED_DATE.charAt(digit) : '0');
                        digit++;
                    } else if (pdf[j] == '-') {
                        pdf[j] = '+';
                    }
                }
            }
        }
        return pdf;
    }

    private static int indexOf(byte[] data, byte[] key, int from) {
        outer:
        for (int i = from; i <= data.length - key.length; i++) {
            for (int j = 0; j < key.length; j++) {
                if (data[i + j] != key[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}

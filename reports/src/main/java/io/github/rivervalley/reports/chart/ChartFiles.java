package io.github.rivervalley.reports.chart;

import io.github.rivervalley.simulator.io.AtomicFile;
import java.awt.geom.Rectangle2D;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;

/** Writes a chart as PNG and SVG side by side ({@code name.png}, {@code name.svg}), each atomically. */
public final class ChartFiles {

    private ChartFiles() {
    }

    /** The two files of one chart. */
    public record Written(Path png, Path svg, int width, int height) {
    }

    /** Renders {@code chart} at {@code width x height} into {@code directory/name.png} and {@code .svg}. */
    public static Written write(JFreeChart chart, Path directory, String name, int width, int height) {
        Path png = directory.resolve(name + ".png");
        Path svg = directory.resolve(name + ".svg");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 18);
        try {
            ChartUtils.writeChartAsPNG(bytes, chart, width, height);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render " + png, e);
        }
        AtomicFile.writeBytes(png, bytes.toByteArray());
        SVGGraphics2D g = new SVGGraphics2D(width, height);
        chart.draw(g, new Rectangle2D.Double(0, 0, width, height));
        AtomicFile.writeString(svg, g.getSVGDocument());
        return new Written(png, svg, width, height);
    }
}

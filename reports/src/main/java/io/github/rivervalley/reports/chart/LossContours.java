package io.github.rivervalley.reports.chart;

import io.github.rivervalley.landscapes.Landscape;
import io.github.rivervalley.landscapes.RiverValley;
import java.awt.Color;
import java.awt.image.BufferedImage;

/** The loss over a rectangle of a plane as filled contours: the background of the trajectory charts. */
final class LossContours {

    private LossContours() {
    }

    /** The loss of a 2-D landscape over a rectangle of its own plane, as {@link #lossImage}'s contours. */
    static BufferedImage planeImage(Landscape landscape, double x0, double x1, double y0, double y1, int w, int h) {
        double[] q = new double[2];
        double[] values = new double[w * h];
        for (int i = 0; i < w; i++) {
            q[0] = x0 + (i + 0.5) / w * (x1 - x0);
            for (int j = 0; j < h; j++) {
                q[1] = y1 - (j + 0.5) / h * (y1 - y0);
                values[j * w + i] = landscape.value(q);
            }
        }
        return contours(values, w, h);
    }

    /**
     * The loss over a rectangle of the plane (river coordinate c, displacement d along the steepest hill
     * direction): the point {@code riverPoint(c) + d n(c)}, other hill coordinates on the floor. Drawn as
     * filled contours: 14 levels of {@code log(1 + (L - Lmin)/scale)}, white at the lowest.
     */
    static BufferedImage lossImage(RiverValley valley, double x0, double x1, double y0, double y1, int w, int h) {
        int d = valley.dimension();
        double[] p = new double[d];
        double[] n = new double[d];
        double[] q = new double[d];
        double[] values = new double[w * h];
        for (int i = 0; i < w; i++) {
            double c = x0 + (i + 0.5) / w * (x1 - x0);
            valley.riverPoint(c, p);
            valley.topHillDirection(p, n);
            for (int j = 0; j < h; j++) {
                double disp = y1 - (j + 0.5) / h * (y1 - y0);
                for (int k = 0; k < d; k++) {
                    q[k] = p[k] + disp * n[k];
                }
                values[j * w + i] = valley.value(q);
            }
        }
        return contours(values, w, h);
    }

    /** Filled contours of a grid of values (row-major, top row first): 14 levels of {@code log(1 + (L - Lmin)/scale)}, white at the lowest. */
    private static BufferedImage contours(double[] values, int w, int h) {
        FiniteRange finite = FiniteRange.of(values);
        double lo = finite.min();
        double hi = finite.max();
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        double range = hi - lo;
        double scale = range > 0 ? range * 0.02 : 1;
        double top = Math.log1p(range / scale);
        int levels = 14;
        Color light = new Color(0xFFFFFF);
        Color dark = new Color(0xA9B4BF);
        for (int j = 0; j < h; j++) {
            for (int i = 0; i < w; i++) {
                double v = values[j * w + i];
                double u = Double.isFinite(v) && top > 0 ? Math.log1p((v - lo) / scale) / top : 1;
                double level = Math.min(levels - 1, Math.floor(u * levels)) / (levels - 1);
                image.setRGB(i, j, LossScale.mix(light, dark, level).getRGB());
            }
        }
        return image;
    }
}

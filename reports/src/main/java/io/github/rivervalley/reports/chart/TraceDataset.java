package io.github.rivervalley.reports.chart;

import io.github.rivervalley.simulator.results.read.Column;
import java.util.ArrayList;
import java.util.List;
import org.jfree.data.xy.AbstractIntervalXYDataset;

/**
 * A read-only {@link org.jfree.data.xy.IntervalXYDataset} over trace columns: no copies of the data,
 * just an index of the buckets each series shows. The y interval is the band drawn around a series:
 * the minimum and maximum within each bucket (oscillation survives downsampling), widened by a multiple
 * of a spread column when one is given (two standard errors of the replica mean, say).
 */
public final class TraceDataset extends AbstractIntervalXYDataset {

    private static final long serialVersionUID = 1L;

    /** One series: y against x over the buckets {@code rows}. */
    public static final class Series {
        final String key;
        final Column x;
        final Column y;
        final Column spread;
        final double factor;
        final int[] rows;

        private Series(String key, Column x, Column y, Column spread, double factor, int[] rows) {
            this.key = key;
            this.x = x;
            this.y = y;
            this.spread = spread;
            this.factor = factor;
            this.rows = rows;
        }

        double lower(int i) {
            double lower = y.min(i) - width(i);
            // On a log axis a band reaching zero or below runs off the bottom: clamp it to the axis floor.
            return floor > 0 && !(lower >= floor) ? floor : lower;
        }

        double floor;

        double upper(int i) {
            return y.max(i) + width(i);
        }

        private double width(int i) {
            return spread == null || Double.isNaN(spread.max(i)) ? 0 : factor * spread.max(i);
        }

        /** Number of points. */
        public int size() {
            return rows.length;
        }
    }

    private final List<Series> series = new ArrayList<>();
    private final boolean positiveOnly;

    /**
     * A dataset; with {@code positiveOnly} (for log axes) points whose y is not positive are left out and
     * bands are clamped below at a tenth of the series' smallest positive value.
     */
    public TraceDataset(boolean positiveOnly) {
        this.positiveOnly = positiveOnly;
    }

    /** Adds all buckets of {@code y} against {@code x}; band min/max widened by {@code factor * spread} (spread may be null). */
    public Series add(String key, Column x, Column y, Column spread, double factor) {
        return add(key, x, y, spread, factor, null, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
    }

    /** Adds the buckets whose {@code filter} value (x when null) lies in {@code [from, to]}. */
    public Series add(String key, Column x, Column y, Column spread, double factor, Column filter, double from, double to) {
        Column f = filter == null ? x : filter;
        int[] keep = new int[x.size()];
        int n = 0;
        for (int i = 0; i < x.size(); i++) {
            double fi = f.mean(i);
            if (!(fi >= from && fi <= to) || Double.isNaN(y.mean(i)) || Double.isNaN(x.mean(i))) {
                continue;
            }
            keep[n++] = i;
        }
        Series s = new Series(key, x, y, spread, factor, java.util.Arrays.copyOf(keep, n));
        if (positiveOnly) {
            int m = 0;
            double smallest = Double.POSITIVE_INFINITY;
            for (int j = 0; j < n; j++) {
                double yj = y.mean(keep[j]);
                if (yj > 0) {
                    keep[m++] = keep[j];
                    smallest = Math.min(smallest, Math.min(yj, y.min(keep[j]) > 0 ? y.min(keep[j]) : yj));
                }
            }
            s = new Series(key, x, y, spread, factor, java.util.Arrays.copyOf(keep, m));
            s.floor = m > 0 ? smallest / 10 : 0;
        }
        series.add(s);
        fireDatasetChanged();
        return s;
    }

    @Override
    public int getSeriesCount() {
        return series.size();
    }

    @Override
    public Comparable<?> getSeriesKey(int s) {
        return series.get(s).key;
    }

    @Override
    public int getItemCount(int s) {
        return series.get(s).rows.length;
    }

    @Override
    public Number getX(int s, int item) {
        return getXValue(s, item);
    }

    @Override
    public double getXValue(int s, int item) {
        Series ser = series.get(s);
        return ser.x.mean(ser.rows[item]);
    }

    @Override
    public Number getY(int s, int item) {
        return getYValue(s, item);
    }

    @Override
    public double getYValue(int s, int item) {
        Series ser = series.get(s);
        return ser.y.mean(ser.rows[item]);
    }

    @Override
    public Number getStartX(int s, int item) {
        return getXValue(s, item);
    }

    @Override
    public Number getEndX(int s, int item) {
        return getXValue(s, item);
    }

    @Override
    public Number getStartY(int s, int item) {
        return getStartYValue(s, item);
    }

    @Override
    public double getStartYValue(int s, int item) {
        Series ser = series.get(s);
        return ser.lower(ser.rows[item]);
    }

    @Override
    public Number getEndY(int s, int item) {
        return getEndYValue(s, item);
    }

    @Override
    public double getEndYValue(int s, int item) {
        Series ser = series.get(s);
        return ser.upper(ser.rows[item]);
    }
}

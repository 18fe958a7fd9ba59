package io.github.rivervalley.reports.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleInsets;

/**
 * The one theme every chart of a report is drawn with: large sans-serif fonts (readable when a chart is
 * shrunk into a page or a slide), white plots with light grid lines, no shadows or gradients. Series
 * colours are set by {@link Charts} from the {@link Palette}; the theme handles everything else.
 */
public final class RiverValleyTheme extends StandardChartTheme {

    private static final long serialVersionUID = 1L;

    private static final Color GRID = new Color(0xDDDDDD);
    private static final Color TEXT = new Color(0x222222);

    /** The shared instance (declared after the colours it uses). */
    public static final RiverValleyTheme INSTANCE = new RiverValleyTheme();

    private RiverValleyTheme() {
        super("rivervalley", false);
        String family = Font.SANS_SERIF;
        setExtraLargeFont(new Font(family, Font.BOLD, 22));
        setLargeFont(new Font(family, Font.BOLD, 17));
        setRegularFont(new Font(family, Font.PLAIN, 15));
        setSmallFont(new Font(family, Font.PLAIN, 13));
        setTitlePaint(TEXT);
        setSubtitlePaint(new Color(0x555555));
        setChartBackgroundPaint(Color.WHITE);
        setPlotBackgroundPaint(Color.WHITE);
        setPlotOutlinePaint(new Color(0xAAAAAA));
        setDomainGridlinePaint(GRID);
        setRangeGridlinePaint(GRID);
        setAxisLabelPaint(TEXT);
        setTickLabelPaint(TEXT);
        setLegendBackgroundPaint(Color.WHITE);
        setLegendItemPaint(TEXT);
        setAxisOffset(new RectangleInsets(0, 0, 0, 0));
        setShadowVisible(false);
        setBarPainter(new org.jfree.chart.renderer.category.StandardBarPainter());
        setXYBarPainter(new org.jfree.chart.renderer.xy.StandardXYBarPainter());
    }

    /** Keeps the series colours and strokes {@link Charts} set from the {@link Palette} (the standard theme clears them). */
    @Override
    protected void applyToXYItemRenderer(org.jfree.chart.renderer.xy.XYItemRenderer renderer) {
        renderer.setDefaultItemLabelFont(getRegularFont());
        renderer.setDefaultItemLabelPaint(getItemLabelPaint());
    }

    /** Applies the theme, then the touches JFreeChart's theme API does not reach. */
    @Override
    public void apply(JFreeChart chart) {
        super.apply(chart);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        chart.setPadding(new RectangleInsets(8, 8, 8, 16));
        if (chart.getLegend() != null) {
            chart.getLegend().setFrame(new org.jfree.chart.block.BlockBorder(Color.WHITE));
            chart.getLegend().setItemFont(getRegularFont());
        }
        style(chart.getPlot());
    }

    private void style(Plot plot) {
        if (plot instanceof CombinedDomainXYPlot combined) {
            for (XYPlot sub : combined.getSubplots()) {
                style(sub);
            }
            combined.setGap(14);
        }
        if (plot instanceof XYPlot xy) {
            BasicStroke grid = new BasicStroke(0.8f);
            xy.setDomainGridlineStroke(grid);
            xy.setRangeGridlineStroke(grid);
            xy.setDomainGridlinesVisible(true);
            xy.setRangeGridlinesVisible(true);
            xy.setOutlineVisible(true);
            // Later series on top: runs listed last (and hill excess after loss) stay visible.
            xy.setSeriesRenderingOrder(org.jfree.chart.plot.SeriesRenderingOrder.FORWARD);
        }
    }
}

/**
 * Charts of runs (JFreeChart), each saved as PNG and SVG. Data, appearance and plots are kept apart
 * as JFreeChart intends: {@link io.github.rivervalley.reports.chart.TraceDataset} is a thin read-only
 * adapter over our immutable traces, {@link io.github.rivervalley.reports.chart.Palette} fixes one
 * colour per schedule family, decomposition component and phase, and one
 * {@link io.github.rivervalley.reports.chart.RiverValleyTheme} styles every chart, so the same thing has
 * the same colour and font on every figure of a report. {@link io.github.rivervalley.reports.chart.Charts}
 * builds the seven chart types; {@link io.github.rivervalley.reports.chart.ChartFiles} writes them.
 */
package io.github.rivervalley.reports.chart;

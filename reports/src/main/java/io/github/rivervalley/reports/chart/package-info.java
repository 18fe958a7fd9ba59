/**
 * Charts of runs (JFreeChart), each saved as PNG and SVG. Data, appearance and plots are kept apart
 * as JFreeChart intends: {@link io.github.rivervalley.reports.chart.TraceDataset} is a thin read-only
 * adapter over our immutable traces, {@link io.github.rivervalley.reports.chart.Palette} fixes one
 * colour per schedule family, decomposition component and phase, and one
 * {@link io.github.rivervalley.reports.chart.RiverValleyTheme} styles every chart, so the same thing has
 * the same colour and font on every figure of a report. Each chart
 * type is one small class behind {@link io.github.rivervalley.reports.chart.RunChart} (one run) or
 * {@link io.github.rivervalley.reports.chart.RunsChart} (runs overlaid), listed in
 * {@link io.github.rivervalley.reports.chart.ChartCatalog}, which the HTML report and the notebook API
 * iterate; {@code ChartStyle} holds what they share and
 * {@link io.github.rivervalley.reports.chart.ChartFiles} writes them. {@code SweepCharts} draws a sweep's
 * table.
 */
package io.github.rivervalley.reports.chart;

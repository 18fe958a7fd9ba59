/**
 * The static HTML report: {@link io.github.rivervalley.reports.html.HtmlReport} reads every run under a
 * directory, computes the headline numbers ({@link io.github.rivervalley.reports.analysis.Headlines}) from
 * the data, renders the charts and writes {@code index.html} with inline CSS, relative links and no
 * scripts or network access, so the report opens straight from the file system. A report is built in a
 * hidden sibling directory and swapped into place, so re-running never leaves a half-written report.
 */
package io.github.rivervalley.reports.html;

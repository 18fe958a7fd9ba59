/**
 * The jshell notebook API. {@link io.github.rivervalley.reports.notebook.Notebook} holds short static
 * factories with teaching defaults that delegate to the library's own factories, runs simulations in
 * memory and returns {@link io.github.rivervalley.reports.notebook.Result}s that print as one-line
 * summaries. {@link io.github.rivervalley.reports.notebook.TextPlots} draws tables, sparklines and
 * character plots for the terminal; charts are saved headless as PNG. {@code ./rivervalley notebook}
 * starts jshell with this package imported (notebooks/startup.jsh).
 */
package io.github.rivervalley.reports.notebook;

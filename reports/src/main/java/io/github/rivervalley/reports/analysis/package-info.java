/**
 * What a report concludes from its runs, computed from the data and never written as fixed sentences:
 * runs that differ only by seed grouped into one estimate ({@link io.github.rivervalley.reports.analysis.SeedGroup}),
 * which schedule wins at each equal-compute budget and by how many standard errors
 * ({@link io.github.rivervalley.reports.analysis.Conclusions}), the captions of the cross-run charts
 * ({@link io.github.rivervalley.reports.analysis.Captions}) and whether a run's recording interval
 * aliases the oscillation it tries to show ({@link io.github.rivervalley.reports.analysis.Aliasing}).
 */
package io.github.rivervalley.reports.analysis;

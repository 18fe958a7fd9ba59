/**
 * The built-in demo study behind {@code rivervalley demo}: SGD in a winding river valley under WSD,
 * WSD-S, cosine, cyclic cosine and a constant rate, at equal compute for three checkpoint budgets. The
 * run specs are ordinary YAML resources ({@code io/github/rivervalley/reports/demo/*.yaml}) that users
 * can copy and change; the demo writes them next to its results.
 */
package io.github.rivervalley.reports.demo;

package io.github.rivervalley.landscapes.analytic;

import io.github.rivervalley.landscapes.RiverValley;

/**
 * The closed set of analytic river valleys. Sealed so that tests (and {@link Landscapes#examples()})
 * can check that every family is covered.
 */
public sealed interface AnalyticValley extends RiverValley permits StraightValley, CurvedValley, RotatedValley {
}

package io.github.rivervalley.landscapes.analytic;

import io.github.rivervalley.landscapes.RiverValley;

/**
 * Capability of a landscape that is a {@link StraightValley} seen through a fixed orthonormal change of
 * coordinates {@code z = Q y} ({@code y} the valley's own frame): its hills are straight lines, its
 * curvatures constant, and its signed hill displacement linear in the point. The simulator's fast paths
 * and per-step probes ask for this capability rather than for a class, so any landscape that implements
 * it gets them: the per-step crossing probe and the curvature noise drawn in the valley's frame for every
 * frame, and the straight-valley step loop when the frame is the identity ({@link #axisAligned()}).
 */
public interface LinearHillFrame extends RiverValley {

    /** The straight valley in its own frame. */
    StraightValley valley();

    /** Whether {@code Q} is the identity: the landscape's coordinates are the valley's own. */
    boolean axisAligned();

    /** {@code out = Q^T z}: the valley-frame coordinates of {@code z} ({@code out} distinct from {@code z}). */
    void toValleyFrame(double[] z, double[] out);

    /** {@code out = Q y}: the landscape coordinates of valley-frame {@code y} ({@code out} distinct from {@code y}). */
    void fromValleyFrame(double[] y, double[] out);
}

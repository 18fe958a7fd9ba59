package io.github.rivervalley.landscapes;

import java.util.List;

/**
 * Curvature measured per group of parameters: for each named group, the trace of its Hessian block and its
 * top eigenvalue at a point. Landscapes whose parameters split into meaningful groups (the bigram models:
 * one group of tokens per uncertainty level) implement it; the simulator records the values as extra
 * trace columns on the rows where it computes {@code sharpness}.
 */
public interface GroupCurvature {

    /** Column names, in the order {@link #groupCurvature} writes them. */
    List<String> curvatureColumns();

    /** Writes the values of {@link #curvatureColumns()} at {@code x} into {@code out}. Not for hot loops. */
    void groupCurvature(double[] x, double[] out);
}

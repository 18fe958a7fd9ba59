package io.github.rivervalley.simulator.noise;

/**
 * A landscape whose spec can ask for its sampled gradients in reduced precision (the bigram models'
 * {@code precision: float32}), which only some noise types' oracles compute; the run is refused when the
 * spec asks for it and the run's oracle would not honour it, rather than silently running in float64.
 */
public interface ReducedPrecision {

    /** Whether the spec asked for reduced precision. */
    boolean reducedPrecision();

    /** Whether {@code oracle} (built for this landscape by the run's noise type) computes in that precision. */
    boolean honouredBy(GradientOracle oracle);

    /** The spec field that asked, under {@code landscape.} (e.g. {@code model.precision}). */
    String precisionField();
}

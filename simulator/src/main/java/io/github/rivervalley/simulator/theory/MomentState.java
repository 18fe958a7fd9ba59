package io.github.rivervalley.simulator.theory;

/**
 * The first two moments of every mode at one step: mean position {@code mx} and velocity {@code mv}
 * (the momentum buffer), and the covariance entries {@code cxx}, {@code cxv}, {@code cvv} of the pair
 * (position, velocity). Positions are in the valley's frame, the river's centred ({@link ModeSystem}).
 * Mutable, owned by one engine; {@link #copy} is how a branch forks.
 */
public final class MomentState {

    final double[] mx;
    final double[] mv;
    final double[] cxx;
    final double[] cxv;
    final double[] cvv;

    private MomentState(double[] mx, double[] mv, double[] cxx, double[] cxv, double[] cvv) {
        this.mx = mx;
        this.mv = mv;
        this.cxx = cxx;
        this.cxv = cxv;
        this.cvv = cvv;
    }

    /** The deterministic start: means at the start point, zero velocity, zero covariance. */
    static MomentState start(ModeSystem system) {
        int n = system.modes();
        return new MomentState(system.start.clone(), new double[n], new double[n], new double[n], new double[n]);
    }

    /** An independent copy. */
    public MomentState copy() {
        return new MomentState(mx.clone(), mv.clone(), cxx.clone(), cxv.clone(), cvv.clone());
    }

    /** Mean position of mode k (mode 0: the centred river coordinate). */
    public double mean(int k) {
        return mx[k];
    }

    /** Variance of mode k's position. */
    public double variance(int k) {
        return cxx[k];
    }

    /** Mean velocity (momentum buffer) of mode k. */
    public double velocityMean(int k) {
        return mv[k];
    }

    /** Covariance of mode k's position and velocity. */
    public double positionVelocityCovariance(int k) {
        return cxv[k];
    }

    /** Variance of mode k's velocity. */
    public double velocityVariance(int k) {
        return cvv[k];
    }
}

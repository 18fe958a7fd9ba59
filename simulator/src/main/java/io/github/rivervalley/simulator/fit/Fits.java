package io.github.rivervalley.simulator.fit;

import java.util.List;

/** Small helpers shared by the laws and the fitter. */
final class Fits {

    private Fits() {
    }

    /** The smallest loss of any row of any curve. */
    static double minLoss(List<Curve> curves) {
        double m = Double.POSITIVE_INFINITY;
        for (Curve c : curves) {
            for (double l : c.loss()) {
                m = Math.min(m, l);
            }
        }
        return m;
    }

    /** The largest rate of any update of any curve. */
    static double peakRate(List<Curve> curves) {
        double p = 0;
        for (Curve c : curves) {
            p = Math.max(p, c.peakRate());
        }
        return p;
    }
}

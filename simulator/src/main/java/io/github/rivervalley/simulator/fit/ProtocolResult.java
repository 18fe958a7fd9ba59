package io.github.rivervalley.simulator.fit;

import java.util.List;

/**
 * What a protocol gave: per law its fit and the errors on every curve (fitted and held out).
 *
 * @param name the protocol's title
 * @param fitted names of the fitted curves
 * @param predicted names of the held-out curves
 * @param laws one entry per law
 * @param curves every curve of the protocol, fitted first
 */
public record ProtocolResult(String name, List<String> fitted, List<String> predicted, List<LawResult> laws, List<Curve> curves) {

    /**
     * One law's outcome.
     *
     * @param fit the fit on the fitted curves
     * @param errors errors on every curve, in the order of {@code curves}
     * @param seconds wall time of the fit and predictions (not part of the result's identity)
     */
    public record LawResult(Fit fit, List<CurveErrors> errors, double seconds) {

        /** Mean PredE over the held-out curves (NaN when there are none). */
        public double heldOutPredE(List<String> predicted) {
            return errors.stream().filter(e -> predicted.contains(e.curve())).mapToDouble(CurveErrors::predE).average().orElse(Double.NaN);
        }

        /** Largest relative error over the held-out curves. */
        public double heldOutWorstE(List<String> predicted) {
            return errors.stream().filter(e -> predicted.contains(e.curve())).mapToDouble(CurveErrors::worstE).max().orElse(Double.NaN);
        }

        /** Mean R^2 over the held-out curves. */
        public double heldOutR2(List<String> predicted) {
            return errors.stream().filter(e -> predicted.contains(e.curve())).mapToDouble(CurveErrors::r2).average().orElse(Double.NaN);
        }

        /** Mean PredE over every curve. */
        public double allPredE() {
            return errors.stream().mapToDouble(CurveErrors::predE).average().orElse(Double.NaN);
        }
    }
}

package io.github.rivervalley.simulator.fit;

/**
 * How well a prediction matches a curve: PredE = mean of {@code |pred - loss| / loss} over the rows,
 * the worst relative error, and R^2 = 1 - SS_res / SS_tot of the loss.
 *
 * @param curve the curve's name
 * @param rows rows compared
 * @param predE mean relative error
 * @param worstE largest relative error
 * @param r2 coefficient of determination
 */
public record CurveErrors(String curve, int rows, double predE, double worstE, double r2) {

    /** The errors of {@code predicted} against {@code curve}'s losses. */
    public static CurveErrors of(Curve curve, double[] predicted) {
        double[] loss = curve.loss();
        int n = loss.length;
        double mean = 0;
        for (double l : loss) {
            mean += l;
        }
        mean /= n;
        double rel = 0;
        double worst = 0;
        double res = 0;
        double tot = 0;
        for (int i = 0; i < n; i++) {
            double e = Math.abs(predicted[i] - loss[i]) / loss[i];
            rel += e;
            worst = Math.max(worst, e);
            res += (predicted[i] - loss[i]) * (predicted[i] - loss[i]);
            tot += (loss[i] - mean) * (loss[i] - mean);
        }
        return new CurveErrors(curve.name(), n, rel / n, worst, 1 - res / tot);
    }
}

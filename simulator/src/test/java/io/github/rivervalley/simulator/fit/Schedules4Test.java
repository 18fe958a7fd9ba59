package io.github.rivervalley.simulator.fit;

/** Small per-update rate sequences for tests: warmup, then constant / cosine / step decay. */
final class Schedules4Test {

    private Schedules4Test() {
    }

    /** {@code n} rates: linear warmup over {@code w}, then {@code shape}: 0 constant, 1 cosine to 0.1, 2 step to 0.3 at 60%. */
    static double[] rates(int n, int w, double peak, int shape) {
        double[] r = new double[n];
        for (int t = 0; t < n; t++) {
            if (t < w) {
                r[t] = peak * (t + 1) / w;
            } else if (shape == 1) {
                double u = (t - w + 1.0) / (n - w);
                r[t] = peak * (0.1 + 0.45 * (1 + Math.cos(Math.PI * u)));
            } else if (shape == 2 && t >= 0.6 * n) {
                r[t] = 0.3 * peak;
            } else {
                r[t] = peak;
            }
        }
        return r;
    }

    /** Rows every {@code every} steps from {@code first} up to {@code n}. */
    static long[] steps(int n, int first, int every) {
        int count = (n - first) / every + 1;
        long[] s = new long[count];
        for (int i = 0; i < count; i++) {
            s[i] = first + (long) i * every;
        }
        return s;
    }

    /** A curve with the law's noise-free loss at the rows. */
    static Curve generated(Law law, double[] theta, String name, double[] rates, long[] steps) {
        Curve shape = Curve.ofSchedule(name, steps, rates);
        double[] loss = new double[steps.length];
        law.predict(theta, shape, loss, null);
        return new Curve(name, steps, loss, rates);
    }
}

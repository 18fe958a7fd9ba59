package io.github.rivervalley.simulator.fit;

import io.github.rivervalley.simulator.io.Csv;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Predicted curves for a schedule from saved fits: CSV with {@code step,lr}, then one column per law
 * ({@code loss_<law>}) and, for our law, its parts {@code river_loss} and {@code hill_excess}.
 */
public final class Prediction {

    private Prediction() {
    }

    /** Rows every {@code every} steps from {@code every} to the end of {@code rates} (and the last step). */
    public static long[] steps(int updates, int every) {
        int n = updates / every + (updates % every == 0 ? 0 : 1);
        long[] s = new long[n];
        for (int i = 0; i < n; i++) {
            s[i] = Math.min((long) (i + 1) * every, updates);
        }
        return s;
    }

    /** Writes the prediction CSV of {@code fits} for {@code rates} at {@code steps}. */
    public static void write(List<Fit> fits, double[] rates, long[] steps, Writer out) throws IOException {
        Curve target = Curve.ofSchedule("prediction", steps, rates);
        double[][] columns = new double[fits.size()][];
        double[][] parts = null;
        StringBuilder header = new StringBuilder("step,lr");
        for (int j = 0; j < fits.size(); j++) {
            Fit f = fits.get(j);
            columns[j] = f.predict(target);
            header.append(',').append(Csv.field("loss_" + f.law().name().replace('-', '_')));
            if (f.law() instanceof RiverValleyLaw && parts == null) {
                parts = f.law().decompose(f.theta(), target);
                header.append(",river_loss,hill_excess");
            }
        }
        out.write(header.append('\n').toString());
        StringBuilder row = new StringBuilder();
        for (int i = 0; i < steps.length; i++) {
            row.setLength(0);
            row.append(steps[i]).append(',').append(rates[(int) steps[i] - 1]);
            for (int j = 0; j < fits.size(); j++) {
                row.append(',').append(columns[j][i]);
                if (fits.get(j).law() instanceof RiverValleyLaw && parts != null && j == firstRiverValley(fits)) {
                    row.append(',').append(parts[0][i]).append(',').append(parts[1][i]);
                }
            }
            out.write(row.append('\n').toString());
        }
    }

    private static int firstRiverValley(List<Fit> fits) {
        for (int j = 0; j < fits.size(); j++) {
            if (fits.get(j).law() instanceof RiverValleyLaw) {
                return j;
            }
        }
        return -1;
    }
}

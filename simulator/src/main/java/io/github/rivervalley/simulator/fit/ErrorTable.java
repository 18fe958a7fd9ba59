package io.github.rivervalley.simulator.fit;

import io.github.rivervalley.simulator.io.Csv;
import java.util.Locale;

/** The protocol's error table as text (printed) and CSV (saved): every curve, every law side by side. */
public final class ErrorTable {

    private ErrorTable() {
    }

    /** A fixed-width table: per curve its role and each law's PredE, worst error and R^2, then the held-out means. */
    public static String text(ProtocolResult r) {
        StringBuilder b = new StringBuilder(r.name()).append(": fit on ").append(r.fitted()).append('\n');
        b.append(String.format(Locale.ROOT, "%-22s %-8s", "curve", "role"));
        for (ProtocolResult.LawResult lr : r.laws()) {
            cell(b, lr, header(lr));
        }
        b.append('\n');
        for (int i = 0; i < r.curves().size(); i++) {
            String name = r.curves().get(i).name();
            b.append(String.format(Locale.ROOT, "%-22s %-8s", name, r.fitted().contains(name) ? "fit" : "held-out"));
            for (ProtocolResult.LawResult lr : r.laws()) {
                CurveErrors e = lr.errors().get(i);
                cell(b, lr, errors(e.predE(), e.worstE(), e.r2()));
            }
            b.append('\n');
        }
        if (!r.predicted().isEmpty()) {
            b.append(String.format(Locale.ROOT, "%-31s", "held-out mean (worst)"));
            for (ProtocolResult.LawResult lr : r.laws()) {
                cell(b, lr, errors(lr.heldOutPredE(r.predicted()), lr.heldOutWorstE(r.predicted()), lr.heldOutR2(r.predicted())));
            }
            b.append('\n');
        }
        b.append(String.format(Locale.ROOT, "%-31s", "parameters (seconds)"));
        for (ProtocolResult.LawResult lr : r.laws()) {
            cell(b, lr, lr.fit().theta().length + " (" + String.format(Locale.ROOT, "%.1f", lr.seconds()) + " s)");
        }
        return b.append('\n').toString();
    }

    private static String header(ProtocolResult.LawResult lr) {
        return lr.fit().law().name() + " PredE / worst / R^2";
    }

    private static String errors(double predE, double worstE, double r2) {
        return String.format(Locale.ROOT, "%.5f / %.5f / %.5f", predE, worstE, r2);
    }

    /** One law's cell, padded to the width of its column (its header or its widest numbers), so the bars line up. */
    private static void cell(StringBuilder b, ProtocolResult.LawResult lr, String text) {
        int width = Math.max(header(lr).length(), errors(0, 0, 0).length());
        b.append(" | ").append(text).append(" ".repeat(Math.max(0, width - text.length())));
    }

    /** CSV: {@code curve,role,law,rows,pred_e,worst_e,r2}, one row per curve and law. */
    public static String csv(ProtocolResult r) {
        StringBuilder b = new StringBuilder("curve,role,law,rows,pred_e,worst_e,r2\n");
        for (ProtocolResult.LawResult lr : r.laws()) {
            for (CurveErrors e : lr.errors()) {
                b.append(Csv.field(e.curve())).append(',').append(r.fitted().contains(e.curve()) ? "fit" : "held-out").append(',')
                        .append(lr.fit().law().name()).append(',').append(e.rows()).append(',').append(e.predE()).append(',')
                        .append(e.worstE()).append(',').append(e.r2()).append('\n');
            }
        }
        return b.toString();
    }
}

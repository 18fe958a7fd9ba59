package io.github.rivervalley.bigram.data;

import java.util.Locale;

/** How a group is named in tables, chart titles and legends: name, role and entropy range (3 significant digits). */
final class GroupLabel {

    private GroupLabel() {
    }

    static String of(BigramData data, int g) {
        double lo = data.groupMinEntropy(g);
        double hi = data.groupMaxEntropy(g);
        String range = lo == hi ? text(lo) : text(lo) + "-" + text(hi);
        return data.groupName(g) + " (" + (data.isRiverGroup(g) ? "river" : "hill") + ", H " + range + ")";
    }

    private static String text(double h) {
        return h == 0 ? "0" : String.format(Locale.ROOT, "%.3g", h);
    }
}

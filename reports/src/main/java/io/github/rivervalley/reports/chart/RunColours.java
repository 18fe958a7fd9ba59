package io.github.rivervalley.reports.chart;

import io.github.rivervalley.simulator.results.read.RecordedRun;
import java.awt.Color;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Colours of runs drawn together: the schedule family's colour while every run has its own family, else
 * (SGD vs Adam vs momentum under WSD; a learning-rate sweep) one distinct colour per run, so runs that
 * share a family never share a colour.
 */
final class RunColours {

    /** Distinct colours for runs (Okabe-Ito, then darker variants), in order. */
    private static final List<Color> DISTINCT = List.of(Palette.VERMILLION, Palette.BLUE, Palette.BLUISH_GREEN, Palette.REDDISH_PURPLE,
            Palette.ORANGE, Palette.SKY_BLUE, Palette.BLACK, Palette.GREY, Palette.VERMILLION.darker(), Palette.BLUE.darker(),
            Palette.BLUISH_GREEN.darker(), Palette.REDDISH_PURPLE.darker());

    private RunColours() {
    }

    /** Whether some family has more than one run (colours then go by run). */
    static boolean byRun(List<RecordedRun> runs) {
        Set<String> families = new HashSet<>();
        for (RecordedRun run : runs) {
            if (!families.add(run.family())) {
                return true;
            }
        }
        return false;
    }

    /** One colour per run, in order. */
    static List<Color> of(List<RecordedRun> runs) {
        boolean byRun = byRun(runs);
        List<Color> out = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            out.add(byRun ? DISTINCT.get(i % DISTINCT.size()) : Palette.family(runs.get(i).family()));
        }
        return out;
    }
}

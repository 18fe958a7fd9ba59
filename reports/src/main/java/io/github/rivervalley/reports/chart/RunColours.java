package io.github.rivervalley.reports.chart;

import java.awt.Color;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Colours of schedules drawn together ({@link io.github.rivervalley.reports.analysis.SeedGroup}s: the
 * seeds of a schedule share its colour): the schedule family's colour while every schedule has its own
 * family, else (SGD vs Adam vs momentum under WSD; a learning-rate sweep) one distinct colour per
 * schedule, so schedules that share a family never share a colour.
 */
final class RunColours {

    /** Distinct colours for runs (Okabe-Ito, then darker variants), in order. */
    private static final List<Color> DISTINCT = List.of(Palette.VERMILLION, Palette.BLUE, Palette.BLUISH_GREEN, Palette.REDDISH_PURPLE,
            Palette.ORANGE, Palette.SKY_BLUE, Palette.BLACK, Palette.GREY, Palette.VERMILLION.darker(), Palette.BLUE.darker(),
            Palette.BLUISH_GREEN.darker(), Palette.REDDISH_PURPLE.darker());

    private RunColours() {
    }

    /** One colour per seed group: its family's while families are distinct, else one distinct colour per group. */
    static List<Color> ofGroups(List<io.github.rivervalley.reports.analysis.SeedGroup> groups) {
        Set<String> families = new HashSet<>();
        boolean byGroup = !groups.stream().allMatch(g -> families.add(g.family()));
        List<Color> out = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            out.add(byGroup ? DISTINCT.get(i % DISTINCT.size()) : Palette.family(groups.get(i).family()));
        }
        return out;
    }
}

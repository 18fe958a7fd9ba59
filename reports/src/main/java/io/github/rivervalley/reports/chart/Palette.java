package io.github.rivervalley.reports.chart;

import io.github.rivervalley.simulator.schedule.Phase;
import io.github.rivervalley.simulator.schedule.ScheduleFamily;
import java.awt.Color;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The colours of every report, from the Okabe-Ito palette (distinguishable with the common forms of
 * colour blindness). Each schedule family, decomposition component and phase has one colour that it
 * keeps on every chart; the same colour may mean a family on one chart and a component on another
 * because those never share a chart.
 */
public final class Palette {

    public static final Color BLACK = new Color(0x000000);
    public static final Color ORANGE = new Color(0xE69F00);
    public static final Color SKY_BLUE = new Color(0x56B4E9);
    public static final Color BLUISH_GREEN = new Color(0x009E73);
    public static final Color YELLOW = new Color(0xF0E442);
    public static final Color BLUE = new Color(0x0072B2);
    public static final Color VERMILLION = new Color(0xD55E00);
    public static final Color REDDISH_PURPLE = new Color(0xCC79A7);
    public static final Color GREY = new Color(0x7F7F7F);

    /** Component colours: loss black, river loss blue, hill excess orange. */
    public static final Color LOSS = BLACK;
    public static final Color RIVER = BLUE;
    public static final Color HILL = ORANGE;
    /** Sharpness and the {@code 2/eta} stability line. */
    public static final Color SHARPNESS = REDDISH_PURPLE;
    public static final Color STABILITY = GREY;

    private static final Map<ScheduleFamily, Color> FAMILIES = new EnumMap<>(Map.of(
            ScheduleFamily.WSD, VERMILLION,
            ScheduleFamily.WSD_S, BLUE,
            ScheduleFamily.COSINE, BLUISH_GREEN,
            ScheduleFamily.CYCLIC_COSINE, REDDISH_PURPLE,
            ScheduleFamily.CONSTANT, GREY,
            ScheduleFamily.PIECEWISE, ORANGE));

    /** Colours for families this palette does not name, assigned by a stable hash of the name. */
    private static final List<Color> OTHERS = List.of(SKY_BLUE, BLACK, new Color(0x8C6D00), new Color(0x5A3D7A));

    private Palette() {
    }

    /** The colour of a schedule family; hand-made ({@code custom}) schedules get one of the others. */
    public static Color family(ScheduleFamily family) {
        Color c = FAMILIES.get(family);
        return c != null ? c : other(family.label());
    }

    /** The colour of the family labelled {@code label} ({@code wsd}, {@code wsd-s}, ...; see {@link ScheduleFamily#label()}). */
    public static Color family(String label) {
        return ScheduleFamily.ofLabel(label).map(Palette::family).orElseGet(() -> other(label));
    }

    private static Color other(String label) {
        return OTHERS.get(Math.floorMod(label.hashCode(), OTHERS.size()));
    }

    /** The colour of a decomposition column ({@code loss}, {@code river_loss}, {@code hill_excess}). */
    public static Color component(String column) {
        switch (column) {
            case "river_loss":
            case "river_coord":
                return RIVER;
            case "hill_excess":
            case "hill_dist":
            case "hill_disp":
                return HILL;
            default:
                return LOSS;
        }
    }

    /** The colour of a phase on trajectories and schedule cards. */
    public static Color phase(Phase.Kind kind) {
        switch (kind) {
            case WARMUP:
                return GREY;
            case STABLE:
                return VERMILLION;
            case DECAY:
                return BLUE;
            default:
                return REDDISH_PURPLE;
        }
    }

    /** {@code color} with the given alpha (0-255), for bands and shaded phases. */
    public static Color translucent(Color color, int alpha) {
        return new Color(color.getRed(), color.getGreen(), color.getBlue(), alpha);
    }
}

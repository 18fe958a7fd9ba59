package io.github.rivervalley.simulator.schedule;

import java.util.Optional;

/**
 * The family a schedule belongs to, as the schedule reports it ({@link Schedule#family()}): what charts
 * colour a run by and reports name it by. Each family built from a spec has the label of the spec's
 * {@code schedule.type}; {@link #CUSTOM} is a schedule put together by hand (lines written directly).
 */
public enum ScheduleFamily {
    CONSTANT("constant"),
    COSINE("cosine"),
    WSD("wsd"),
    WSD_S("wsd-s"),
    CYCLIC_COSINE("cyclic-cosine"),
    PIECEWISE("piecewise"),
    CUSTOM("custom");

    private final String label;

    ScheduleFamily(String label) {
        this.label = label;
    }

    /** The lower-case name: the spec's {@code schedule.type}, and what {@code summary.json} records. */
    public String label() {
        return label;
    }

    /** The family with this label, if any (labels recorded by this or an earlier build). */
    public static Optional<ScheduleFamily> ofLabel(String label) {
        for (ScheduleFamily family : values()) {
            if (family.label.equals(label)) {
                return Optional.of(family);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return label;
    }
}

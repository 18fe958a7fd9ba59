package io.github.rivervalley.reports.analysis;

import io.github.rivervalley.simulator.results.TraceColumns;
import io.github.rivervalley.simulator.results.read.RecordedRun;
import io.github.rivervalley.simulator.results.read.RecordedTrace;
import io.github.rivervalley.simulator.schedule.Phase;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/** Headline numbers computed from the runs' data. */
public final class Headlines {

    private Headlines() {
    }

    /**
     * How one decay phase lowered the loss: the drop in loss {@code L(start) - L(end)} splits exactly into
     * the drop in river loss and the drop in hill excess (loss = river loss + hill excess at every row),
     * read from the exact trace rows at the start and end of the decay.
     *
     * @param run run name
     * @param line line name
     * @param start first step of the decay (state before its first update)
     * @param end step after its last update
     * @param lossDrop {@code loss(start) - loss(end)}
     * @param riverDrop {@code river_loss(start) - river_loss(end)}
     * @param hillDrop {@code hill_excess(start) - hill_excess(end)}
     */
    public record DecaySplit(String run, String line, long start, long end, double lossDrop, double riverDrop, double hillDrop) {

        /** Share of the loss drop that came from the hill excess (NaN when the loss did not drop). */
        public double hillShare() {
            return lossDrop > 0 ? hillDrop / lossDrop : Double.NaN;
        }
    }

    /** One split per decay phase of every line of {@code run} whose boundary rows were kept. */
    public static List<DecaySplit> decaySplits(RecordedRun run) {
        List<DecaySplit> out = new ArrayList<>();
        for (RecordedTrace t : run.traces()) {
            for (Phase p : t.phases(Phase.Kind.DECAY)) {
                OptionalDouble l0 = t.exact(p.start(), TraceColumns.LOSS);
                OptionalDouble l1 = t.exact(p.end(), TraceColumns.LOSS);
                OptionalDouble r0 = t.exact(p.start(), TraceColumns.RIVER_LOSS);
                OptionalDouble r1 = t.exact(p.end(), TraceColumns.RIVER_LOSS);
                OptionalDouble h0 = t.exact(p.start(), TraceColumns.HILL_EXCESS);
                OptionalDouble h1 = t.exact(p.end(), TraceColumns.HILL_EXCESS);
                if (l0.isPresent() && l1.isPresent() && r0.isPresent() && r1.isPresent() && h0.isPresent() && h1.isPresent()) {
                    out.add(new DecaySplit(run.name(), t.line(), p.start(), p.end(), l0.getAsDouble() - l1.getAsDouble(),
                            r0.getAsDouble() - r1.getAsDouble(), h0.getAsDouble() - h1.getAsDouble()));
                }
            }
        }
        return out;
    }
}

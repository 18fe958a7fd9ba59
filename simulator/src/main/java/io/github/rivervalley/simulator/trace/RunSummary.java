package io.github.rivervalley.simulator.trace;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * The content of {@code summary.json}: what a run delivered, per line and per checkpoint. Written by
 * the simulator once a run is complete (its presence marks the run as done for resumable sweeps) and
 * read back by reports and sweep merges. Non-finite numbers (diverged lines) are written as
 * {@code null}; every key is always written (a fully diverged line has null values, the main line a
 * null parent, a single replica a null {@code loss_se}). Nothing here depends on wall-clock time, so a
 * run's outputs are a pure function of its spec.
 *
 * @param name run name
 * @param steps the spec's {@code steps}
 * @param replicas number of replicas
 * @param seed the run's seed
 * @param landscape short description of the landscape
 * @param schedule the schedule's type name ({@code wsd}, {@code cosine}, ...)
 * @param totalCompute optimizer steps spent over all lines
 * @param lines per line: its final values and divergence
 * @param checkpoints one entry per checkpoint budget
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record RunSummary(
        String name,
        long steps,
        int replicas,
        long seed,
        String landscape,
        String schedule,
        long totalCompute,
        List<LineResult> lines,
        List<CheckpointResult> checkpoints) {

    public RunSummary {
        lines = List.copyOf(lines);
        checkpoints = List.copyOf(checkpoints);
    }

    /**
     * Final state of one line.
     *
     * @param diverged replicas that diverged on this line (including ones inherited from its parent)
     * @param firstDivergenceStep the earliest step at which a replica diverged, or null
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record LineResult(
            String name,
            String parent,
            long forkStep,
            long endStep,
            Double loss,
            Double riverLoss,
            Double hillExcess,
            Double riverCoord,
            Double hillDist,
            int diverged,
            Long firstDivergenceStep) {
    }

    /** The values at one checkpoint (replica means), with the compute spent to reach it. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record CheckpointResult(
            long budget,
            String line,
            long step,
            long compute,
            Double loss,
            Double riverLoss,
            Double hillExcess,
            Double riverCoord,
            Double lossSe,
            int diverged) {
    }
}

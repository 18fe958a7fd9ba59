package io.github.rivervalley.simulator.results;

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
 * @param schedule the schedule's family label ({@code wsd}, {@code cosine}, ...; {@link io.github.rivervalley.simulator.schedule.ScheduleFamily#label()})
 * @param totalCompute optimizer steps spent over all lines
 * @param lines per line: its final values and divergence
 * @param checkpoints one entry per checkpoint budget
 * @param theory whether the run has exact expected dynamics and, if so, how far the simulation is from
 *     them (null in summaries written before theory existed)
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
        List<CheckpointResult> checkpoints,
        TheoryResult theory) {

    public RunSummary {
        lines = List.copyOf(lines);
        checkpoints = List.copyOf(checkpoints);
    }

    /** Without a theory block. */
    public RunSummary(String name, long steps, int replicas, long seed, String landscape, String schedule, long totalCompute,
            List<LineResult> lines, List<CheckpointResult> checkpoints) {
        this(name, steps, replicas, seed, landscape, schedule, totalCompute, lines, checkpoints, null);
    }

    /**
     * The simulation against the exact expected dynamics (docs/theory.md). On every row of every schedule
     * line where a column's standard error is positive, {@code z = (mean - theory) / SE} for {@code loss},
     * {@code river_loss} and {@code hill_excess}; a row's |z| is the largest of its columns'.
     *
     * @param exact whether the run has exact theory
     * @param reason why not, when not exact
     * @param expectedOnly true for an expected-value run (moment engine only: nothing to compare)
     * @param rows rows compared (with at least one positive standard error)
     * @param maxAbsZ the largest |z|, or null when no row was compared
     * @param fractionAbove3 the fraction of compared rows with |z| > 3 (about 0.3-0.8% by chance), or null
     * @param worstLine line of the largest |z|
     * @param worstStep its step
     * @param worstColumn its column
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record TheoryResult(
            boolean exact,
            String reason,
            Boolean expectedOnly,
            Long rows,
            Double maxAbsZ,
            Double fractionAbove3,
            String worstLine,
            Long worstStep,
            String worstColumn) {
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

    /**
     * The values at one checkpoint (replica means), with the compute spent to reach it, and the exact
     * expected values where the run has theory (else null, omitted from JSON).
     */
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
            int diverged,
            Double theoryLoss,
            Double theoryRiverLoss,
            Double theoryHillExcess,
            Double theoryRiverCoord) {

        /** Without theory values. */
        public CheckpointResult(long budget, String line, long step, long compute, Double loss, Double riverLoss,
                Double hillExcess, Double riverCoord, Double lossSe, int diverged) {
            this(budget, line, step, compute, loss, riverLoss, hillExcess, riverCoord, lossSe, diverged, null, null, null, null);
        }
    }
}

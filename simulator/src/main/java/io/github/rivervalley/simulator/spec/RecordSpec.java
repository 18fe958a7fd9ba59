package io.github.rivervalley.simulator.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.rivervalley.landscapes.check.Check;
import java.util.List;

/**
 * The {@code record} block of a run spec: which steps become trace rows and when a replica counts as
 * diverged. Omitted fields take defaults ({@link #resolved(long)} writes them out).
 *
 * @param every record every N steps (default {@code max(1, steps / 1000)})
 * @param logSpaced additionally record K log-spaced steps per line (default 0: none)
 * @param boundaries additionally record the first and last step of every phase (default true)
 * @param sharpnessEvery compute the top Hessian eigenvalue on rows whose step is a multiple of N (default 0: never)
 * @param preconditionedSharpness for Adam/AdamW also the top eigenvalue of {@code P^{-1/2} H P^{-1/2}} (default false)
 * @param divergenceThreshold a replica whose loss exceeds this (or is not finite) has diverged (default 1e12)
 * @param path also record replica 0's own trajectory, the {@code path_*} columns (default false)
 * @param iterates steps at which to store the iterates themselves (replica 0 and the replica mean), for
 *     {@code rivervalley probe} (default: none)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RecordSpec(
        Long every,
        Integer logSpaced,
        Boolean boundaries,
        Long sharpnessEvery,
        Boolean preconditionedSharpness,
        Double divergenceThreshold,
        Boolean path,
        List<Long> iterates) {

    /** Default divergence threshold on the loss. */
    public static final double DEFAULT_DIVERGENCE_THRESHOLD = 1e12;

    public RecordSpec {
        if (every != null) {
            Check.positive("every", every);
        }
        if (logSpaced != null && logSpaced < 0) {
            Check.nonNegative("logSpaced", (long) logSpaced);
        }
        if (sharpnessEvery != null) {
            Check.nonNegative("sharpnessEvery", sharpnessEvery);
        }
        if (divergenceThreshold != null && !(divergenceThreshold > 0)) {
            Check.positive("divergenceThreshold", divergenceThreshold);
        }
        if (iterates != null) {
            for (int i = 0; i < iterates.size(); i++) {
                Check.nonNegative("iterates[" + i + "]", Check.present("iterates[" + i + "]", iterates.get(i)));
            }
            iterates = List.copyOf(new java.util.TreeSet<>(iterates));
        }
    }

    /** Without {@code iterates} (left to its default). */
    public RecordSpec(Long every, Integer logSpaced, Boolean boundaries, Long sharpnessEvery,
            Boolean preconditionedSharpness, Double divergenceThreshold, Boolean path) {
        this(every, logSpaced, boundaries, sharpnessEvery, preconditionedSharpness, divergenceThreshold, path, null);
    }

    /** Without {@code path} (left to its default). */
    public RecordSpec(Long every, Integer logSpaced, Boolean boundaries, Long sharpnessEvery,
            Boolean preconditionedSharpness, Double divergenceThreshold) {
        this(every, logSpaced, boundaries, sharpnessEvery, preconditionedSharpness, divergenceThreshold, null);
    }

    /** All defaults. */
    public static RecordSpec defaults() {
        return new RecordSpec(null, null, null, null, null, null);
    }

    /** Record every {@code n} steps, other fields default. */
    public static RecordSpec every(long n) {
        return new RecordSpec(n, null, null, null, null, null);
    }

    /** This block with every default written out, for a run of {@code steps} steps. */
    public RecordSpec resolved(long steps) {
        return new RecordSpec(
                every != null ? every : Math.max(1L, steps / 1000L),
                logSpaced != null ? logSpaced : 0,
                boundaries != null ? boundaries : Boolean.TRUE,
                sharpnessEvery != null ? sharpnessEvery : 0L,
                preconditionedSharpness != null ? preconditionedSharpness : Boolean.FALSE,
                divergenceThreshold != null ? divergenceThreshold : DEFAULT_DIVERGENCE_THRESHOLD,
                path != null ? path : Boolean.FALSE,
                iterates != null ? iterates : List.of());
    }

    /** The same block with {@code sharpnessEvery} set. */
    public RecordSpec withSharpnessEvery(long n) {
        return new RecordSpec(every, logSpaced, boundaries, n, preconditionedSharpness, divergenceThreshold, path, iterates);
    }

    /** The same block with {@code divergenceThreshold} set. */
    public RecordSpec withDivergenceThreshold(double threshold) {
        return new RecordSpec(every, logSpaced, boundaries, sharpnessEvery, preconditionedSharpness, threshold, path, iterates);
    }

    /** The same block with {@code boundaries} set. */
    public RecordSpec withBoundaries(boolean on) {
        return new RecordSpec(every, logSpaced, on, sharpnessEvery, preconditionedSharpness, divergenceThreshold, path, iterates);
    }

    /** The same block with {@code iterates} set. */
    public RecordSpec withIterates(List<Long> steps) {
        return new RecordSpec(every, logSpaced, boundaries, sharpnessEvery, preconditionedSharpness, divergenceThreshold, path, steps);
    }

    /** The same block with {@code path} set. */
    public RecordSpec withPath(boolean on) {
        return new RecordSpec(every, logSpaced, boundaries, sharpnessEvery, preconditionedSharpness, divergenceThreshold, on, iterates);
    }
}

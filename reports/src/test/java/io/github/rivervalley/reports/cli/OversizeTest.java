package io.github.rivervalley.reports.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rivervalley.simulator.spec.MemoryBudget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sizes that cannot fit are refused before anything is allocated (issue 17, item 4): exit 2, a message
 * naming the field and, for memory, the heap limit; never a JVM error, a wrong number or minutes of CPU.
 */
class OversizeTest {

    private static final String RUN = """
            name: big
            steps: 200
            replicas: 4
            landscape: {type: straight-valley, dimension: 2, hillCurvature: 10}
            optimizer: {type: sgd}
            noise: {type: isotropic, sigma: 0.1}
            schedule: {type: constant, peak: 0.01}
            """;

    private static final String BIGRAM = """
            name: big
            steps: 200
            landscape:
              type: bigram
              data: {type: synthetic, vocabulary: 64, groups: [{share: 0.5, kind: deterministic}, {share: 0.5, kind: uniform, successors: 4}]}
              model: {type: tabular}
            optimizer: {type: sgd}
            noise: {type: minibatch, batchSize: 8}
            schedule: {type: constant, peak: 1}
            """;

    @TempDir
    Path tmp;

    private CliRun refused(String yaml, String field, String... phrases) throws IOException {
        Path spec = Files.writeString(tmp.resolve("spec.yaml"), yaml);
        CliRun run = CliRun.execute("run", spec.toString(), "--out", tmp.resolve("out").toString());
        run.assertRefused("error: " + field + ": ");
        for (String phrase : phrases) {
            assertTrue(run.err().contains(phrase), "'" + phrase + "' missing from " + run.err());
        }
        assertFalse(Files.exists(tmp.resolve("out/big")), "nothing written");
        return run;
    }

    @Test
    void replicasBeyondTheHeapAreRefusedNamingTheLimit() throws IOException {
        String heap = "Java heap limit";
        refused(RUN.replace("replicas: 4", "replicas: 2147483647"), "replicas", "2147483647", heap);
        // The 100000000 needs 3.2 GB at 32 bytes a replica; derive a count that exceeds any heap here:
        // 16 bytes per coordinate and replica (the estimate's lower bound), 2 coordinates.
        long replicas = Math.min(Integer.MAX_VALUE, MemoryBudget.limit() / 32 + 1);
        refused(RUN.replace("replicas: 4", "replicas: " + replicas), "replicas", Long.toString(replicas), heap);
    }

    @Test
    void bigramSizesBeyondTheHeapAreRefused() throws IOException {
        refused(BIGRAM.replace("vocabulary: 64", "vocabulary: 46340"), "landscape", "dimension 2147395600", "Java heap limit");
        refused(BIGRAM.replace("vocabulary: 64", "vocabulary: 2147483647").replace("{type: tabular}", "{type: factored, embedding: 4}"),
                "landscape.data.vocabulary", "2147483647", "Java heap limit");
        refused(BIGRAM.replace("batchSize: 8", "batchSize: 2147483647"), "noise.batchSize", "2147483647", "Java heap limit");
    }

    @Test
    void moreLogSpacedRowsThanStepsAreRefused() throws IOException {
        refused(RUN + "record: {logSpaced: 2147483647}\n", "record.logSpaced", "2147483647", "at most 201");
    }

    @Test
    void sweepCountsAreCheckedBeforeAnythingIsBuiltAndNeverOverflow() throws IOException {
        String base = "base:\n" + RUN.indent(2);
        Path seeds = Files.writeString(tmp.resolve("seeds.yaml"), base + "seeds: 2000000000\n");
        CliRun many = CliRun.execute("sweep", seeds.toString(), "--out", tmp.resolve("s1").toString(), "--list");
        many.assertRefused("expands to 2000000000 runs; at most 1000000");

        // 21 grid axes of 8 values and 2 seeds: 2^64 runs, which a long product wraps to 0. The count is checked
        // first, so these axes (not fields of the spec) are never looked at.
        StringBuilder grid = new StringBuilder(base + "grid:\n");
        for (int a = 0; a < 21; a++) {
            grid.append("  zzaxis").append(a).append(": [1, 2, 3, 4, 5, 6, 7, 8]\n"); // counted before the paths are checked
        }
        Path wide = Files.writeString(tmp.resolve("wide.yaml"), grid + "seeds: 2\n");
        CliRun wrapped = CliRun.execute("sweep", wide.toString(), "--out", tmp.resolve("s2").toString(), "--list");
        wrapped.assertRefused("expands to more than 2^63 runs");
    }

    @Test
    void reportPointsAreCapped() {
        CliRun run = CliRun.execute("report", tmp.toString(), "--points", "2000000000");
        run.assertRefused("--points: 2000000000 is not allowed; expected an even number in [2, 1048576]");
    }
}

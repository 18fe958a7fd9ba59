package io.github.rivervalley.reports.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault injection (issue 17): {@code run}, {@code sweep}, {@code merge} and {@code report} in their own JVMs,
 * SIGKILLed at seeded random moments (20 per command) and starved of disk (a file-size limit, {@code ulimit -f},
 * in a child shell). After every fault the output must be either complete and correct (equal to what an
 * undisturbed invocation writes) or clearly incomplete (missing, or the earlier result untouched), never a
 * mixture; and the next plain invocation must then produce the complete, correct result.
 *
 * <p>Kill moments are drawn uniformly over the time an undisturbed invocation takes (measured first, JVM
 * start-up included), so they fall in start-up, computation and writing alike; each outcome is counted and
 * printed. The child JVMs are small ({@code -Xmx256m}, C1 only) to keep the suite to a few minutes.
 */
class FaultInjectionIT {

    private static final int POINTS = 20;

    /** A run long enough (90,000 rows, half a second of writing) for kills to land mid-trace. */
    private static final String RUN = """
            name: target
            steps: 60000
            replicas: 1
            landscape: {type: straight-valley, dimension: 2, hillCurvature: 10, river: {type: linear, slope: 0.1}}
            optimizer: {type: sgd}
            noise: {type: isotropic, sigma: 0.5}
            schedule: {type: wsd, peak: 0.05, warmup: 100, floor: 0.1, decayFraction: 0.2, budgets: [30000, 60000]}
            record: {every: 1}
            """;

    /** Four short runs: a kill lands before, between or inside them. */
    private static final String SWEEP = """
            name: faults
            base:
              steps: 10000
              replicas: 4
              landscape: {type: straight-valley, dimension: 2, hillCurvature: 10, river: {type: linear, slope: 0.1}}
              optimizer: {type: sgd}
              noise: {type: isotropic, sigma: 0.5}
              schedule: {type: wsd, peak: 0.05, warmup: 100, floor: 0.1, decayFraction: 0.2, budgets: [5000, 10000]}
              record: {every: 5}
            grid:
              schedule.peak: [0.02, 0.05]
            seeds: 2
            """;

    /** Many tiny runs, so that a merge has files enough to be killed in the middle of. */
    private static final String WIDE = """
            name: wide
            base:
              steps: 40
              replicas: 1
              landscape: {type: straight-valley, dimension: 2, hillCurvature: 10}
              optimizer: {type: gd}
              schedule: {type: constant, peak: 0.01}
            grid:
              schedule.peak: [0.01, 0.02, 0.03, 0.04, 0.05, 0.06, 0.07, 0.08, 0.09, 0.1]
            seeds: 8
            """;

    @TempDir
    static Path tmp;

    private static final Map<String, int[]> OUTCOMES = new TreeMap<>();
    private static long startNanos;

    /**
     * The packaged command line (the shaded jar that {@code mvn verify} builds before the integration tests):
     * one jar, which a class-data archive can cover; the test class path otherwise.
     */
    private static final String CLASS_PATH = Files.isRegularFile(Path.of("target", "rivervalley.jar"))
            ? Path.of("target", "rivervalley.jar").toAbsolutePath().toString() : System.getProperty("java.class.path");

    /** A class-data archive of the command line, made once, so that the child JVMs start faster. */
    private static Path archive;

    @BeforeAll
    static void start() throws Exception {
        startNanos = System.nanoTime();
        Path spec = Files.writeString(tmp.resolve("warm.yaml"), RUN.replace("steps: 60000", "steps: 600")
                .replace("budgets: [30000, 60000]", "budgets: [300, 600]"));
        Path file = tmp.resolve("cli.jsa");
        Process warm = new ProcessBuilder(javaCommand(List.of("-XX:ArchiveClassesAtExit=" + file), List.of("run", spec.toString(),
                "--out", tmp.resolve("warm").toString()))).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertTrue(warm.waitFor(120, TimeUnit.SECONDS));
        archive = Files.isRegularFile(file) ? file : null; // without it the children just start more slowly
    }

    private static List<String> javaCommand(List<String> options, List<String> args) {
        List<String> java = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:-UsePerfData", "-Xshare:auto"));
        java.addAll(options);
        java.addAll(List.of("-Djava.awt.headless=true", "-cp", CLASS_PATH, Main.class.getName()));
        java.addAll(args);
        return java;
    }

    @AfterAll
    static void summary() {
        StringBuilder text = new StringBuilder("fault injection (" + POINTS + " kill points per command; outcome after the kill,"
                + " each then repaired by the next plain invocation) in " + (System.nanoTime() - startNanos) / 1_000_000_000 + " s"
                + (archive == null ? "" : ", children started from a class-data archive") + ":");
        OUTCOMES.forEach((command, n) -> text.append("\n  ").append(command).append(": ").append(n[0]).append(" untouched, ")
                .append(n[1]).append(" incomplete, ").append(n[2]).append(" complete; ").append(n[3])
                .append(" of them killed while writing (staging left behind)"));
        System.out.println(text);
    }

    // ---------------------------------------------------------------------------------------------------------

    @Test
    void runIsAtomicUnderKillAndFullDisk() throws Exception {
        Path spec = Files.writeString(tmp.resolve("run.yaml"), RUN);
        Path oldSpec = Files.writeString(tmp.resolve("run-old.yaml"), RUN.replace("steps: 60000", "steps: 300")
                .replace("budgets: [30000, 60000]", "budgets: [150, 300]"));
        Path reference = tmp.resolve("run-reference");
        long nanos = timed(child(List.of("run", spec.toString(), "--out", reference.toString(), "--threads", "1")));
        Map<String, String> fresh = snapshot(reference);
        Path old = tmp.resolve("run-old");
        assertEquals(0, CliRun.execute("run", oldSpec.toString(), "--out", old.toString()).exit());
        Map<String, String> before = snapshot(old);
        assertNotEquals(before, fresh);

        Random random = new Random(17_001L);
        Path out = tmp.resolve("run-out");
        for (int point = 0; point < POINTS; point++) {
            reset(old, out);
            killAt(child(List.of("run", spec.toString(), "--out", out.toString(), "--threads", "1")), random, nanos);
            Map<String, String> after = snapshot(out);
            count("run", after.equals(before) ? 0 : after.equals(fresh) ? 2 : 1);
            countMidWrite("run", out);
            if (!after.equals(before) && !after.equals(fresh) && !after.isEmpty()) {
                fail("run killed at point " + point + " left a mixture: " + after.keySet());
            }
            repair(List.of("run", spec.toString(), "--out", out.toString(), "--threads", "1"), 0, out);
            assertEquals(fresh, snapshot(out), "run repaired at point " + point);
        }

        // Full disk: the trace cannot be written; the earlier run stays as it was, the reason is named.
        reset(old, out);
        Process limited = child(List.of("run", spec.toString(), "--out", out.toString(), "--threads", "1"), 2048);
        assertTrue(limited.waitFor(120, TimeUnit.SECONDS));
        String err = stderr(limited);
        assertEquals(1, limited.exitValue(), err);
        assertTrue(err.contains("File too large"), err);
        assertEquals(before, snapshot(out), "a failed rerun leaves the earlier run untouched");
        repair(List.of("run", spec.toString(), "--out", out.toString(), "--threads", "1"), 0, out);
        assertEquals(fresh, snapshot(out));
    }

    @Test
    void sweepResumesUnderKillAndFullDisk() throws Exception {
        Path spec = Files.writeString(tmp.resolve("sweep.yaml"), SWEEP);
        Path reference = tmp.resolve("sweep-reference");
        List<String> command = List.of("sweep", spec.toString(), "--out", "DIR", "--threads", "2", "--quiet");
        long nanos = timed(child(with(command, reference)));
        Map<String, String> fresh = snapshot(reference);

        Random random = new Random(17_002L);
        Path out = tmp.resolve("sweep-out");
        for (int point = 0; point < POINTS; point++) {
            delete(out);
            killAt(child(with(command, out)), random, nanos);
            Map<String, String> after = snapshot(out);
            // Every file present is the complete, correct file (runs are staged; summaries written last).
            for (Map.Entry<String, String> file : after.entrySet()) {
                assertEquals(fresh.get(file.getKey()), file.getValue(), "sweep killed at point " + point + ": " + file.getKey());
            }
            assertTrue(after.keySet().stream().noneMatch(f -> f.endsWith("error.txt")), "a kill is never recorded as a failure");
            count("sweep", after.isEmpty() ? 0 : after.equals(fresh) ? 2 : 1);
            countMidWrite("sweep", out);
            repair(with(command, out), 0, out);
            assertEquals(fresh, snapshot(out), "sweep repaired at point " + point);
        }

        // Full disk: exit 1 naming the reason, nothing recorded as failed; a plain resume completes it.
        delete(out);
        Process limited = child(with(command, out), 64);
        assertTrue(limited.waitFor(120, TimeUnit.SECONDS));
        String err = stderr(limited);
        assertEquals(1, limited.exitValue(), err);
        assertTrue(err.contains("File too large"), err);
        assertTrue(snapshot(out).keySet().stream().noneMatch(f -> f.endsWith("error.txt")), "I/O failures are not recorded");
        repair(with(command, out), 0, out);
        assertEquals(fresh, snapshot(out));
    }

    @Test
    void mergeNeverLeavesAPartialSummary() throws Exception {
        Path spec = Files.writeString(tmp.resolve("wide.yaml"), WIDE);
        Path runs = tmp.resolve("wide-runs");
        assertEquals(0, CliRun.execute("sweep", spec.toString(), "--out", runs.toString(), "--quiet").exit());
        Map<String, String> fresh = snapshot(runs);
        Files.delete(runs.resolve("sweep.csv"));
        Files.delete(runs.resolve("sweep.json"));
        Path pristine = tmp.resolve("wide-pristine");
        copy(runs, pristine);
        List<String> command = List.of("merge", runs.toString());
        long nanos = timed(child(command));
        assertEquals(fresh, snapshot(runs));

        Random random = new Random(17_003L);
        for (int point = 0; point < POINTS; point++) {
            reset(pristine, runs);
            killAt(child(command), random, nanos);
            Map<String, String> after = snapshot(runs);
            for (Map.Entry<String, String> file : after.entrySet()) {
                assertEquals(fresh.get(file.getKey()), file.getValue(), "merge killed at point " + point + ": " + file.getKey());
            }
            boolean csv = after.containsKey("sweep.csv");
            boolean json = after.containsKey("sweep.json");
            count("merge", !csv && !json ? 0 : csv && json ? 2 : 1);
            countMidWrite("merge", runs);
            repair(command, 0, runs);
            assertEquals(fresh, snapshot(runs), "merge repaired at point " + point);
        }

        // Full disk: sweep.json (about 30 KB) cannot be written.
        reset(pristine, runs);
        Process limited = child(command, 8);
        assertTrue(limited.waitFor(120, TimeUnit.SECONDS));
        String err = stderr(limited);
        assertEquals(1, limited.exitValue(), err);
        assertTrue(err.contains("File too large"), err);
        repair(command, 0, runs);
        assertEquals(fresh, snapshot(runs));
    }

    @Test
    void reportIsReplacedWholeUnderKillAndFullDisk() throws Exception {
        Path spec = Files.writeString(tmp.resolve("report-sweep.yaml"), SWEEP.replace("seeds: 2", "seeds: 1"));
        Path runs = tmp.resolve("report-runs");
        assertEquals(0, CliRun.execute("sweep", spec.toString(), "--out", runs.toString(), "--quiet").exit());
        Path reference = tmp.resolve("report-reference");
        List<String> command = List.of("report", runs.toString(), "--out", "DIR", "--threads", "1", "--points", "64");
        long nanos = timed(child(with(command, reference)));
        Map<String, String> fresh = snapshot(reference);
        Path old = tmp.resolve("report-old");
        assertEquals(0, CliRun.execute("report", runs.toString(), "--out", old.toString(), "--threads", "1", "--points", "16").exit());
        Map<String, String> before = snapshot(old);
        assertNotEquals(before, fresh, "the earlier report's charts have fewer points, so a mixture shows");

        Random random = new Random(17_004L);
        Path out = tmp.resolve("report-out");
        for (int point = 0; point < POINTS; point++) {
            reset(old, out);
            killAt(child(with(command, out)), random, nanos);
            Map<String, String> after = snapshot(out);
            count("report", after.equals(before) ? 0 : after.equals(fresh) ? 2 : 1);
            countMidWrite("report", out);
            if (!after.equals(before) && !after.equals(fresh) && !after.isEmpty()) {
                fail("report killed at point " + point + " left a mixture: " + after.keySet());
            }
            repair(with(command, out), 0, out);
            assertEquals(fresh, snapshot(out), "report repaired at point " + point);
            try (Stream<Path> siblings = Files.list(tmp)) {
                assertTrue(siblings.noneMatch(p -> p.getFileName().toString().startsWith(".report-out.")),
                        "the repair removed what the killed report left");
            }
        }

        // Full disk: a chart cannot be written; the earlier report stays.
        reset(old, out);
        Process limited = child(with(command, out), 8);
        assertTrue(limited.waitFor(120, TimeUnit.SECONDS));
        String err = stderr(limited);
        assertEquals(1, limited.exitValue(), err);
        assertTrue(err.contains("File too large"), err);
        assertEquals(before, snapshot(out));
        repair(with(command, out), 0, out);
        assertEquals(fresh, snapshot(out));
    }

    // ---------------------------------------------------------------------------------------------------------

    private static final Map<Process, Path> ERRORS = new java.util.concurrent.ConcurrentHashMap<>();

    private static String stderr(Process process) throws IOException {
        return Files.readString(ERRORS.remove(process), StandardCharsets.UTF_8);
    }

    private static void count(String command, int outcome) {
        OUTCOMES.computeIfAbsent(command, c -> new int[4])[outcome]++;
    }

    /** Counts a kill that left a staging directory or temporary file behind: it landed while writing. */
    private static void countMidWrite(String command, Path dir) throws IOException {
        if (hasStaging(dir)) {
            OUTCOMES.computeIfAbsent(command, c -> new int[4])[3]++;
        }
    }

    private static boolean hasStaging(Path dir) throws IOException {
        String sibling = "." + dir.getFileName() + ".";
        try (Stream<Path> siblings = Files.list(dir.getParent())) {
            if (siblings.anyMatch(p -> p.getFileName().toString().startsWith(sibling))) {
                return true;
            }
        }
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> walk = Files.walk(dir, 2)) {
            return walk.anyMatch(p -> {
                String name = p.getFileName().toString();
                return name.endsWith(".tmp") || name.matches("\\..*\\.(tmp|old)-[0-9]+");
            });
        }
    }

    private static List<String> with(List<String> command, Path dir) {
        return command.stream().map(a -> a.equals("DIR") ? dir.toString() : a).toList();
    }

    /** The command line in its own small JVM; with a file-size limit (KiB, {@code ulimit -f}) when {@code fileKiB > 0}. */
    private static Process child(List<String> args, int fileKiB) throws IOException {
        List<String> java = javaCommand(archive == null ? List.of() : List.of("-XX:SharedArchiveFile=" + archive), args);
        ProcessBuilder builder;
        if (fileKiB > 0) {
            StringBuilder line = new StringBuilder("ulimit -f " + fileKiB + " && exec");
            for (String a : java) {
                line.append(" '").append(a.replace("'", "'\\''")).append('\'');
            }
            builder = new ProcessBuilder("bash", "-c", line.toString());
        } else {
            builder = new ProcessBuilder(java);
        }
        // stderr to a file: a killed process's pipe would be closed under the reader, a full one would block it.
        Path err = Files.createTempFile(tmp, "stderr", ".txt");
        Process process = builder.redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(err.toFile()).start();
        ERRORS.put(process, err);
        return process;
    }

    private static Process child(List<String> args) throws IOException {
        return child(args, 0);
    }

    /** Waits for an undisturbed invocation; returns its wall time. */
    private static long timed(Process process) throws Exception {
        long start = System.nanoTime();
        assertTrue(process.waitFor(300, TimeUnit.SECONDS));
        String err = stderr(process);
        assertEquals(0, process.exitValue(), err);
        return System.nanoTime() - start;
    }

    /**
     * SIGKILLs {@code process} after a uniform random delay in [0, 1.5 x {@code nanos}]: the machine's load
     * varies, so the range reaches past the undisturbed time to let some invocations finish.
     */
    private static void killAt(Process process, Random random, long nanos) throws Exception {
        long delay = (long) (random.nextDouble() * 1.5 * nanos);
        if (!process.waitFor(delay, TimeUnit.NANOSECONDS)) {
            process.destroyForcibly();
        }
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        ERRORS.remove(process);
    }

    /** Runs the plain command to its end; afterwards nothing a killed process staged is left under {@code dir}. */
    private static void repair(List<String> args, int exit, Path dir) throws Exception {
        Process process = child(args);
        assertTrue(process.waitFor(300, TimeUnit.SECONDS));
        String err = stderr(process);
        assertEquals(exit, process.exitValue(), "the next plain invocation: " + err);
        try (Stream<Path> walk = Files.walk(dir)) {
            List<Path> staged = walk.filter(p -> Files.isDirectory(p) && p.getFileName().toString().startsWith(".")).toList();
            assertEquals(List.of(), staged, "staging directories left after the next plain invocation");
        }
    }

    /**
     * Relative path to SHA-256 of every file a user sees: hidden entries (staging directories, lock files,
     * the report's marker) and wall-time files left out, and the wall-time column of sweep.csv removed.
     */
    static Map<String, String> snapshot(Path dir) throws IOException {
        Map<String, String> files = new TreeMap<>();
        if (!Files.isDirectory(dir)) {
            return files;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path file : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                Path relative = dir.relativize(file);
                boolean hidden = false;
                for (Path part : relative) {
                    hidden |= part.toString().startsWith(".");
                }
                String name = relative.toString();
                if (hidden || file.getFileName().toString().equals("timing.json")) {
                    continue;
                }
                byte[] bytes = Files.readAllBytes(file);
                if (name.endsWith(".svg")) {
                    // JFreeSVG prefixes its clip ids with System.nanoTime(); everything else is deterministic.
                    bytes = new String(bytes, StandardCharsets.UTF_8).replaceAll("_[0-9]+clip-", "_Nclip-").getBytes(StandardCharsets.UTF_8);
                }
                if (name.equals("sweep.csv")) {
                    StringBuilder csv = new StringBuilder();
                    for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n", -1)) {
                        csv.append(line.contains(",") ? line.substring(0, line.lastIndexOf(',')) : line).append('\n');
                    }
                    bytes = csv.toString().getBytes(StandardCharsets.UTF_8);
                }
                files.put(name, sha256(bytes));
            }
        }
        return files;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void reset(Path from, Path to) throws IOException {
        delete(to);
        copy(from, to);
        try (Stream<Path> siblings = Files.list(to.getParent())) {
            for (Path p : (Iterable<Path>) siblings::iterator) {
                if (p.getFileName().toString().startsWith("." + to.getFileName() + ".")) {
                    delete(p); // what a killed process staged; the next invocation would remove it too
                }
            }
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}

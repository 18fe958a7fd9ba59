package io.github.rivervalley.benchmarks;

import io.github.rivervalley.simulator.io.Csv;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** {@code bench --compare}: runs the peer scripts on the workloads measured and prints ours / theirs. */
final class PeerComparison {

    private PeerComparison() {
    }

    /** Runs the peers on the selected workloads and prints ours / theirs. */
    static void compare(BenchRunner.Options options, List<Measurement> results, PrintWriter log) throws IOException {
        List<String> command = new ArrayList<>(List.of(options.python(), options.peers().resolve("peers.py").toString()));
        if (options.quick()) {
            command.add("--quick");
        }
        if (options.cpuTime()) {
            command.add("--cpu-time");
        }
        List<String> names = new ArrayList<>();
        for (Measurement m : results) {
            String base = peerName(m.name());
            if (!base.startsWith("limit-") && !names.contains(base)) {
                names.add(base);
            }
        }
        command.add("--only");
        command.add(String.join(",", names));
        log.println("running peers: " + String.join(" ", command));
        log.flush();
        List<Peer> peers = new ArrayList<>();
        for (String line : runProcess(command)) {
            if (line.startsWith("RESULT ")) {
                String[] parts = line.split(" ");
                peers.add(new Peer(parts[1], parts[2], Double.parseDouble(parts[3]), parts[4]));
            } else if (!line.isBlank()) {
                log.println("  peer: " + line);
            }
        }
        StringBuilder csv = new StringBuilder("benchmark,ours,peer,peer_rate,unit,ratio\n");
        log.println();
        log.printf("%-28s %-8s %12s %12s %8s%n", "benchmark", "peer", "ours", "peer", "ratio");
        for (Measurement m : results) {
            for (Peer p : peers) {
                if (p.name().equals(peerName(m.name()))) {
                    double ratio = m.rate() / p.rate();
                    log.printf(Locale.ROOT, "%-28s %-8s %12.3e %12.3e %7.2fx   (%s/s)%n", m.name(), p.library(), m.rate(), p.rate(), ratio, m.unit());
                    csv.append(String.format(Locale.ROOT, "%s,%.6e,%s,%.6e,%s,%.4f%n", Csv.field(m.name()), m.rate(), Csv.field(p.library()), p.rate(),
                            Csv.field(m.unit()), ratio));
                }
            }
        }
        Path file = options.out().resolve("compare.csv");
        Files.writeString(file, csv.toString(), StandardCharsets.UTF_8);
        log.println("wrote " + file);
        log.flush();
    }

    /** A peer's result: library (numpy, torch), workload name, rate and unit. */
    private record Peer(String library, String name, double rate, String unit) {
    }

    /**
     * Our names carry the thread count ({@code /2t}) and the precision when not the default ({@code -f32});
     * the peers run single-threaded under the bare name.
     */
    static String peerName(String name) {
        int slash = name.lastIndexOf('/');
        String base = slash < 0 ? name : name.substring(0, slash);
        return base.endsWith("-f32") ? base.substring(0, base.length() - 4) : base;
    }

    static List<String> runProcess(List<String> command) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Process process = builder.start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lines.add(line);
            }
        }
        try {
            int code = process.waitFor();
            if (code != 0) {
                throw new IOException(command.get(0) + " exited with " + code + ":\n" + String.join("\n", lines));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        return lines;
    }
}

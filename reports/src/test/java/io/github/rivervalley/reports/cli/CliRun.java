package io.github.rivervalley.reports.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/** One execution of the command line as the launcher runs it, with what it printed (tests). */
record CliRun(int exit, String out, String err) {

    static CliRun execute(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute(args);
        return new CliRun(exit, out.toString(), err.toString());
    }

    /** Asserts the input was refused (exit {@link Main#BAD_INPUT}) with an error that mentions each of {@code fragments}. */
    void assertRefused(String... fragments) {
        assertEquals(Main.BAD_INPUT, exit, err);
        for (String fragment : fragments) {
            assertTrue(err.contains(fragment), err);
        }
    }

    /**
     * Writes {@code yaml} to {@code dir/<command>.yaml} and runs {@code command} on it with {@code options}
     * and {@code --out dir/out}: how a command test runs a spec.
     */
    static CliRun onSpec(Path dir, String command, String yaml, String... options) throws IOException {
        Path spec = Files.writeString(specFile(dir, command), yaml);
        List<String> args = new ArrayList<>(List.of(command, spec.toString()));
        args.addAll(List.of(options));
        args.addAll(List.of("--out", dir.resolve("out").toString()));
        return execute(args.toArray(String[]::new));
    }

    /** Where {@link #onSpec} writes the spec of {@code command}. */
    static Path specFile(Path dir, String command) {
        return dir.resolve(command + ".yaml");
    }

    /** A run spec small enough for any command test: {@code steps} of SGD, little isotropic noise, a straight valley. */
    static String tinyRunSpec(String name, long steps) {
        return """
                name: %s
                steps: %d
                replicas: 2
                landscape: {type: straight-valley, hillCurvature: 3.0}
                optimizer: {type: sgd}
                noise: {type: isotropic, sigma: 0.01}
                schedule: {type: constant, peak: 0.1}
                """.formatted(name, steps);
    }
}

package io.github.rivervalley.reports.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top-level {@code rivervalley} command: prints usage when called without a subcommand. */
@Command(name = "rivervalley",
        mixinStandardHelpOptions = true,
        versionProvider = RiverValleyCommand.Version.class,
        description = {
            "Simulates optimizers on river-valley loss landscapes under learning-rate schedules "
                + "(WSD, WSD-S, cosine, cyclic cosine) and splits progress into river and hill parts."
        },
        footer = {"", "Run 'rivervalley COMMAND --help' for the options of a command.",
            "The benchmarks live in their own jar: 'rivervalley bench --help' (the launcher builds it on first use)."})
public final class RiverValleyCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Reads the version Maven wrote into {@code version.properties}. */
    public static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            Properties properties = new Properties();
            try (InputStream in = RiverValleyCommand.class.getResourceAsStream("/io/github/rivervalley/reports/version.properties")) {
                if (in != null) {
                    properties.load(in);
                }
            }
            return new String[] {"rivervalley " + properties.getProperty("version", "unknown"),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"};
        }
    }
}

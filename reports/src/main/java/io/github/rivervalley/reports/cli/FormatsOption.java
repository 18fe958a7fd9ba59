package io.github.rivervalley.reports.cli;

import io.github.rivervalley.reports.chart.ChartFormats;
import picocli.CommandLine.Option;

/** The {@code --formats} option of every command that writes charts: which files each chart gets. */
final class FormatsOption {

    @Option(names = "--formats", paramLabel = "LIST", defaultValue = ChartFormats.DEFAULT,
            description = "chart files to write, comma-separated: any of svg, png, png2x (twice the pixels), pdf (default: ${DEFAULT-VALUE})")
    String formats;

    /** The formats asked for; an unknown name is refused (exit 2) before anything runs. */
    ChartFormats parse() {
        return ChartFormats.parse(formats);
    }
}

/**
 * The {@code rivervalley} command line (picocli): one command class per subcommand, registered in
 * {@code Subcommands}. Bad input exits with status 2 and one message naming the field, the value and
 * what is allowed; nothing is written before a spec has been fully validated.
 *
 * <p>What several commands share is declared once: {@code SpecCommand} (the base of the commands that read a
 * {@code SPEC.yaml} and write under {@code --out DIR}), {@code ChartCommand} (the base of the other commands that
 * write charts: {@code --formats} checked first, standard output flushed last), and the mixins {@code ThreadsOption} ({@code --threads}),
 * {@code FormatsOption} ({@code --formats}, the chart files) and {@code CsvOutput} ({@code --out FILE}, a CSV to a
 * file or standard output).
 */
package io.github.rivervalley.reports.cli;

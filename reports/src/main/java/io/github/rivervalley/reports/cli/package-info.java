/**
 * The {@code rivervalley} command line (picocli): one command class per subcommand, registered in
 * {@code Subcommands}. Bad input exits with status 2 and one message naming the field, the value and
 * what is allowed; nothing is written before a spec has been fully validated.
 */
package io.github.rivervalley.reports.cli;

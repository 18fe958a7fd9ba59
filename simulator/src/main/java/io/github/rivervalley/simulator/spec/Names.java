package io.github.rivervalley.simulator.spec;

import io.github.rivervalley.landscapes.check.InvalidValueException;

/**
 * The rule for names that end up in file names and CSV fields (run names, line names): letters, digits,
 * '.', '_' and '-', starting with a letter or digit, so they need no quoting and cannot leave a directory.
 */
public final class Names {

    private Names() {
    }

    /**
     * Checks {@code name}.
     *
     * @param use what the name is used for, for the message ("it names the output directory")
     */
    public static void check(String field, String name, String use) {
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            throw new InvalidValueException(field, "'" + name + "'", "a name of letters, digits, '.', '_' and '-' (" + use + ")");
        }
    }
}

package io.github.rivervalley.simulator.spec;

import io.github.rivervalley.landscapes.check.InvalidValueException;

/**
 * The rule for names that end up in file names and CSV fields (run names, line names): letters, digits,
 * '.', '_' and '-', starting with a letter or digit, so they need no quoting and cannot leave a directory,
 * and at most {@value #MAX_LENGTH} characters, so that every file name made from them fits.
 */
public final class Names {

    /** The longest name: leaves room under the file systems' 255 bytes for the suffixes added to it. */
    public static final int MAX_LENGTH = 200;

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
        if (name.length() > MAX_LENGTH) {
            throw new InvalidValueException(field, "a name of " + name.length() + " characters", "at most " + MAX_LENGTH
                    + " characters (" + use + "; file names have at most 255, and suffixes such as -wsd-s and"
                    + " .tmp-<pid> are added to it)");
        }
    }
}

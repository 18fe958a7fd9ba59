package io.github.rivervalley.simulator.spec;

import io.github.rivervalley.landscapes.check.InvalidValueException;
import io.github.rivervalley.simulator.schedule.Schedules;
import java.util.List;

/** The {@code budgets} field shared by the named schedule specs. */
final class Budgets {

    private Budgets() {
    }

    /** Checks a given list (null means "not given") and returns it unchanged. */
    static List<Long> check(List<Long> budgets) {
        if (budgets != null) {
            Schedules.checkBudgets(toArray(budgets));
        }
        return budgets == null ? null : List.copyOf(budgets);
    }

    /** The budgets for a run of {@code steps}: {@code [steps]} by default; the last must equal {@code steps}. */
    static long[] resolve(List<Long> budgets, long steps) {
        if (budgets == null) {
            return new long[] {steps};
        }
        long[] array = toArray(budgets);
        if (array[array.length - 1] != steps) {
            throw new InvalidValueException("budgets", budgets, "a list whose last budget equals the top-level steps (" + steps + ")");
        }
        return array;
    }

    static long[] toArray(List<Long> budgets) {
        long[] array = new long[budgets.size()];
        for (int k = 0; k < array.length; k++) {
            Long b = budgets.get(k);
            if (b == null) {
                throw new InvalidValueException("budgets[" + k + "]", "nothing", "a whole number > 0");
            }
            array[k] = b;
        }
        return array;
    }
}

package io.github.rivervalley.bigram.data;

import io.github.rivervalley.landscapes.check.InvalidValueException;
import java.util.List;

/**
 * Optional per-group frequency masses of a synthetic dataset: group g's tokens share {@code mass_g} of the
 * token frequency, in the ratios the frequency law gives them. This separates how many tokens a group has
 * from how often they occur (in text, rare words tend to be predictable and frequent ones uncertain).
 */
final class GroupMass {

    private GroupMass() {
    }

    /** Every group has a mass or none does, and the masses sum to 1. */
    static void validate(List<SyntheticGroup> groups) {
        boolean any = groups.stream().anyMatch(g -> g.mass() != null);
        if (!any) {
            return;
        }
        double total = 0.0;
        for (int g = 0; g < groups.size(); g++) {
            Double mass = groups.get(g).mass();
            if (mass == null) {
                throw new InvalidValueException("groups[" + g + "].mass", "nothing", "a mass for every group, or for none");
            }
            total += mass;
        }
        if (Math.abs(total - 1.0) > BigramData.SUM_TOLERANCE) {
            throw new InvalidValueException("groups.mass", "masses summing to " + total,
                    "masses summing to 1 (within " + BigramData.SUM_TOLERANCE + ")");
        }
    }

    /** Rescales {@code pi} in place so that group g's tokens sum to its mass. */
    static void apply(double[] pi, int[] groupOf, List<SyntheticGroup> groups) {
        double[] sum = new double[groups.size()];
        for (int i = 0; i < pi.length; i++) {
            sum[groupOf[i]] += pi[i];
        }
        for (int i = 0; i < pi.length; i++) {
            int g = groupOf[i];
            pi[i] *= groups.get(g).mass() / sum[g];
        }
    }
}

package io.github.rivervalley.bigram.data;

import io.github.rivervalley.landscapes.check.Check;
import io.github.rivervalley.landscapes.check.InvalidValueException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hipparchus.random.RandomDataGenerator;
import org.hipparchus.random.Well19937c;

/**
 * Seeded synthetic bigram data whose uncertainty is chosen per token group.
 *
 * <p>Recipe (all draws from one Hipparchus {@code Well19937c} stream seeded with {@code seed}, in this order):
 * <ol>
 * <li>frequencies by token index: uniform, or Zipf {@code pi_i ~ (i + 1)^-s};</li>
 * <li>a random permutation of the tokens is cut into consecutive groups of {@code round(V * cumulative share)}
 *     boundaries, so every group gets a mix of frequent and rare tokens;</li>
 * <li>token by token in index order: k distinct successors uniformly from the whole vocabulary (Floyd's
 *     algorithm), with probabilities 1, 1/k each, or normalised {@code Gamma(alpha, 1)} draws (Dirichlet).
 *     A Dirichlet weight that underflows to 0 (only for tiny alpha) drops that successor.</li>
 * </ol>
 * Sparse storage: memory is O(V k), so V = 16384 is cheap.
 */
public final class SyntheticBigrams {

    private SyntheticBigrams() {
    }

    /**
     * The paper-like dataset with uniform frequencies: half of the tokens deterministic ({@code det}), the rest
     * split equally into groups uniform over 2, 4, 8 and 16 successors ({@code k2 .. k16}). V must be a
     * multiple of 8 and at least 16.
     */
    public static BigramData paperLike(int vocabulary, long seed) {
        if (vocabulary < 16 || vocabulary % 8 != 0) {
            throw new InvalidValueException("vocabulary", vocabulary, "a multiple of 8 that is at least 16");
        }
        return generate(vocabulary, Frequencies.UNIFORM, 1.0, List.of(SyntheticGroup.deterministic(0.5),
                SyntheticGroup.uniform(0.125, 2), SyntheticGroup.uniform(0.125, 4), SyntheticGroup.uniform(0.125, 8),
                SyntheticGroup.uniform(0.125, 16)), seed);
    }

    /**
     * Generates a dataset.
     *
     * @param vocabulary V >= 2
     * @param frequencies the frequency law
     * @param zipfExponent s > 0 (used only for Zipf)
     * @param groups the groups; shares sum to 1 within {@link BigramData#SUM_TOLERANCE}
     * @param seed the random seed
     */
    public static BigramData generate(int vocabulary, Frequencies frequencies, double zipfExponent,
                                      List<SyntheticGroup> groups, long seed) {
        List<String> names = validate(vocabulary, frequencies, zipfExponent, groups);

        RandomDataGenerator random = RandomDataGenerator.of(new Well19937c(seed));
        double[] pi = new double[vocabulary];
        double total = 0.0;
        for (int i = 0; i < vocabulary; i++) {
            pi[i] = frequencies == Frequencies.UNIFORM ? 1.0 : Math.pow(i + 1.0, -zipfExponent);
            total += pi[i];
        }
        for (int i = 0; i < vocabulary; i++) {
            pi[i] /= total;
        }

        int[] order = random.nextPermutation(vocabulary, vocabulary);
        int[] groupOf = new int[vocabulary];
        int[] ends = boundaries(vocabulary, groups);
        for (int g = 0, start = 0; g < groups.size(); g++) {
            for (int n = start; n < ends[g]; n++) {
                groupOf[order[n]] = g;
            }
            start = ends[g];
        }

        if (groups.get(0).mass() != null) {
            GroupMass.apply(pi, groupOf, groups);
        }

        int[] rowStart = new int[vocabulary + 1];
        for (int i = 0; i < vocabulary; i++) {
            rowStart[i + 1] = rowStart[i] + groups.get(groupOf[i]).successors();
        }
        int[] successors = new int[rowStart[vocabulary]];
        double[] probabilities = new double[rowStart[vocabulary]];
        int[] chosen = new int[vocabulary];
        double[] weights = new double[vocabulary];
        boolean[] mark = new boolean[vocabulary];
        int fill = 0;
        for (int i = 0; i < vocabulary; i++) {
            SyntheticGroup group = groups.get(groupOf[i]);
            int k = group.successors();
            distinct(random, vocabulary, k, chosen, mark);
            Arrays.sort(chosen, 0, k);
            double sum = 0.0;
            for (int n = 0; n < k; n++) {
                weights[n] = group.kind() == Uncertainty.DIRICHLET ? random.nextGamma(group.alpha(), 1.0) : 1.0;
                sum += weights[n];
            }
            if (!(sum > 0)) {
                // Every Gamma draw underflowed (alpha far below 1): put all the mass on one successor.
                Arrays.fill(weights, 0, k, 0.0);
                weights[random.nextInt(k)] = 1.0;
                sum = 1.0;
            }
            rowStart[i] = fill;
            for (int n = 0; n < k; n++) {
                if (weights[n] > 0) {
                    successors[fill] = chosen[n];
                    probabilities[fill] = weights[n] / sum;
                    fill++;
                }
            }
        }
        rowStart[vocabulary] = fill;
        return new BigramData(null, pi, rowStart, Arrays.copyOf(successors, fill), Arrays.copyOf(probabilities, fill),
                groupOf, names);
    }

    /**
     * Checks everything {@link #generate} needs before drawing anything (V >= 2, exponent, shares summing to 1,
     * k <= V, names, no empty group) and returns the group names.
     */
    public static List<String> validate(int vocabulary, Frequencies frequencies, double zipfExponent,
                                        List<SyntheticGroup> groups) {
        if (vocabulary < 2) {
            throw new InvalidValueException("vocabulary", vocabulary, "a whole number >= 2");
        }
        Check.present("frequencies", frequencies);
        if (frequencies == Frequencies.ZIPF) {
            Check.positive("zipfExponent", zipfExponent);
        }
        if (groups == null || groups.isEmpty()) {
            throw new InvalidValueException("groups", "none", "at least one group");
        }
        double shares = 0.0;
        for (int g = 0; g < groups.size(); g++) {
            SyntheticGroup group = Check.present("groups[" + g + "]", groups.get(g));
            shares += group.share();
            if (group.successors() > vocabulary) {
                throw new InvalidValueException("groups[" + g + "].successors", group.successors(),
                        "at most the vocabulary size " + vocabulary);
            }
        }
        if (Math.abs(shares - 1.0) > BigramData.SUM_TOLERANCE) {
            throw new InvalidValueException("groups.share", "shares summing to " + shares,
                    "shares summing to 1 (within " + BigramData.SUM_TOLERANCE + ")");
        }
        List<String> names = names(groups);
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int g = 0; g < names.size(); g++) {
            if (!names.get(g).matches("[A-Za-z][A-Za-z0-9_]*")) {
                throw new InvalidValueException("groups[" + g + "].name", names.get(g), "a name of letters, digits and _ starting with a letter");
            }
            if (!seen.add(names.get(g))) {
                throw new InvalidValueException("groups[" + g + "].name", names.get(g), "a name not used by another group");
            }
        }
        boundaries(vocabulary, groups);
        GroupMass.validate(groups);
        return names;
    }

    /** End (exclusive) of each group in the shuffled order: {@code round(V * cumulative share)}, the last at V. */
    private static int[] boundaries(int vocabulary, List<SyntheticGroup> groups) {
        int[] ends = new int[groups.size()];
        double cumulative = 0.0;
        int start = 0;
        for (int g = 0; g < groups.size(); g++) {
            cumulative += groups.get(g).share();
            int end = g == groups.size() - 1 ? vocabulary : (int) Math.min(vocabulary, Math.round(vocabulary * cumulative));
            if (end <= start) {
                throw new InvalidValueException("groups[" + g + "].share", groups.get(g).share(),
                        "a share that gives the group at least one of the " + vocabulary + " tokens");
            }
            ends[g] = end;
            start = end;
        }
        return ends;
    }

    /** Group names: given ones, else defaults; repeated defaults get {@code _2}, {@code _3}, ... */
    static List<String> names(List<SyntheticGroup> groups) {
        List<String> out = new ArrayList<>();
        Map<String, Integer> uses = new HashMap<>();
        for (SyntheticGroup group : groups) {
            String base = group.nameOrDefault();
            int n = uses.merge(base, 1, Integer::sum);
            out.add(group.name() == null && n > 1 ? base + "_" + n : base);
        }
        return out;
    }

    /** Floyd's algorithm: k distinct values of [0, n) into out[0..k) in O(k); {@code mark} is all false on entry and exit. */
    private static void distinct(RandomDataGenerator random, int n, int k, int[] out, boolean[] mark) {
        int size = 0;
        for (int j = n - k; j < n; j++) {
            int t = random.nextInt(j + 1);
            int pick = mark[t] ? j : t;
            mark[pick] = true;
            out[size++] = pick;
        }
        for (int m = 0; m < k; m++) {
            mark[out[m]] = false;
        }
    }
}

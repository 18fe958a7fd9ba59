package io.github.rivervalley.bigram.data;

import io.github.rivervalley.landscapes.check.InvalidValueException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * The statistics of a bigram source: token frequencies {@code pi_i} (how often token i is the first token
 * of a pair), next-token distributions {@code q_i} stored sparsely as sorted successor lists, the entropy
 * {@code H(q_i)} of each, and a partition of the vocabulary into named groups.
 *
 * <p>The population loss of any model is at least {@link #lowerBound()} {@code L* = sum_i pi_i H(q_i)}.
 * Groups whose tokens are all (near-)deterministic, entropy at most {@link #RIVER_MAX_ENTROPY}, are the
 * <em>river</em> groups (see {@link #isRiverGroup}); the others are the <em>hill</em> groups. When no group
 * qualifies there is no river group: labels follow the data, not the group order.
 *
 * <p>Immutable; arrays are copied in and never handed out. Successors of token i are entries
 * {@code rowStart(i) .. rowStart(i+1)-1} of the flat successor arrays.
 */
public final class BigramData {

    /** Tolerance for distributions summing to 1 (frequencies, shares, each {@code q_i}). */
    public static final double SUM_TOLERANCE = 1e-9;

    /**
     * The largest entropy (nats) a token of a river group may have: 0.05, about that of a token whose likeliest
     * successor has probability 0.995 against 0.005 for a second (0.0315 nats) or 0.99 for one (0.056 nats). Such a
     * token's loss floor is within 0.05 of 0, its optimum margin is at least log(0.99/0.01) = 4.6, and its
     * curvature at the optimum, {@code pi (1 - |q|^2) <= 0.02 pi}, is small next to that of a hill token.
     */
    public static final double RIVER_MAX_ENTROPY = 0.05;

    private static final Pattern GROUP_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

    private final List<String> labels;
    private final double[] pi;
    private final int[] rowStart;
    private final int[] successors;
    private final double[] probabilities;
    private final double[] entropy;
    private final int[] groupOf;
    private final List<String> groupNames;
    private final boolean[] river;
    private final double[] groupMinEntropy;
    private final double[] groupMaxEntropy;
    private final double[] groupMass;
    private final double[] groupLowerBound;
    private final int[] groupSize;
    private final double lowerBound;
    private final double[] piAccept;
    private final int[] piAlias;
    private final double[] rowAccept;
    private final int[] rowAlias;
    private final int maxRowLength;

    /**
     * @param labels token names (length V), or {@code null} for {@code t0, t1, ...}
     * @param pi token frequencies, non-negative, summing to 1
     * @param rowStart length V + 1; successors of token i are entries {@code rowStart[i] .. rowStart[i+1]-1}
     * @param successors successor token indices, strictly increasing within a row
     * @param probabilities {@code q_i} on those successors: positive, each row summing to 1 (rows of tokens
     *     with {@code pi_i = 0} may be empty)
     * @param groupOf group index of every token
     * @param groupNames names of the groups (letters, digits, {@code _}; unique); every group non-empty
     */
    public BigramData(List<String> labels, double[] pi, int[] rowStart, int[] successors, double[] probabilities,
                      int[] groupOf, List<String> groupNames) {
        if (pi == null || pi.length < 2) {
            throw new InvalidValueException("vocabulary", pi == null ? "nothing" : pi.length, "a vocabulary of at least 2 tokens");
        }
        int v = pi.length;
        this.labels = labels == null ? null : List.copyOf(labels);
        if (labels != null && labels.size() != v) {
            throw new InvalidValueException("labels", labels.size() + " labels", v + " labels (one per token)");
        }
        this.pi = pi.clone();
        double total = 0.0;
        for (int i = 0; i < v; i++) {
            if (!(this.pi[i] >= 0) || !Double.isFinite(this.pi[i])) {
                throw new InvalidValueException("frequencies[" + i + "]", this.pi[i], "a finite number >= 0");
            }
            total += this.pi[i];
        }
        if (Math.abs(total - 1.0) > SUM_TOLERANCE) {
            throw new InvalidValueException("frequencies", "a total of " + total, "frequencies summing to 1 (within " + SUM_TOLERANCE + ")");
        }
        if (rowStart == null || rowStart.length != v + 1 || rowStart[0] != 0) {
            throw new InvalidValueException("rowStart", rowStart == null ? "nothing" : rowStart.length + " entries", (v + 1) + " entries starting at 0");
        }
        this.rowStart = rowStart.clone();
        this.successors = successors.clone();
        this.probabilities = probabilities.clone();
        if (this.rowStart[v] != this.successors.length || this.successors.length != this.probabilities.length) {
            throw new InvalidValueException("successors", this.successors.length + " successors and " + this.probabilities.length
                    + " probabilities", rowStart[v] + " of each");
        }
        this.entropy = new double[v];
        int longest = 0;
        for (int i = 0; i < v; i++) {
            int from = this.rowStart[i];
            int to = this.rowStart[i + 1];
            if (to < from) {
                throw new InvalidValueException("rowStart[" + (i + 1) + "]", to, "a value >= rowStart[" + i + "] = " + from);
            }
            longest = Math.max(longest, to - from);
            if (to == from) {
                if (this.pi[i] > 0) {
                    throw new InvalidValueException("successors of token " + label(i), "none", "at least one successor (the token has frequency " + this.pi[i] + ")");
                }
                continue;
            }
            double rowTotal = 0.0;
            double h = 0.0;
            for (int n = from; n < to; n++) {
                int j = this.successors[n];
                if (j < 0 || j >= v || (n > from && j <= this.successors[n - 1])) {
                    throw new InvalidValueException("successors of token " + label(i), j,
                            "distinct token indices in [0, " + (v - 1) + "] in increasing order");
                }
                double q = this.probabilities[n];
                if (!(q > 0) || !Double.isFinite(q)) {
                    throw new InvalidValueException("probabilities of token " + label(i), q, "finite numbers > 0");
                }
                rowTotal += q;
                h -= q * Math.log(q);
            }
            if (Math.abs(rowTotal - 1.0) > SUM_TOLERANCE) {
                throw new InvalidValueException("probabilities of token " + label(i), "a total of " + rowTotal,
                        "probabilities summing to 1 (within " + SUM_TOLERANCE + ")");
            }
            // A single successor has entropy exactly 0 (q = 1 up to rounding would give -0 or 1e-17).
            this.entropy[i] = to - from == 1 ? 0.0 : Math.max(0.0, h);
        }
        this.maxRowLength = longest;

        if (groupNames == null || groupNames.isEmpty()) {
            throw new InvalidValueException("groups", "none", "at least one group");
        }
        this.groupNames = List.copyOf(groupNames);
        Set<String> seen = new HashSet<>();
        for (int g = 0; g < this.groupNames.size(); g++) {
            String name = this.groupNames.get(g);
            if (name == null || !GROUP_NAME.matcher(name).matches()) {
                throw new InvalidValueException("groups[" + g + "].name", name, "a name of letters, digits and _ starting with a letter");
            }
            if (!seen.add(name)) {
                throw new InvalidValueException("groups[" + g + "].name", name, "a name not used by another group");
            }
        }
        int groups = this.groupNames.size();
        if (groupOf == null || groupOf.length != v) {
            throw new InvalidValueException("groupOf", groupOf == null ? "nothing" : groupOf.length + " entries", v + " entries (one per token)");
        }
        this.groupOf = groupOf.clone();
        this.groupMass = new double[groups];
        this.groupLowerBound = new double[groups];
        this.groupSize = new int[groups];
        double[] maxEntropy = new double[groups];
        double[] minEntropy = new double[groups];
        Arrays.fill(minEntropy, Double.POSITIVE_INFINITY);
        for (int i = 0; i < v; i++) {
            int g = this.groupOf[i];
            if (g < 0 || g >= groups) {
                throw new InvalidValueException("groupOf[" + i + "]", g, "a group index in [0, " + (groups - 1) + "]");
            }
            groupSize[g]++;
            groupMass[g] += this.pi[i];
            groupLowerBound[g] += this.pi[i] * entropy[i];
            if (this.pi[i] > 0) {
                maxEntropy[g] = Math.max(maxEntropy[g], entropy[i]);
                minEntropy[g] = Math.min(minEntropy[g], entropy[i]);
            }
        }
        double lb = 0.0;
        for (int g = 0; g < groups; g++) {
            if (groupSize[g] == 0) {
                throw new InvalidValueException("groups[" + g + "]", this.groupNames.get(g) + " with no tokens", "every group to hold at least one token");
            }
            lb += groupLowerBound[g];
        }
        this.lowerBound = lb;
        this.groupMaxEntropy = maxEntropy;
        this.groupMinEntropy = minEntropy;
        this.river = new boolean[groups];
        for (int g = 0; g < groups; g++) {
            river[g] = groupMass[g] > 0 && maxEntropy[g] <= RIVER_MAX_ENTROPY;
        }

        this.piAccept = new double[v];
        this.piAlias = new int[v];
        AliasTable.build(this.pi, 0, v, piAccept, piAlias);
        this.rowAccept = new double[this.successors.length];
        this.rowAlias = new int[this.successors.length];
        for (int i = 0; i < v; i++) {
            int from = this.rowStart[i];
            int n = this.rowStart[i + 1] - from;
            if (n > 0) {
                AliasTable.build(this.probabilities, from, n, rowAccept, rowAlias);
            }
        }
    }

    /** Vocabulary size V. */
    public int vocabularySize() {
        return pi.length;
    }

    /** The name of token {@code i} (the text it stands for, or {@code t<i>} for synthetic tokens). */
    public String label(int i) {
        return labels == null ? "t" + i : labels.get(i);
    }

    /** {@code pi_i}: the probability that a pair starts with token {@code i}. */
    public double frequency(int i) {
        return pi[i];
    }

    /** A copy of all frequencies. */
    public double[] frequencies() {
        return pi.clone();
    }

    /** Index of the first successor entry of token {@code i}; entries run to {@code rowStart(i + 1) - 1}. */
    public int rowStart(int i) {
        return rowStart[i];
    }

    /** Number of successors of token {@code i} (support size of {@code q_i}). */
    public int successorCount(int i) {
        return rowStart[i + 1] - rowStart[i];
    }

    /** Largest number of successors of any token. */
    public int maxSuccessorCount() {
        return maxRowLength;
    }

    /** The successor token of flat entry {@code n}. */
    public int successorAt(int n) {
        return successors[n];
    }

    /** The probability of flat entry {@code n}. */
    public double probabilityAt(int n) {
        return probabilities[n];
    }

    /** {@code q_i(j)}, zero for tokens that never follow {@code i}. */
    public double probability(int i, int j) {
        int lo = rowStart[i];
        int hi = rowStart[i + 1] - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int s = successors[mid];
            if (s < j) {
                lo = mid + 1;
            } else if (s > j) {
                hi = mid - 1;
            } else {
                return probabilities[mid];
            }
        }
        return 0.0;
    }

    /** The successor of {@code i} with the largest probability (the smallest index among ties); -1 if none. */
    public int mostLikelySuccessor(int i) {
        int best = -1;
        double bestQ = -1;
        for (int n = rowStart[i]; n < rowStart[i + 1]; n++) {
            if (probabilities[n] > bestQ) {
                bestQ = probabilities[n];
                best = successors[n];
            }
        }
        return best;
    }

    /** {@code H(q_i)} in nats. */
    public double entropy(int i) {
        return entropy[i];
    }

    /** {@code L* = sum_i pi_i H(q_i)}: no model's population loss is lower. */
    public double lowerBound() {
        return lowerBound;
    }

    /** Number of token groups. */
    public int groupCount() {
        return groupNames.size();
    }

    /** Name of group {@code g}. */
    public String groupName(int g) {
        return groupNames.get(g);
    }

    /** All group names in order. */
    public List<String> groupNames() {
        return groupNames;
    }

    /** The group of token {@code i}. */
    public int groupOf(int i) {
        return groupOf[i];
    }

    /** Number of tokens in group {@code g}. */
    public int groupSize(int g) {
        return groupSize[g];
    }

    /** Total frequency {@code sum_{i in g} pi_i}. */
    public double groupMass(int g) {
        return groupMass[g];
    }

    /** Group share of the lower bound, {@code sum_{i in g} pi_i H(q_i)}. */
    public double groupLowerBound(int g) {
        return groupLowerBound[g];
    }

    /** Smallest entropy (nats) of group g's tokens with {@code pi > 0} (NaN if it has none). */
    public double groupMinEntropy(int g) {
        return groupMass[g] > 0 ? groupMinEntropy[g] : Double.NaN;
    }

    /** Largest entropy (nats) of group g's tokens with {@code pi > 0} (NaN if it has none). */
    public double groupMaxEntropy(int g) {
        return groupMass[g] > 0 ? groupMaxEntropy[g] : Double.NaN;
    }

    /**
     * Group g as people should read it: its name, role and entropy range, e.g. {@code q1 (river, H 0-0.031)}
     * or {@code k4 (hill, H 1.386)}.
     */
    public String groupLabel(int g) {
        return GroupLabel.of(this, g);
    }

    /**
     * Whether group {@code g} is part of the river: every token of it (with {@code pi > 0}) has entropy at most
     * {@link #RIVER_MAX_ENTROPY}.
     */
    public boolean isRiverGroup(int g) {
        return river[g];
    }

    /** Indices of the river groups, in order. */
    public List<Integer> riverGroups() {
        List<Integer> out = new ArrayList<>();
        for (int g = 0; g < river.length; g++) {
            if (river[g]) {
                out.add(g);
            }
        }
        return Collections.unmodifiableList(out);
    }

    /** Draws a token from {@code pi} in O(1). */
    public int sampleToken(RandomGenerator random) {
        return AliasTable.sample(piAccept, piAlias, 0, pi.length, random);
    }

    /** Draws a successor of {@code i} from {@code q_i} in O(1) ({@code i} must have {@code pi_i > 0}). */
    public int sampleSuccessor(int i, RandomGenerator random) {
        int from = rowStart[i];
        return successors[from + AliasTable.sample(rowAccept, rowAlias, from, rowStart[i + 1] - from, random)];
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        out.append("BigramData[V=").append(pi.length)
                .append(", pairs stored=").append(successors.length)
                .append(", L*=").append(String.format("%.6f", lowerBound))
                .append(", groups=");
        for (int g = 0; g < groupNames.size(); g++) {
            if (g > 0) {
                out.append(", ");
            }
            out.append(groupNames.get(g)).append(river[g] ? "(river" : "(hill")
                    .append(", ").append(groupSize[g]).append(" tokens, mass ")
                    .append(String.format("%.3f", groupMass[g])).append(')');
        }
        return out.append(']').toString();
    }
}

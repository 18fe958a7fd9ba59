package io.github.rivervalley.bigram.study;

import java.util.List;

/**
 * The loss drop over one decay phase of one line, split by token group.
 *
 * @param run the run (schedule) name
 * @param line the line within the run
 * @param start first step of the decay (the row before its first update)
 * @param end step after its last update
 * @param lossStart loss at {@code start}
 * @param lossEnd loss at {@code end}
 * @param groups the group names
 * @param river whether each group is a river group
 * @param groupDrop per group, {@code loss_<g>(start) - loss_<g>(end)}; they add up to the total drop
 */
public record DecayDrop(String run, String line, long start, long end, double lossStart, double lossEnd,
                        List<String> groups, List<Boolean> river, double[] groupDrop) {

    public DecayDrop {
        groups = List.copyOf(groups);
        river = List.copyOf(river);
        groupDrop = groupDrop.clone();
    }

    /** {@code loss(start) - loss(end)}. */
    public double drop() {
        return lossStart - lossEnd;
    }

    /** The drop of the hill (uncertain) groups. */
    public double hillDrop() {
        double sum = 0.0;
        for (int g = 0; g < groups.size(); g++) {
            if (!river.get(g)) {
                sum += groupDrop[g];
            }
        }
        return sum;
    }

    /** Share of the drop that comes from the hill groups ({@code hillDrop / drop}). */
    public double hillShare() {
        return hillDrop() / drop();
    }

    /** Share of the drop that comes from group {@code g}. */
    public double share(int g) {
        return groupDrop[g] / drop();
    }

    @Override
    public double[] groupDrop() {
        return groupDrop.clone();
    }

    @Override
    public String toString() {
        return String.format("DecayDrop[%s/%s %d..%d, drop %.5f, hill share %.3f]", run, line, start, end, drop(), hillShare());
    }
}

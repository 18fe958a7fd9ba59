package io.github.rivervalley.simulator.schedule;

import java.util.Arrays;
import java.util.List;

/**
 * The learning rate of one line: {@code peak * ratio(t)} where consecutive segments cover
 * {@code [0, end)}. A branch's rate holds its parent's segments before the fork (possibly cut short:
 * a segment keeps its own formula up to where the next one starts), so the rate is defined on every
 * step the line's state depends on.
 */
final class SegmentedRate implements LearningRate {

    private final double peak;
    private final Segment[] segments;
    /** {@code starts[i]} is where segment i takes over; {@code starts[segments.length] = end}. */
    private final long[] starts;

    SegmentedRate(double peak, List<Segment> segments, List<Long> starts, long end) {
        this.peak = peak;
        this.segments = segments.toArray(new Segment[0]);
        this.starts = new long[segments.size() + 1];
        for (int i = 0; i < segments.size(); i++) {
            this.starts[i] = starts.get(i);
        }
        this.starts[segments.size()] = end;
    }

    @Override
    public double at(long step) {
        int i = index(step);
        return peak * segments[i].ratio(step);
    }

    @Override
    public void fill(long from, int count, double[] out) {
        if (count <= 0) {
            return;
        }
        index(from + count - 1);
        int i = index(from);
        int done = 0;
        while (done < count) {
            long step = from + done;
            int block = (int) Math.min(count - done, starts[i + 1] - step);
            Segment segment = segments[i];
            if (segment.isFlat()) {
                Arrays.fill(out, done, done + block, peak * segment.to());
            } else {
                for (int j = 0; j < block; j++) {
                    out[done + j] = peak * segment.ratio(step + j);
                }
            }
            done += block;
            i++;
        }
    }

    private int index(long step) {
        if (step < 0 || step >= starts[segments.length]) {
            throw new IllegalArgumentException("step " + step + " is outside this line's steps [0, " + starts[segments.length] + ")");
        }
        int i = Arrays.binarySearch(starts, 0, segments.length, step);
        return i >= 0 ? i : -i - 2;
    }

    @Override
    public String toString() {
        return "SegmentedRate[peak=" + peak + ", segments=" + segments.length + ", steps=[0, " + starts[segments.length] + ")]";
    }
}

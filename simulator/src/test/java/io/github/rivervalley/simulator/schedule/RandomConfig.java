package io.github.rivervalley.simulator.schedule;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A random valid configuration shared by every family (budgets, warmup, decay fraction, floor, shapes,
 * re-warmup), drawn from a seed so each parameterized case is reproducible. Budgets are kept to a few
 * thousand steps so that every step of every line can be checked quickly.
 */
record RandomConfig(long seed, double peak, long[] budgets, long warmup, WarmupShape warmupShape, double decayFraction,
        double floor, DecayShape decayShape, long rewarmup) {

    static RandomConfig draw(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double peak = Math.pow(10, -4 + 4 * random.nextDouble());
        int k = 1 + random.nextInt(4);
        long[] budgets = new long[k];
        budgets[0] = 20 + random.nextInt(1500);
        for (int i = 1; i < k; i++) {
            // Occasionally adjacent budgets, which leave no stable steps between WSD-S decays.
            budgets[i] = budgets[i - 1] + (random.nextInt(5) == 0 ? 1 + random.nextInt(3) : 1 + random.nextInt(2000));
        }
        double p = 0.05 + 0.45 * random.nextDouble();
        DecayShape decayShape = DecayShape.values()[random.nextInt(DecayShape.values().length)];
        WarmupShape warmupShape = WarmupShape.values()[random.nextInt(WarmupShape.values().length)];
        int floorKind = random.nextInt(10);
        double floor = floorKind == 0 ? 0 : floorKind == 1 ? 1 : random.nextDouble();
        if (floor == 0 && decayShape.needsPositiveFloor()) {
            floor = 0.5 * random.nextDouble() + 1e-3;
        }
        long[] decays = Schedules.decayLengths(p, budgets);
        long warmup = random.nextInt(4) == 0 ? 0 : random.nextLong(budgets[0] - decays[0] + 1);
        long maxRewarmup = Long.MAX_VALUE;
        long earlier = 0;
        for (int i = 1; i < k; i++) {
            earlier += decays[i - 1];
            long stable = (budgets[i] - decays[i]) - (budgets[i - 1] - decays[i - 1]);
            long cycle = budgets[i] + earlier - (budgets[i - 1] + earlier - decays[i - 1]);
            maxRewarmup = Math.min(maxRewarmup, Math.min(stable, cycle - 1));
        }
        long rewarmup = k == 1 || random.nextInt(3) == 0 ? 0 : random.nextLong(maxRewarmup + 1);
        return new RandomConfig(seed, peak, budgets, warmup, warmupShape, p, floor, decayShape, rewarmup);
    }

    long[] decays() {
        return Schedules.decayLengths(decayFraction, budgets);
    }

    long last() {
        return budgets[budgets.length - 1];
    }

    /** Where decay k ends on a single line (WSD-S, cyclic cosine): {@code B_k + sum_{j<k} round(p B_j)}. */
    long sequentialEnd(int k) {
        long[] d = decays();
        long end = budgets[k];
        for (int j = 0; j < k; j++) {
            end += d[j];
        }
        return end;
    }

    Schedule constant() {
        return Schedules.constant(peak, warmup, warmupShape, budgets);
    }

    Schedule cosine() {
        return Schedules.cosine(peak, warmup, warmupShape, floor, budgets);
    }

    Schedule wsd() {
        return Schedules.wsd(peak, warmup, warmupShape, decayFraction, floor, decayShape, budgets);
    }

    Schedule wsdS() {
        return Schedules.wsdS(peak, warmup, warmupShape, decayFraction, floor, decayShape, rewarmup, budgets);
    }

    Schedule cyclicCosine() {
        return Schedules.cyclicCosine(peak, warmup, warmupShape, decayFraction, floor, rewarmup, budgets);
    }

    @Override
    public String toString() {
        return "seed " + seed + ": peak=" + peak + " budgets=" + Arrays.toString(budgets) + " warmup=" + warmup + " " + warmupShape
                + " p=" + decayFraction + " floor=" + floor + " " + decayShape + " rewarmup=" + rewarmup;
    }
}

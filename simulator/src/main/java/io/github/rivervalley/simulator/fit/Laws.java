package io.github.rivervalley.simulator.fit;

import io.github.rivervalley.landscapes.check.InvalidValueException;
import io.github.rivervalley.simulator.spec.Suggestions;
import java.util.List;
import java.util.Map;

/** The laws by name, built for the curves they will be fitted to. */
public final class Laws {

    /** Every law's name, ours first. */
    public static final List<String> NAMES = List.of(RiverValleyLaw.NAME, MultiPowerLaw.NAME, MomentumLaw.NAME);

    private Laws() {
    }

    /** The names {@code law} stands for: itself, or every law for {@code all}. */
    public static List<String> expand(String law) {
        if ("all".equals(law)) {
            return NAMES;
        }
        check(law);
        return List.of(law);
    }

    /** The law {@code name}, with its constants chosen for {@code curves} (ours: their peak rate and middle time). */
    public static Law forCurves(String name, List<Curve> curves) {
        return forCurves(name, curves, RiverValleyLaw.DEFAULT_MODES, false);
    }

    /** As {@link #forCurves(String, List)} with our law's hill structure given (see {@link RiverValleyLaw}). */
    public static Law forCurves(String name, List<Curve> curves, int hillModes, boolean spectrum) {
        check(name);
        if (name.equals(MultiPowerLaw.NAME)) {
            return new MultiPowerLaw();
        }
        if (name.equals(MomentumLaw.NAME)) {
            return new MomentumLaw();
        }
        return new RiverValleyLaw(Fits.peakRate(curves), 1, hillModes, spectrum, false).referencedTo(curves);
    }

    /** The law {@code name} with saved constants (from a fit file). */
    public static Law of(String name, Map<String, Double> constants) {
        check(name);
        if (name.equals(MultiPowerLaw.NAME)) {
            return new MultiPowerLaw();
        }
        if (name.equals(MomentumLaw.NAME)) {
            return new MomentumLaw(constants.getOrDefault("decay", MomentumLaw.DEFAULT_DECAY));
        }
        return RiverValleyLaw.of(constants);
    }

    private static void check(String name) {
        if (!NAMES.contains(name)) {
            String hint = Suggestions.closest(name, NAMES).map(s -> " (did you mean '" + s + "'?)").orElse("");
            throw new InvalidValueException("law", "'" + name + "'", "one of " + String.join(", ", NAMES) + " or all" + hint);
        }
    }
}

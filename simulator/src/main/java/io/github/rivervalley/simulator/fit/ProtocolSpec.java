package io.github.rivervalley.simulator.fit;

import io.github.rivervalley.landscapes.check.Check;
import io.github.rivervalley.landscapes.check.InvalidValueException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A fit-and-predict protocol ({@code rivervalley fit --protocol FILE.yaml}): curves, which of them to
 * fit, which to predict, and the laws to compare. Paths are relative to the protocol file.
 *
 * @param name a title for the table (optional)
 * @param curves the curves
 * @param fit names of the curves every law is fitted to (together)
 * @param predict names of the curves predicted from that fit
 * @param laws the laws to compare (default: all)
 */
public record ProtocolSpec(String name, List<CurveSpec> curves, List<String> fit, List<String> predict, List<String> laws) {

    /**
     * One curve of a protocol.
     *
     * @param csv the curve file (columns {@code step,loss} and, without a schedule, {@code lr})
     * @param schedule a schedule spec file with the exact per-update rates (optional; else rebuilt from lr)
     * @param name the curve's name (default: the file name without extension)
     * @param maxStep rows after this step are left out (optional)
     */
    public record CurveSpec(String csv, String schedule, String name, Long maxStep) {
        public CurveSpec {
            Check.present("csv", csv);
            if (maxStep != null) {
                Check.positive("maxStep", maxStep);
            }
        }

        /** The curve's name. */
        public String curveName() {
            return name != null ? name : java.nio.file.Path.of(csv).getFileName().toString().replaceFirst("\\.[^.]*$", "");
        }
    }

    public ProtocolSpec {
        Check.present("curves", curves);
        Check.present("fit", fit);
        predict = predict == null ? List.of() : List.copyOf(predict);
        laws = laws == null ? Laws.NAMES : List.copyOf(laws);
        Set<String> names = new HashSet<>();
        for (int i = 0; i < curves.size(); i++) {
            if (!names.add(curves.get(i).curveName())) {
                throw new InvalidValueException("curves[" + i + "].name", curves.get(i).curveName(), "a name no other curve has");
            }
        }
        if (fit.isEmpty()) {
            throw new InvalidValueException("fit", "[]", "at least one curve to fit");
        }
        check("fit", fit, names);
        check("predict", predict, names);
        for (int i = 0; i < laws.size(); i++) {
            try {
                Laws.expand(laws.get(i));
            } catch (InvalidValueException e) {
                throw new InvalidValueException("laws[" + i + "]", e.value(), e.allowed());
            }
        }
    }

    private static void check(String field, List<String> list, Set<String> names) {
        for (int i = 0; i < list.size(); i++) {
            if (!names.contains(list.get(i))) {
                throw new InvalidValueException(field + "[" + i + "]", list.get(i), "the name of a listed curve, one of " + names);
            }
        }
    }
}

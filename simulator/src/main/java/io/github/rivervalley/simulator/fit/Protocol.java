package io.github.rivervalley.simulator.fit;

import io.github.rivervalley.simulator.spec.SpecReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs a {@link ProtocolSpec}: fit each law on the fit curves, predict every curve, score them. */
public final class Protocol {

    private Protocol() {
    }

    /**
     * Reads and runs the protocol file {@code file}; warnings about the curves go to {@code warnings}.
     *
     * @param laws the laws to compare, or null for the protocol's own list
     * @param hillModes our law's number of hill modes
     * @param spectrum whether those modes form a spectrum
     */
    public static ProtocolResult run(Path file, List<String> laws, int hillModes, boolean spectrum, Fitter.Options options, List<String> warnings) {
        ProtocolSpec spec = SpecReader.instance().read(file, ProtocolSpec.class);
        Path dir = file.toAbsolutePath().getParent();
        List<Curve> fit = new ArrayList<>();
        List<Curve> all = new ArrayList<>();
        for (String name : spec.fit()) {
            fit.add(load(spec, name, dir, warnings));
        }
        all.addAll(fit);
        for (String name : spec.predict()) {
            all.add(load(spec, name, dir, warnings));
        }
        String title = spec.name() != null ? spec.name() : file.getFileName().toString();
        return run(title, fit, all.subList(fit.size(), all.size()), expand(laws == null ? spec.laws() : laws), hillModes, spectrum, options);
    }

    /** Fits every law on {@code fit} and scores it on {@code fit} and {@code predict}. */
    public static ProtocolResult run(String title, List<Curve> fit, List<Curve> predict, List<String> laws, int hillModes, boolean spectrum,
            Fitter.Options options) {
        List<Curve> all = new ArrayList<>(fit);
        all.addAll(predict);
        List<ProtocolResult.LawResult> results = new ArrayList<>();
        for (String law : laws) {
            long start = System.nanoTime();
            Fit f = Fitter.fit(Laws.forCurves(law, fit, hillModes, spectrum), fit, options);
            List<CurveErrors> errors = new ArrayList<>();
            for (Curve c : all) {
                errors.add(CurveErrors.of(c, f.predict(c)));
            }
            results.add(new ProtocolResult.LawResult(f, errors, (System.nanoTime() - start) * 1e-9));
        }
        return new ProtocolResult(title, fit.stream().map(Curve::name).toList(), predict.stream().map(Curve::name).toList(), results, all);
    }

    /** The law names, with {@code all} expanded and repeats dropped. */
    public static List<String> expand(List<String> laws) {
        List<String> out = new ArrayList<>();
        for (String l : laws) {
            for (String n : Laws.expand(l)) {
                if (!out.contains(n)) {
                    out.add(n);
                }
            }
        }
        return out;
    }

    private static Curve load(ProtocolSpec spec, String name, Path dir, List<String> warnings) {
        ProtocolSpec.CurveSpec c = spec.curves().stream().filter(x -> x.curveName().equals(name)).findFirst().orElseThrow();
        Curve curve = CurveSource.load(dir.resolve(c.csv()), c.schedule() == null ? null : dir.resolve(c.schedule()),
                CurveCsv.Columns.DEFAULT, c.maxStep(), warnings);
        return new Curve(name, curve.steps(), curve.loss(), curve.rates());
    }
}

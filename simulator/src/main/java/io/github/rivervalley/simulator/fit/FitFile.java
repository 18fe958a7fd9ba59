package io.github.rivervalley.simulator.fit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.rivervalley.landscapes.check.InvalidValueException;
import io.github.rivervalley.simulator.io.AtomicFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code fit.json}: every law's fit (name, constants, parameters with standard errors and meaning,
 * objective) and its errors on every curve, tagged {@code fit} or {@code held-out}; for our law also
 * the physical reading of the hill ({@link HillReading}). Numbers are written exactly (shortest
 * round-trip form), so a fit read back predicts the same bits.
 */
public final class FitFile {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private FitFile() {
    }

    /** Writes {@code result} to {@code file} atomically. */
    public static void write(ProtocolResult result, Path file) {
        ObjectNode root = JSON.createObjectNode();
        root.put("name", result.name());
        result.fitted().forEach(root.putArray("fitted")::add);
        result.predicted().forEach(root.putArray("predicted")::add);
        ArrayNode fits = root.putArray("fits");
        for (ProtocolResult.LawResult lr : result.laws()) {
            Fit fit = lr.fit();
            ObjectNode f = fits.addObject();
            f.put("law", fit.law().name());
            ObjectNode constants = f.putObject("constants");
            fit.law().constants().forEach(constants::put);
            ArrayNode params = f.putArray("parameters");
            for (int k = 0; k < fit.theta().length; k++) {
                Parameter p = fit.law().parameters().get(k);
                ObjectNode o = params.addObject();
                o.put("name", p.name());
                o.put("value", fit.theta()[k]);
                o.put("se", fit.se()[k]);
                o.put("meaning", p.meaning());
            }
            f.put("objective", fit.objective());
            f.put("rows", fit.rows());
            f.put("converged", fit.converged());
            if (fit.law() instanceof RiverValleyLaw rv) {
                ArrayNode modes = f.putArray("hillModes");
                for (HillReading.Mode m : HillReading.of(rv, fit.theta()).modes()) {
                    modes.add(JSON.valueToTree(m));
                }
            }
            ArrayNode curves = f.putArray("curves");
            for (CurveErrors e : lr.errors()) {
                ObjectNode c = JSON.valueToTree(e);
                c.put("role", result.fitted().contains(e.curve()) ? "fit" : "held-out");
                curves.add(c);
            }
            if (!result.predicted().isEmpty()) {
                f.put("heldOutPredE", lr.heldOutPredE(result.predicted()));
                f.put("heldOutWorstE", lr.heldOutWorstE(result.predicted()));
                f.put("heldOutR2", lr.heldOutR2(result.predicted()));
            }
        }
        try {
            AtomicFile.writeString(file, JSON.writeValueAsString(root) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fits saved in {@code file}, in file order. */
    public static List<Fit> read(Path file) {
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        JsonNode fits = root.get("fits");
        if (fits == null || !fits.isArray() || fits.isEmpty()) {
            throw new InvalidValueException(file + " fits", "nothing", "a list of fits as written by rivervalley fit");
        }
        List<Fit> out = new ArrayList<>();
        for (JsonNode f : fits) {
            Map<String, Double> constants = new LinkedHashMap<>();
            f.get("constants").fields().forEachRemaining(e -> constants.put(e.getKey(), e.getValue().asDouble()));
            Law law = Laws.of(f.get("law").asText(), constants);
            JsonNode params = f.get("parameters");
            double[] theta = new double[law.parameters().size()];
            double[] se = new double[theta.length];
            if (params.size() != theta.length) {
                throw new InvalidValueException(file + " " + law.name() + ".parameters", params.size() + " values",
                        theta.length + " (" + law.parameters().stream().map(Parameter::name).toList() + ")");
            }
            for (int k = 0; k < theta.length; k++) {
                theta[k] = params.get(k).get("value").asDouble();
                se[k] = params.get(k).get("se").asDouble();
            }
            out.add(new Fit(law, theta, se, f.get("objective").asDouble(), f.get("rows").asInt(), 0, f.get("converged").asBoolean()));
        }
        return out;
    }
}

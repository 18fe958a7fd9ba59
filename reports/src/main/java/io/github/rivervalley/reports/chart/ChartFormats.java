package io.github.rivervalley.reports.chart;

import io.github.rivervalley.landscapes.check.InvalidValueException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which files {@link ChartFiles} writes for each chart: any of {@code svg}, {@code png}, {@code png2x}
 * (twice the pixels) and {@code pdf}; by default all four.
 *
 * @param formats the formats, at least one
 */
public record ChartFormats(Set<Format> formats) {

    /** One output format of a chart. */
    public enum Format {
        SVG("svg"), PNG("png"), PNG2X("png2x"), PDF("pdf");

        private final String text;

        Format(String text) {
            this.text = text;
        }

        /** The name in {@code --formats}. */
        public String text() {
            return text;
        }
    }

    /** Every format: what reports write unless told otherwise. */
    public static final ChartFormats ALL = new ChartFormats(EnumSet.allOf(Format.class));

    /** The {@code --formats} default, as text. */
    public static final String DEFAULT = "svg,png,png2x,pdf";

    public ChartFormats {
        if (formats.isEmpty()) {
            throw new InvalidValueException("--formats", "nothing", allowed());
        }
        formats = Collections.unmodifiableSet(EnumSet.copyOf(formats));
    }

    /** Whether {@code format} is written. */
    public boolean has(Format format) {
        return formats.contains(format);
    }

    /**
     * The formats of a comma-separated list ({@code "svg,pdf"}; case and spaces ignored, repeats allowed);
     * anything else is refused naming the option, the value and the allowed names.
     */
    public static ChartFormats parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidValueException("--formats", text == null ? "nothing" : "'" + text + "'", allowed());
        }
        Set<Format> formats = EnumSet.noneOf(Format.class);
        for (String part : text.split(",", -1)) {
            String name = part.trim().toLowerCase(Locale.ROOT);
            Format match = null;
            for (Format f : Format.values()) {
                if (f.text.equals(name)) {
                    match = f;
                }
            }
            if (match == null) {
                throw new InvalidValueException("--formats", text, allowed() + " ('" + part.trim() + "' is none of them)");
            }
            formats.add(match);
        }
        return new ChartFormats(formats);
    }

    private static String allowed() {
        List<String> names = new ArrayList<>();
        for (Format f : Format.values()) {
            names.add(f.text);
        }
        return "a comma-separated list of one or more of " + String.join(", ", names);
    }

    @Override
    public String toString() {
        List<String> names = new ArrayList<>();
        formats.forEach(f -> names.add(f.text));
        return String.join(",", names);
    }
}

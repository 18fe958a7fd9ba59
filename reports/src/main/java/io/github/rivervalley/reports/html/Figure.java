package io.github.rivervalley.reports.html;

import io.github.rivervalley.reports.chart.ChartFiles;
import io.github.rivervalley.reports.chart.ChartFormats;

/**
 * A chart on the page: the image is the PNG (with the 2x PNG for dense screens), else the SVG, else the
 * 2x PNG; with PDF alone there is no image, only the link. Clicking the image opens the SVG when there is one.
 *
 * @param name the chart's file name without extension
 * @param caption the caption under it (also the image's alt text)
 * @param width its width in pixels
 * @param height its height in pixels
 * @param formats the files written for it
 */
record Figure(String name, String caption, int width, int height, ChartFormats formats) {

    /** A chart of the report's width. */
    Figure(String name, String caption, int height, ChartFormats formats) {
        this(name, caption, HtmlReport.WIDTH, height, formats);
    }

    String html() {
        String png = formats.has(ChartFormats.Format.PNG) ? "charts/" + name + ".png" : null;
        String png2x = formats.has(ChartFormats.Format.PNG2X) ? "charts/" + ChartFiles.png2xName(name) : null;
        String svg = formats.has(ChartFormats.Format.SVG) ? "charts/" + name + ".svg" : null;
        String pdf = formats.has(ChartFormats.Format.PDF) ? "charts/" + name + ".pdf" : null;
        String image = png != null ? png : svg != null ? svg : png2x;
        StringBuilder out = new StringBuilder("<figure>");
        if (image != null) {
            String link = svg != null ? svg : image;
            out.append("<a href=\"").append(Html.escape(link)).append("\"><img src=\"").append(Html.escape(image)).append('"');
            if (png != null && png2x != null) {
                out.append(" srcset=\"").append(Html.escape(png)).append(" 1x, ").append(Html.escape(png2x)).append(" 2x\"");
            }
            out.append(" width=\"").append(width).append("\" height=\"").append(height).append("\" alt=\"").append(Html.escape(caption))
                    .append("\"></a>");
        }
        out.append("<figcaption>").append(Html.escape(caption));
        String[][] links = {{png, "PNG"}, {png2x, "PNG 2x"}, {svg, "SVG"}, {pdf, "PDF"}};
        for (String[] l : links) {
            if (l[0] != null) {
                out.append(" &middot; <a href=\"").append(Html.escape(l[0])).append("\">").append(l[1]).append("</a>");
            }
        }
        return out.append("</figcaption></figure>\n").toString();
    }
}

package io.github.rivervalley.reports.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every teaching notebook ({@code notebooks/*.jsh} except the startup scripts) unattended in
 * jshell, as {@code ./rivervalley notebook FILE} does, and checks that it reports no error and saves
 * charts that decode.
 */
class NotebooksIT {

    /**
     * A notebook that hangs (for example one that forgot {@code /exit} and waits for input) is killed
     * after this long. Notebooks take well under a minute; the margin covers a loaded 2-core machine.
     */
    private static final long TIMEOUT_SECONDS = 240;
    /** The script the launcher loads before a session; not a lesson. */
    private static final Set<String> STARTUP = Set.of("startup.jsh");
    /** A chart PNG of the notebook size is tens of kilobytes; a blank one compresses far below this. */
    private static final long MIN_PNG_BYTES = 8_000;

    static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("notebooks"))) {
            dir = dir.getParent();
        }
        assertNotNull(dir, "no notebooks/ directory above " + Path.of("").toAbsolutePath());
        return dir;
    }

    static List<Path> notebooks() throws IOException {
        try (Stream<Path> files = Files.list(root().resolve("notebooks"))) {
            return files.filter(p -> p.getFileName().toString().endsWith(".jsh"))
                    .filter(p -> !STARTUP.contains(p.getFileName().toString()))
                    .sorted()
                    .collect(Collectors.toList());
        }
    }

    @Test
    void allFiveLessonsArePresent() throws IOException {
        List<String> names = notebooks().stream().map(p -> p.getFileName().toString()).collect(Collectors.toList());
        assertEquals(5, names.size(), "notebooks: " + names);
        for (int i = 1; i <= 5; i++) {
            String prefix = String.format("%02d-", i);
            assertTrue(names.stream().anyMatch(n -> n.startsWith(prefix)), "no notebook " + prefix + "*.jsh in " + names);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notebooks")
    void runsUnattendedAndSavesCharts(Path notebook, @TempDir Path out) throws Exception {
        List<String> lines = Files.readAllLines(notebook, StandardCharsets.UTF_8);
        String lastLine = lines.stream().map(String::strip).filter(l -> !l.isEmpty()).reduce((a, b) -> b).orElse("");
        assertEquals("/exit", lastLine, notebook + " must end with /exit so that it finishes on its own");

        // The surefire booter may hide the real class path behind a manifest-only jar.
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path jshell = Path.of(System.getProperty("java.home"), "bin", "jshell");
        List<String> command = List.of(jshell.toString(), "--class-path", classPath,
                "-J-Djava.awt.headless=true", "-R-Djava.awt.headless=true",
                "-J-Dfile.encoding=UTF-8", "-R-Dfile.encoding=UTF-8",
                "-R-D" + NotebookCharts.OUT_PROPERTY + "=" + out,
                "--startup", "DEFAULT", "--startup", "PRINTING",
                "--startup", root().resolve("notebooks/startup.jsh").toString(),
                notebook.toString());
        Path log = out.resolve("jshell.log");
        Process process = new ProcessBuilder(command)
                .directory(root().toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            fail(notebook + " did not finish within " + TIMEOUT_SECONDS + " s; output:\n" + read(log));
        }
        String output = read(log);
        assertEquals(0, process.exitValue(), notebook + " exited with " + process.exitValue() + "; output:\n" + output);
        // In file mode jshell prints nothing of its own unless something went wrong: compile errors
        // start with "Error:", exceptions with "Exception", interactive-style diagnostics with "|  ".
        for (String line : output.split("\n")) {
            String l = line.strip();
            if (line.startsWith("|  ") || l.startsWith("Error:") || l.startsWith("Warning:") || line.contains("Exception")) {
                fail(notebook + " reported a problem: " + line + "\nwhole output:\n" + output);
            }
        }
        Set<Path> announced = new TreeSet<>();
        Set<Path> svgs = new TreeSet<>();
        for (String line : output.split("\n")) {
            if (line.startsWith("saved ")) {
                Path file = Path.of(line.substring("saved ".length()).strip());
                (file.toString().endsWith(".svg") ? svgs : announced).add(file);
            }
        }
        assertFalse(announced.isEmpty(), notebook + " saved no chart; output:\n" + output);
        // jshell skips a snippet that refers to something undefined without saying so in file mode;
        // every save(...) of the notebook must have run.
        long saves = lines.stream().filter(l -> l.strip().startsWith("save(")).count();
        assertEquals(saves, announced.size(), notebook + " has " + saves + " save(...) calls but saved " + announced + "; output:\n" + output);
        Set<Path> written = new TreeSet<>();
        try (Stream<Path> files = Files.list(out)) {
            // The double-resolution PNG beside each chart is checked with it below.
            files.filter(p -> p.toString().endsWith(".png") && !p.toString().endsWith("@2x.png")).forEach(written::add);
        }
        assertEquals(written, announced, "charts written vs charts announced by " + notebook);
        for (Path png : announced) {
            assertTrue(Files.size(png) > MIN_PNG_BYTES, png + " has only " + Files.size(png) + " bytes");
            BufferedImage image = ImageIO.read(png.toFile());
            assertNotNull(image, png + " does not decode as an image");
            assertEquals(NotebookCharts.WIDTH, image.getWidth(), png + " width");
            assertEquals(NotebookCharts.HEIGHT, image.getHeight(), png + " height");
            assertTrue(colours(image) > 4, png + " looks blank");
            Path svg = Path.of(png.toString().replaceAll("\\.png$", ".svg"));
            assertTrue(svgs.contains(svg), "no SVG announced next to " + png);
            String text = Files.readString(svg, StandardCharsets.UTF_8);
            assertTrue(text.contains("<svg") && text.contains("</svg>"), svg + " is not a whole SVG document");
            Path png2x = Path.of(png.toString().replaceAll("\\.png$", "@2x.png"));
            BufferedImage twice = ImageIO.read(png2x.toFile());
            assertEquals(2 * NotebookCharts.WIDTH, twice.getWidth(), png2x + " width");
            Path pdf = Path.of(png.toString().replaceAll("\\.png$", ".pdf"));
            assertTrue(Files.readString(pdf, StandardCharsets.ISO_8859_1).startsWith("%PDF-"), pdf + " is not a PDF");
        }
    }

    private static String read(Path log) throws IOException {
        return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    }

    /** Distinct colours on a coarse grid of the image (a rendered chart has axes, text and series). */
    private static int colours(BufferedImage image) {
        Set<Integer> seen = new TreeSet<>();
        for (int y = 0; y < image.getHeight(); y += 3) {
            for (int x = 0; x < image.getWidth(); x += 3) {
                seen.add(image.getRGB(x, y));
            }
        }
        return seen.size();
    }
}

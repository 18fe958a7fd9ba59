package io.github.rivervalley.reports.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.rivervalley.reports.cli.Main;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Opens a generated report in headless Chromium through chromedriver's W3C WebDriver HTTP API and
 * checks that every image decoded and that the page logged no errors. Needs Debian's {@code chromium}
 * and {@code chromium-driver} (installed by {@code .ci/run}); without them the test fails with a message that
 * says how to install them (a browser check that silently skipped would prove nothing).
 */
class ReportBrowserIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void reportOpensInHeadlessChromiumWithEveryImageDecodedAndNoErrors() throws Exception {
        Path chromium = executable("chromium");
        Path chromedriver = executable("chromedriver");
        Path target = Path.of("target").toAbsolutePath();
        Path runs = target.resolve("browser-test-runs");
        deleteTree(runs);
        HtmlReportTest.study(runs);
        assertEquals(0, Main.run("report", runs.toString()));
        Path index = runs.resolve("report/index.html");

        Path profile = Files.createTempDirectory("rivervalley-chromium-");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Process driver = new ProcessBuilder(chromedriver.toString(), "--port=" + port)
                .redirectErrorStream(true)
                .redirectOutput(target.resolve("chromedriver.log").toFile())
                .start();
        String base = "http://127.0.0.1:" + port;
        String session = null;
        try {
            waitUntilReady(base, driver);
            ObjectNode options = JSON.createObjectNode();
            options.put("binary", chromium.toString());
            ArrayNode args = options.putArray("args");
            for (String a : List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                    "--window-size=1280,1800", "--user-data-dir=" + profile)) {
                args.add(a);
            }
            ObjectNode always = JSON.createObjectNode();
            always.set("goog:chromeOptions", options);
            always.putObject("goog:loggingPrefs").put("browser", "ALL");
            ObjectNode capabilities = JSON.createObjectNode();
            capabilities.putObject("capabilities").set("alwaysMatch", always);
            JsonNode created = call("POST", base + "/session", capabilities);
            session = created.path("value").path("sessionId").asText();
            assertFalse(session.isEmpty(), "no session: " + created);
            String s = base + "/session/" + session;

            call("POST", s + "/url", JSON.createObjectNode().put("url", index.toUri().toString()));
            ObjectNode script = JSON.createObjectNode();
            script.put("script", "return Array.from(document.images).map(i => ({src: i.getAttribute('src'), complete: i.complete, width: i.naturalWidth}));");
            script.putArray("args");
            JsonNode images = call("POST", s + "/execute/sync", script).path("value");
            assertTrue(images.isArray() && images.size() > 10, "expected the report's charts as images, got " + images);
            for (JsonNode image : images) {
                assertTrue(image.path("complete").asBoolean() && image.path("width").asInt() > 0,
                        "image did not decode in the browser: " + image);
            }
            // laid out as a reader sees it: no number in a table breaks over two lines
            ObjectNode wrapped = JSON.createObjectNode();
            wrapped.put("script", "return Array.from(document.querySelectorAll('td.n')).filter(td => {"
                    + " const r = document.createRange(); r.selectNodeContents(td); return r.getClientRects().length > 1; })"
                    + ".map(td => td.textContent);");
            wrapped.putArray("args");
            JsonNode broken = call("POST", s + "/execute/sync", wrapped).path("value");
            assertTrue(broken.isArray() && broken.isEmpty(), "numbers broken over two lines: " + broken);
            JsonNode logs = call("POST", s + "/se/log", JSON.createObjectNode().put("type", "browser")).path("value");
            List<String> severe = new ArrayList<>();
            for (JsonNode entry : logs) {
                if ("SEVERE".equals(entry.path("level").asText())) {
                    severe.add(entry.path("message").asText());
                }
            }
            assertEquals(List.of(), severe, "the page logged errors");
            String png = call("GET", s + "/screenshot", null).path("value").asText();
            Files.write(target.resolve("report-screenshot.png"), Base64.getDecoder().decode(png));
        } finally {
            if (session != null) {
                try {
                    call("DELETE", base + "/session/" + session, null);
                } catch (IOException | RuntimeException e) {
                    // The driver is killed below anyway.
                }
            }
            driver.destroy();
            if (!driver.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                driver.destroyForcibly().waitFor();
            }
            deleteTree(profile);
        }
    }

    private static Path executable(String name) {
        for (String dir : (System.getenv().getOrDefault("PATH", "") + ":/usr/bin:/usr/lib/chromium").split(":")) {
            Path p = Path.of(dir.isEmpty() ? "." : dir, name);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        fail(name + " not found on PATH or in /usr/lib/chromium: the report's browser test needs Debian's chromium "
                + "and chromium-driver. Install them with `apt-get install -y chromium chromium-driver` (as root; "
                + "prefix sudo otherwise), or run `bash .ci/run`, which installs them and then runs mvn -B verify.");
        throw new AssertionError();
    }

    private static void waitUntilReady(String base, Process driver) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (!driver.isAlive()) {
                fail("chromedriver exited with status " + driver.exitValue() + "; see target/chromedriver.log");
            }
            try {
                if (call("GET", base + "/status", null).path("value").path("ready").asBoolean()) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        fail("chromedriver did not become ready within 30 s");
    }

    private static JsonNode call(String method, String url, JsonNode body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json; charset=utf-8");
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode json = JSON.readTree(response.body());
        if (response.statusCode() >= 400) {
            throw new IllegalStateException(method + " " + url + " failed with " + response.statusCode() + ": " + response.body());
        }
        return json;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}

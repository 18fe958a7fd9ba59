package io.github.rivervalley.reports.notebook;

import static io.github.rivervalley.reports.notebook.Notebook.budgets;
import static io.github.rivervalley.reports.notebook.Notebook.curvedValley;
import static io.github.rivervalley.reports.notebook.Notebook.gd;
import static io.github.rivervalley.reports.notebook.Notebook.hillNoise;
import static io.github.rivervalley.reports.notebook.Notebook.run;
import static io.github.rivervalley.reports.notebook.Notebook.wsd;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** help() covers the whole API, a failed call is one line, and a call that changes what was asked says so. */
class NotebookHelpTest {

    @Test
    void helpListsEveryPublicFactoryOfTheNotebook() {
        Set<String> api = new TreeSet<>();
        // The notebook imports these classes statically (startup.jsh).
        for (Class<?> type : List.of(Notebook.class, NotebookCharts.class, LossCurves.class, NotebookText.class)) {
            for (Method m : type.getDeclaredMethods()) {
                if (Modifier.isPublic(m.getModifiers()) && Modifier.isStatic(m.getModifiers())) {
                    api.add(m.getName());
                }
            }
        }
        assertTrue(api.contains("everyWithSharpness") && api.contains("help"), api.toString());
        Set<String> missing = new TreeSet<>(api);
        missing.removeAll(NotebookHelp.names());
        assertEquals(Set.of(), missing, "factories missing from help()");
        String overview = NotebookHelp.overview();
        for (String name : api) {
            assertTrue(overview.contains(name + "("), name + " not in the overview");
        }
    }

    @Test
    void helpOfOneNameExplainsItAndATypoGetsASuggestion() {
        String wsd = NotebookHelp.of("wsd");
        assertTrue(wsd.startsWith("wsd (schedules): Warmup-stable-decay"), wsd);
        assertTrue(wsd.contains("wsd(peak, steps, decayFraction)") && wsd.contains("wsd(peak, decayFraction, budgets(...))"), wsd);
        assertTrue(NotebookHelp.of("wds").contains("did you mean 'wsd'?"));
    }

    @Test
    void aFailedCallIsOneLineNamingTheCall() {
        NotebookError e = assertThrows(NotebookError.class, () -> curvedValley(-1.0));
        assertTrue(e.getMessage().startsWith("curvedValley: "), e.getMessage());
        assertTrue(e.getMessage().contains("-1.0"), e.getMessage());
        assertEquals(0, e.getStackTrace().length, "jshell prints the frames of a stack trace");
        assertEquals(null, e.getCause());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void gdWithNoiseAndNoReplicaCountSaysItRunsSgdWithTheDefaultReplicas() {
        PrintStream old = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        Result r;
        try {
            r = run(curvedValley(), wsd(0.05, 0.2, budgets(100)), gd(), hillNoise(1.0));
        } finally {
            System.setOut(old);
        }
        String printed = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(printed.startsWith("note: "), printed);
        assertTrue(printed.contains("SGD") && printed.contains(Notebook.DEFAULT_REPLICAS + " replicas"), printed);
        assertEquals(Notebook.DEFAULT_REPLICAS, r.replicas());
        assertTrue(r.name().endsWith("sgd"), r.name());
    }
}

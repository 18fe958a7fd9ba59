package io.github.rivervalley.simulator.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The one CSV quoting rule (RFC 4180, section 2, rules 6 and 7). */
class CsvTest {

    @Test
    void fieldsWithSeparatorsAreQuotedWithTheirQuotesDoubled() {
        String plain = "branch-200";
        assertSame(plain, Csv.field(plain), "no copy when nothing needs quoting");
        assertEquals("\"a,b\"", Csv.field("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", Csv.field("say \"hi\""));
        assertEquals("\"x\ny\"", Csv.field("x\ny"));
        assertEquals("\"x\ry\"", Csv.field("x\ry"));
        assertEquals("", Csv.field(""));
    }

    /** Reading undoes the quoting: every written row comes back cell for cell, whatever its cells hold. */
    @Test
    void recordsReadBackWhatFieldWrote() {
        List<List<String>> rows = List.of(List.of("run", "schedule.type", "note"),
                List.of("a", "wsd", "say \"hi\", then go"),
                List.of("b,c", "", "two\nlines"),
                List.of("d", "cosine", "crlf\r\nend"));
        StringBuilder text = new StringBuilder();
        for (List<String> row : rows) {
            text.append(String.join(",", row.stream().map(Csv::field).toList())).append("\r\n");
        }
        assertEquals(rows, Csv.records(text.toString()));
        assertEquals(List.of(List.of("x", "")), Csv.records("x,\n\n"), "an empty last cell stays; an empty line is skipped");
    }
}

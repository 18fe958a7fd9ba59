package io.github.rivervalley.simulator.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

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
}

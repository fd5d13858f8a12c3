package cloudlab.diagram;

import org.junit.jupiter.api.Test;
import org.unbescape.xml.XmlEscape;
import org.unbescape.xml.XmlEscapeLevel;
import org.unbescape.xml.XmlEscapeType;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/** The SVG writer's shortcuts give what the long way gives: escaping, numbers. */
class SvgWriterTest {
    private static String unbescape(String s) {
        return XmlEscape.escapeXml10(s, XmlEscapeType.CHARACTER_ENTITY_REFERENCES_DEFAULT_TO_DECIMAL, XmlEscapeLevel.LEVEL_1_ONLY_MARKUP_SIGNIFICANT);
    }

    @Test
    void escapingAgreesWithUnbescapeAndKeepsPlainTextAsItIs() {
        for (char c = 0; c < 0x3000; c++) assertEquals(unbescape(String.valueOf(c)), Svg.esc(String.valueOf(c)), "U+" + Integer.toHexString(c));
        String pool = "ab <>&\"'\t\n\r\u0001\u007f\u0085 ›·—✕\uD83D\uDE00\uD800x";
        Random r = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder b = new StringBuilder();
            for (int n = r.nextInt(12); n > 0; n--) b.append(pool.charAt(r.nextInt(pool.length())));
            assertEquals(unbescape(b.toString()), Svg.esc(b.toString()), b.toString());
        }
        assertEquals("a &lt;b&gt; &amp; &quot;c&quot; &apos;d&apos;", Svg.esc("a <b> & \"c\" 'd'"));
        String plain = "h1 · 3 VMs";
        assertSame(plain, Svg.esc(plain), "nothing to escape: the same text");
        assertSame("vm-1 (on h2)", Svg.esc("vm-1 (on h2)"));
    }

    @Test
    void numbersAreRoundedToOneDecimalWithoutATrailingZero() {
        String[][] cases = {{"0", "0"}, {"3.0", "3"}, {"11.96", "12"}, {"-0.46", "-0.5"}, {"-0.04", "0"}, {"1.25", "1.3"},
                {"-1.25", "-1.2"}, {"0.05", "0.1"}, {"1234567.89", "1234567.9"}, {"-20", "-20"}};
        for (String[] c : cases) {
            double v = Double.parseDouble(c[0]);
            assertEquals(c[1], Svg.n(v), c[0]);
            assertEquals("x=" + c[1], Svg.num(new StringBuilder("x="), v).toString(), c[0] + ", appended");
        }
    }
}

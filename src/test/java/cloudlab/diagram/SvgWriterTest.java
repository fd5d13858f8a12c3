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
    void numbersAppendedAsTheyAreWritten() {
        Random r = new Random(11);
        for (int i = 0; i < 20_000; i++) {
            double v = i < 2_000 ? (i - 1_000) / 20.0 : (r.nextDouble() - 0.5) * Math.pow(10, r.nextInt(8));
            assertEquals(Svg.n(v), Svg.num(new StringBuilder(), v).toString(), String.valueOf(v));
        }
        assertEquals("-0.5", Svg.num(new StringBuilder(), -0.46).toString());
        assertEquals("12", Svg.num(new StringBuilder(), 11.96).toString());
    }
}

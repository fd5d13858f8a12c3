package cloudlab.diagram;

import cloudlab.sim.Layout;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

import java.util.List;

import static cloudlab.diagram.SvgTestSupport.all;
import static cloudlab.diagram.SvgTestSupport.byId;
import static cloudlab.diagram.SvgTestSupport.parse;
import static cloudlab.diagram.SvgTestSupport.read;
import static cloudlab.diagram.SvgTestSupport.stress;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EdgeCasesTest {

    @Test
    void longIdsManyVmsAndMarkupInNamesStayWellFormed() throws Exception {
        Layout layout = read(stress());
        String failedZone = layout.zones().get(2).id();
        for (String svg : List.of(Diagrams.hosts(layout, List.of(failedZone)), Diagrams.infrastructure(layout, List.of(failedZone)),
                Diagrams.map(layout, List.of(failedZone), true))) {
            Document doc = parse(svg);
            assertFalse(svg.contains("<&>"), "the name's markup is escaped");
            assertTrue(doc.getElementsByTagName("title").item(0).getTextContent().contains("<&>'<&>'"));
        }
        Document hosts = parse(Diagrams.hosts(layout, List.of(failedZone)));
        for (var vm : layout.vms()) byId(hosts, vm.id());
        for (var h : layout.hosts()) byId(hosts, h.id());
        Document infra = parse(Diagrams.infrastructure(layout, List.of(failedZone)));
        for (var h : layout.hosts()) byId(infra, h.id());
        assertEquals(6, all(infra, "//*[@class='zone' or starts-with(@class, 'zone ')]").size());
    }

    @Test
    void overcommittedMemoryIsSaidInTheMemoryMap() throws Exception {
        Document doc = parse(Diagrams.hosts(read(stress()), List.of()));
        String host0 = byId(doc, read(stress()).hosts().get(0).id()).getTextContent();
        // six started VMs of 9 GiB each beside the host OS's 4 GiB: 58 of 64 GiB, not over
        assertTrue(host0.contains("Memory map · 64 GiB physical"), host0);
        Document over = parse(Diagrams.hosts(read("""
                regions:
                  - code: us-east-1
                    zones:
                      - id: z1
                        datacenters:
                          - id: d1
                            hosts:
                              - id: big
                                hypervisor: type1
                                cores: 8
                                memoryGiB: 10
                                storageGiB: 100
                                memoryOvercommit: 2.0
                                vms:
                                  - {id: v1, vcpus: 1, memoryGiB: 8, diskGiB: 1}
                                  - {id: v2, vcpus: 1, memoryGiB: 8, diskGiB: 1}
                """), List.of()));
        assertTrue(byId(over, "big").getTextContent().contains("overcommitted: 16 GiB promised"));
    }

    @Test
    void escapingCoversAttributesAndCharactersXmlCannotCarry() {
        assertEquals("&lt;b&gt;&amp;&quot;&apos;", Svg.esc("<b>&\"'"));
        assertEquals("ab", Svg.esc("a\u0001b"), "a control character XML 1.0 cannot carry is left out");
        assertEquals("", Svg.esc("\uD800"), "a lone surrogate");
        assertEquals("😀 é", Svg.esc("😀 é"), "other characters stay as they are");
        String plain = "M1,2L3,4Z".repeat(1000);
        assertSame(plain, Svg.esc(plain), "text with nothing to escape is not copied");
    }

    @Test
    void aDrawingSaysItsOwnTitleDescriptionAndSize() throws Exception {
        Diagrams.Drawing d = Diagrams.drawing("infrastructure", read("name: \"a <b> & c\"\n"), List.of());
        assertTrue(d.title().contains("a <b> & c"), "the title is the text, not its escaped form: " + d.title());
        assertTrue(d.svg().contains("a &lt;b&gt; &amp; c"), "the markup is escaped");
        assertTrue(d.description().startsWith("No regions yet"), d.description());
        assertTrue(d.width() > 0 && d.height() > 0);
        assertTrue(d.svg().startsWith("<svg ") && d.svg().contains("viewBox=\"0 0 " + Svg.n(d.width()) + " " + Svg.n(d.height()) + "\""));
        assertTrue(d.cssClass().startsWith("cld cld-infra"), d.cssClass());
        assertThrows(IllegalArgumentException.class, () -> Diagrams.drawing("pie", Layout.empty(), List.of()));
    }

    @Test
    void numbersAreRoundedToOneDecimal() {
        assertEquals("500", Svg.n(500.04));
        assertEquals("12.3", Svg.n(12.34));
        assertEquals("-0.5", Svg.n(-0.5));
        assertEquals("0", Svg.n(-0.04));
    }
}

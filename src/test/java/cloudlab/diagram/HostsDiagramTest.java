package cloudlab.diagram;

import cloudlab.sim.Layout;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import java.util.List;

import static cloudlab.diagram.SvgTestSupport.SHOP;
import static cloudlab.diagram.SvgTestSupport.all;
import static cloudlab.diagram.SvgTestSupport.byId;
import static cloudlab.diagram.SvgTestSupport.classes;
import static cloudlab.diagram.SvgTestSupport.parse;
import static cloudlab.diagram.SvgTestSupport.read;
import static cloudlab.diagram.SvgTestSupport.tip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HostsDiagramTest {

    @Test
    void everyHostAndVmIsDrawnWithItsStatus() throws Exception {
        Document doc = parse(Diagrams.hosts(read(SHOP), List.of()));
        for (String id : List.of("h1", "h2")) assertTrue(classes(byId(doc, id)).contains("host"), id);
        assertEquals(List.of("vm", "running"), classes(byId(doc, "web-1")));
        assertEquals(List.of("vm", "running"), classes(byId(doc, "web-3")));
        assertEquals(List.of("vm", "stopped"), classes(byId(doc, "spare")));
        Element web1 = byId(doc, "web-1");
        assertTrue(web1.getTextContent().contains("2 vCPU · 4 GiB"), web1.getTextContent());
        assertTrue(web1.getTextContent().contains("shop · running"));
        assertTrue(byId(doc, "spare").getTextContent().contains("stopped"), "status in words, not colour alone");
    }

    @Test
    void aFailedHostIsMarkedWithItsCause() throws Exception {
        String svg = Diagrams.hosts(read(SHOP), List.of("use1-az1"));
        Document doc = parse(svg);
        Element h1 = byId(doc, "h1");
        assertTrue(classes(h1).contains("failed"));
        assertTrue(h1.getTextContent().contains("DOWN"));
        assertTrue(h1.getTextContent().contains("use1-az1 failed"), h1.getTextContent());
        assertEquals(List.of("vm", "down"), classes(byId(doc, "web-1")));
        assertTrue(byId(doc, "web-1").getTextContent().contains("down"));
        assertFalse(classes(byId(doc, "h2")).contains("failed"));
        assertTrue(doc.getDocumentElement().getElementsByTagName("desc").item(0).getTextContent()
                .contains("h1 is down because use1-az1 failed"));
    }

    @Test
    void theLayoutsOwnFailuresCountToo() throws Exception {
        Layout layout = read(SHOP + "failed: [h2]\n");
        Document doc = parse(Diagrams.hosts(layout, null));
        assertTrue(classes(byId(doc, "h2")).contains("failed"));
        assertTrue(byId(doc, "h2").getTextContent().contains("h2 failed"));
        assertEquals(List.of("vm", "stopped"), classes(byId(doc, "spare")), "a stopped VM stays stopped on a down host");
    }

    @Test
    void onlyAType2HostHasAHostOsLayer() throws Exception {
        Document doc = parse(Diagrams.hosts(read(SHOP), List.of()));
        Element h1 = byId(doc, "h1");
        Element h2 = byId(doc, "h2");
        assertTrue(layer(h2, "host-os").getTextContent().contains("host OS keeps 1 core, 4 GiB"));
        assertTrue(all(doc, "//*[@data-id='h1']//*[contains(@class,'host-os')]").isEmpty(), "type 1 has no host OS");
        assertTrue(layer(h1, "hypervisor").getTextContent().contains("type 1 hypervisor"));
        assertTrue(layer(h1, "hypervisor").getTextContent().contains("keeps 2 GiB"));
        assertTrue(layer(h2, "hypervisor").getTextContent().contains("type 2 hypervisor"));
        assertTrue(layer(h1, "hardware").getTextContent().contains("16 cores · 64 GiB · 1000 GiB"));
        assertTrue(layer(h2, "hardware").getTextContent().contains("8 cores · 32 GiB · 500 GiB"));
    }

    @Test
    void barsShowTheReservationFirstThenUse() throws Exception {
        Document doc = parse(Diagrams.hosts(read(SHOP), List.of()));
        // h2 is type 2 with 8 cores: the host OS keeps 1 of them, so 1/8 of the bar is reserved
        Element cpu = all(doc, "//*[@data-id='h2']//*[contains(@class,'bar') and contains(@class,'vCPU')]").get(0);
        Element track = all(doc, "//*[@data-id='h2']//*[contains(@class,'vCPU')]/*[@class='track']").get(0);
        Element reserved = all(doc, "//*[@data-id='h2']//*[contains(@class,'vCPU')]/*[@class='reserved']").get(0);
        Element used = all(doc, "//*[@data-id='h2']//*[contains(@class,'vCPU')]/*[@class='used']").get(0);
        double total = Double.parseDouble(track.getAttribute("width"));
        double rw = Double.parseDouble(reserved.getAttribute("width"));
        double uw = Double.parseDouble(used.getAttribute("width"));
        assertEquals(total / 8, rw, 0.1);
        assertEquals(track.getAttribute("x"), reserved.getAttribute("x"), "reserved starts at the left");
        assertEquals(Double.parseDouble(reserved.getAttribute("x")) + rw, Double.parseDouble(used.getAttribute("x")), 0.11);
        assertEquals((total - rw) * 2 / 7, uw, 0.1, "2 of the 7 vCPUs left are used");
        assertTrue(cpu.getTextContent().contains("2 of 7 vCPU used"), cpu.getTextContent());
        Element disk = all(doc, "//*[@data-id='h1']//*[contains(@class,'bar') and contains(@class,'disk')]").get(0);
        assertTrue(disk.getTextContent().contains("60 of 1000 GiB used"));
        assertTrue(all(doc, "//*[@data-id='h1']//*[contains(@class,'disk')]/*[@class='reserved']").isEmpty());
    }

    @Test
    void theMemoryMapGivesEachStartedVmItsOwnSlice() throws Exception {
        Document doc = parse(Diagrams.hosts(read(SHOP), List.of()));
        List<Element> h1 = all(doc, "//*[@data-id='h1']//*[contains(@class,'vm-slice')]");
        assertEquals(List.of("web-1", "web-2"), h1.stream().map(e -> e.getAttribute("data-vm")).toList());
        assertTrue(tip(h1.get(1)).contains("8 GiB of private memory"));
        List<Element> h2 = all(doc, "//*[@data-id='h2']//*[contains(@class,'vm-slice')]");
        assertEquals(List.of("web-3"), h2.stream().map(e -> e.getAttribute("data-vm")).toList(), "a stopped VM holds no memory");
        assertTrue(tip(all(doc, "//*[@data-id='h2']//*[contains(@class,'reserved-slice')]").get(0))
                .contains("host OS keeps 4 GiB"));
        String fill1 = all(doc, "//*[@data-vm='web-1']/*[@class='part']").get(0).getAttribute("fill");
        String fill2 = all(doc, "//*[@data-vm='web-2']/*[@class='part']").get(0).getAttribute("fill");
        assertFalse(fill1.equals(fill2), "neighbouring VMs get their own colours");
    }

    @Test
    void textFromTheLayoutIsEscaped() throws Exception {
        String svg = Diagrams.hosts(read(SHOP.replace("name: shop in one region, two zones", "name: \"<b>x</b> & 'y'\"")), List.of());
        Document doc = parse(svg);
        assertFalse(svg.contains("<b>"));
        assertTrue(svg.contains("&lt;b&gt;x&lt;/b&gt; &amp;"));
        assertTrue(all(doc, "//b").isEmpty());
        assertTrue(doc.getElementsByTagName("title").item(0).getTextContent().contains("<b>x</b> & 'y'"));
    }

    @Test
    void aLayoutWithNoHostsShowsTheEmptyState() throws Exception {
        Document doc = parse(Diagrams.hosts(read("regions: [{code: us-east-1}]\n"), List.of()));
        assertTrue(doc.getDocumentElement().getTextContent().contains("No hosts yet"));
        assertTrue(all(doc, "//*[@data-id]").isEmpty());
    }

    @Test
    void aHostWithoutVmsSaysSo() throws Exception {
        Document doc = parse(Diagrams.hosts(read(HOST_ONLY), List.of()));
        assertTrue(byId(doc, "solo").getTextContent().contains("No VMs on this host yet"));
    }

    @Test
    void manyHostsWrapIntoRowsOfTwo() throws Exception {
        StringBuilder hosts = new StringBuilder();
        for (int i = 1; i <= 5; i++) {
            hosts.append("              - {id: h").append(i).append(", hypervisor: type1, cores: 4, memoryGiB: 8, storageGiB: 100}\n");
        }
        Document doc = parse(Diagrams.hosts(read(ONE_DC + hosts), List.of()));
        List<Double> xs = all(doc, "//*[contains(concat(' ', @class, ' '), ' host ')]").stream()
                .map(e -> Double.parseDouble(e.getAttribute("transform").replaceAll("translate\\(([^,]+),.*", "$1"))).toList();
        assertEquals(5, xs.size());
        assertEquals(1, xs.stream().distinct().count(), "one column: more hosts make the drawing taller, not wider");
        String[] box = doc.getDocumentElement().getAttribute("viewBox").split(" ");
        assertTrue(Double.parseDouble(box[2]) <= 520, "narrow enough to show at its natural size in a lesson column");
        assertEquals(box[2], doc.getDocumentElement().getAttribute("width"), "one view-box unit to one pixel");
    }

    private static final String ONE_DC = """
            regions:
              - code: eu-west-1
                zones:
                  - id: euw1-az1
                    datacenters:
                      - id: euw1-az1-dc1
                        hosts:
            """;

    private static final String HOST_ONLY = ONE_DC
            + "              - {id: solo, hypervisor: type2, cores: 4, memoryGiB: 16, storageGiB: 100}\n";

    private static Element layer(Element host, String kind) throws Exception {
        List<Element> found = all(host.getOwnerDocument(),
                "//*[@data-id='" + host.getAttribute("data-id") + "']//*[contains(@class,'layer') and contains(@class,'" + kind + "')]");
        assertEquals(1, found.size(), kind + " layer of " + host.getAttribute("data-id"));
        return found.get(0);
    }

    @Test
    void hostCardsDrawOnlyTheHostsAskedForAndHatchWithThePagesSharedPattern() throws Exception {
        Layout shop = read(SHOP);
        Diagrams.HostCards cards = Diagrams.hostCards(shop, cloudlab.sim.Simulator.simulate(shop), "h2"::equals);
        assertEquals(List.of("h1", "h2"), cards.cards().stream().map(Diagrams.HostCards.Card::host).toList(), "every host has its place");
        assertEquals(null, cards.cards().get(0).svg(), "h1 is not drawn: the page keeps its card");
        String h2 = cards.cards().get(1).svg();
        parse(h2);
        assertTrue(h2.contains("class=\"reserved hatched\"") && !h2.contains("class=\"hatch\""), "one rectangle of the shared pattern, no stripes of its own");
        assertTrue(Diagrams.sharedDefinitions().contains("<pattern id=\"cld-hatch\""), "the page's definitions hold the pattern");
        assertTrue(Diagrams.hosts(shop, List.of()).contains("class=\"hatch\""), "a drawing that stands alone draws its own stripes");
        assertTrue(h2.startsWith("<svg viewBox=") && !h2.contains("font-family=") && !h2.contains("<style>"), h2.substring(0, 120));
        assertEquals(h2, Diagrams.withoutShared(h2), "drawn for the page already: nothing shared to take out");
        assertEquals(Diagrams.withoutShared(Diagrams.hostCards(shop, cloudlab.sim.Simulator.simulate(shop), h -> true).key()),
                Diagrams.hostCards(shop, cloudlab.sim.Simulator.simulate(shop), h -> true).key(), "the key as well");
    }
}

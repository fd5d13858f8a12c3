package cloudlab.diagram;

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

class InfrastructureDiagramTest {

    @Test
    void regionsHoldZonesHoldDataCentersHoldHosts() throws Exception {
        Document doc = parse(Diagrams.infrastructure(read(SHOP), List.of()));
        assertEquals("region", byId(doc, "us-east-1").getAttribute("class"));
        assertEquals("region", byId(doc, "ap-southeast-2").getAttribute("class"));
        assertEquals("zone", byId(doc, "use1-az1").getAttribute("class"));
        assertEquals("datacenter", byId(doc, "use1-az2-dc1").getAttribute("class"));
        assertTrue(classes(byId(doc, "h1")).contains("host"));
        // nesting: the host chip sits inside its data center, zone and region
        assertEquals(1, all(doc, "//*[@data-id='us-east-1']//*[@data-id='use1-az2']//*[@data-id='use1-az2-dc1']//*[@data-id='h2']").size());
        assertTrue(byId(doc, "h1").getTextContent().contains("h1 · 2 VMs"));
        assertTrue(byId(doc, "h2").getTextContent().contains("1 running · 1 stopped"));
        assertTrue(byId(doc, "us-east-1").getTextContent().contains("US East (N. Virginia) · Ashburn"));
        assertTrue(byId(doc, "ap-southeast-2").getTextContent().contains("No zones yet"));
        assertTrue(all(doc, "//*[contains(concat(' ', @class, ' '), ' failed ')]").isEmpty(), "nothing failed");
    }

    @Test
    void aFailedZoneIsOutlinedAndEverythingUnderItIsGreyed() throws Exception {
        Document doc = parse(Diagrams.infrastructure(read(SHOP), List.of("use1-az1")));
        Element zone = byId(doc, "use1-az1");
        assertEquals(List.of("zone", "failed"), classes(zone));
        assertTrue(zone.getTextContent().contains("FAILED"));
        assertEquals(List.of("datacenter", "in-blast"), classes(byId(doc, "use1-az1-dc1")));
        assertEquals(List.of("host", "down", "in-blast"), classes(byId(doc, "h1")));
        assertTrue(tip(byId(doc, "h1")).contains("down because use1-az1 failed"));
        assertEquals(List.of("host", "up"), classes(byId(doc, "h2")));
        assertEquals("region", byId(doc, "us-east-1").getAttribute("class"), "the region around it is untouched");
    }

    @Test
    void aFailedHostChipSaysFailed() throws Exception {
        Document doc = parse(Diagrams.infrastructure(read(SHOP + "failed: [h2]\n"), List.of()));
        Element h2 = byId(doc, "h2");
        assertEquals(List.of("host", "down", "failed"), classes(h2));
        assertTrue(h2.getTextContent().contains("FAILED"));
    }

    @Test
    void eachAppsAvailabilityIsSummarised() throws Exception {
        Document doc = parse(Diagrams.infrastructure(read(SHOP), List.of("use1-az1")));
        Element app = all(doc, "//*[@data-app='shop']").get(0);
        assertTrue(app.getTextContent().contains("shop: 1 of 2 needed running — DOWN"), app.getTextContent());
        assertTrue(classes(app).contains("unavailable"));
        Document up = parse(Diagrams.infrastructure(read(SHOP), List.of()));
        assertTrue(all(up, "//*[@data-app='shop']").get(0).getTextContent().contains("shop: 3 of 2 needed running — available"));
        assertTrue(doc.getElementsByTagName("desc").item(0).getTextContent().contains("Failed: use1-az1 (1 host down)"));
    }

    @Test
    void aCustomRegionShowsWhereItIs() throws Exception {
        Document doc = parse(Diagrams.infrastructure(read("regions: [{code: lab-north, location: {lat: 59.33, lon: 18.07}}]\n"),
                List.of()));
        assertTrue(byId(doc, "lab-north").getTextContent().contains("custom region at 59.33, 18.07"));
    }

    @Test
    void aFailedRegionGreysItsWholeTree() throws Exception {
        Document doc = parse(Diagrams.infrastructure(read(SHOP), List.of("us-east-1")));
        assertEquals(List.of("region", "failed"), classes(byId(doc, "us-east-1")));
        for (String id : List.of("use1-az1", "use1-az2", "use1-az1-dc1", "use1-az2-dc1", "h1", "h2")) {
            assertTrue(classes(byId(doc, id)).contains("in-blast"), id);
        }
        assertFalse(classes(byId(doc, "ap-southeast-2")).contains("in-blast"));
    }

    @Test
    void aLayoutWithNoRegionsShowsTheEmptyState() throws Exception {
        Document doc = parse(Diagrams.infrastructure(read("name: nothing yet\n"), List.of()));
        assertTrue(doc.getDocumentElement().getTextContent().contains("No regions yet"));
    }
}

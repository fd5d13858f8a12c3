package cloudlab.diagram;

import cloudlab.sim.RegionCatalog;
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
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MapDiagramTest {

    @Test
    void projectionIsEquirectangularOnTheViewBox() {
        assertArrayEquals(new double[] {500, 250}, Diagrams.project(0, 0), 1e-9);
        assertArrayEquals(new double[] {0, 0}, Diagrams.project(90, -180), 1e-9);
        assertArrayEquals(new double[] {1000, 500}, Diagrams.project(-90, 180), 1e-9);
        assertArrayEquals(new double[] {750, 125}, Diagrams.project(45, 90), 1e-9);
    }

    @Test
    void theMapHasLandBuiltOnceAndRounded() throws Exception {
        Document doc = parse(Diagrams.map(read(SHOP), List.of(), false));
        assertEquals("0 0 1000 500", doc.getDocumentElement().getAttribute("viewBox"));
        Element land = all(doc, "//path[@class='land']").get(0);
        String d = land.getAttribute("d");
        assertTrue(d.startsWith("M") && d.endsWith("Z"));
        assertTrue(d.length() > 20_000, "the whole world, not a stub: " + d.length());
        assertTrue(d.matches("[MZ0-9.,\\s-]+"));
        assertFalse(d.matches(".*\\.\\d\\d.*"), "one decimal at most");
        assertSame(WorldLand.path(), WorldLand.path(), "built once and cached");
        // Sydney's coast is land in the path's neighbourhood: some vertex lies near the projected city
        double[] syd = Diagrams.project(-33.87, 151.21);
        boolean near = false;
        for (String pt : d.replaceAll("[MZ]", " ").trim().split("\\s+")) {
            String[] xy = pt.split(",");
            if (Math.abs(Double.parseDouble(xy[0]) - syd[0]) < 3 && Math.abs(Double.parseDouble(xy[1]) - syd[1]) < 3) near = true;
        }
        assertTrue(near, "the coastline passes Sydney");
    }

    @Test
    void regionsAreMarkedServingIdleOrFailed() throws Exception {
        Document doc = parse(Diagrams.map(read(SHOP), List.of(), false));
        Element use1 = byId(doc, "us-east-1");
        assertTrue(classes(use1).containsAll(List.of("region", "serving")));
        assertTrue(classes(byId(doc, "ap-southeast-2")).containsAll(List.of("region", "idle")));
        Element marker = all(doc, "//*[@data-id='us-east-1']/*[@class='marker']").get(0);
        double[] p = Diagrams.project(39.04, -77.49);
        assertEquals(Svg.n(p[0]), marker.getAttribute("cx"));
        assertEquals(Svg.n(p[1]), marker.getAttribute("cy"));
        assertTrue(use1.getTextContent().contains("us-east-1"), "labelled with its code");

        Document failed = parse(Diagrams.map(read(SHOP), List.of("us-east-1"), false));
        assertTrue(classes(byId(failed, "us-east-1")).contains("failed"));
        assertTrue(tip(byId(failed, "us-east-1")).contains("FAILED"));
    }

    @Test
    void aUserIsLinkedToTheNearestServingRegionWithItsRoundTrip() throws Exception {
        Document doc = parse(Diagrams.map(read(SHOP), List.of("use1-az1"), false));
        Element user = byId(doc, "sydney");
        assertEquals("user", user.getAttribute("class"));
        // the report's own numbers: us-east-1 serves (web-3 runs in use1-az2), 237.1 ms away
        Element line = all(doc, "//*[@data-user='sydney']").get(0);
        assertEquals("us-east-1", line.getAttribute("data-region"));
        assertTrue(line.getTextContent().contains("237.1 ms"), line.getTextContent());
        assertTrue(tip(user).contains("nearest serving region us-east-1, 237.1 ms"));
    }

    @Test
    void aUserWithNothingServingGetsNoLine() throws Exception {
        Document doc = parse(Diagrams.map(read(SHOP), List.of("us-east-1"), false));
        assertTrue(all(doc, "//*[@data-user]").isEmpty());
        assertTrue(byId(doc, "sydney").getTextContent().contains("no serving region"));
    }

    @Test
    void userNamesAreEscaped() throws Exception {
        String svg = Diagrams.map(read(SHOP.replace("name: sydney", "name: \"<b>x</b>\"")), List.of(), false);
        Document doc = parse(svg);
        assertFalse(svg.contains("<b>"));
        assertTrue(svg.contains("data-id=\"&lt;b&gt;x&lt;/b&gt;\""));
        assertTrue(all(doc, "//b").isEmpty());
        assertEquals("user", byId(doc, "<b>x</b>").getAttribute("class"));
    }

    @Test
    void theCatalogIsShownOnlyWhenAskedFor() throws Exception {
        Document without = parse(Diagrams.map(read(SHOP), List.of(), false));
        assertTrue(all(without, "//*[@data-code]").isEmpty());
        Document with = parse(Diagrams.map(read(SHOP), List.of(), true));
        List<Element> dots = all(with, "//*[@data-code]");
        assertEquals(RegionCatalog.builtIn().entries().size() - 2, dots.size(), "every catalog region not already in the layout");
        Element frankfurt = all(with, "//*[@data-code='eu-central-1']").get(0);
        assertTrue(tip(frankfurt).contains("eu-central-1 — Europe (Frankfurt)"), tip(frankfurt));
    }

    @Test
    void theMapSplitsIntoAGroundForEveryLayoutAndALayerOfTheLayoutsOwnPlaces() throws Exception {
        cloudlab.sim.Layout shop = read(SHOP);
        Document ground = parse(Diagrams.mapBase(shop.catalog()));
        assertEquals(RegionCatalog.builtIn().entries().size(), all(ground, "//*[@data-code]").size(), "every catalog region, the layout's own too");
        assertEquals(1, all(ground, "//path[@class='land']").size());
        assertTrue(all(ground, "//*[@data-id]").isEmpty(), "nothing of a layout on the ground");
        assertEquals(Diagrams.mapBase(shop.catalog()), Diagrams.mapBase(read("name: empty\n").catalog()), "the same ground whatever the layout");
        Document layer = parse(Diagrams.mapLayer(shop));
        assertTrue(all(layer, "//*[@data-code]").isEmpty() && all(layer, "//path[@class='land']").isEmpty(), "no ground in the layer");
        assertEquals(all(parse(Diagrams.map(shop, List.of(), true)), "//*[@data-id]").size(), all(layer, "//*[@data-id]").size(),
                "the layer holds every region and user the whole map draws");
        assertTrue(Diagrams.mapLayer(shop).contains("<desc>World map with 2 regions"), Diagrams.mapLayer(shop));
    }

    @Test
    void anEmptyLayoutStillDrawsTheWorld() throws Exception {
        Document doc = parse(Diagrams.map(read("name: empty\n"), null, true));
        assertEquals(1, all(doc, "//path[@class='land']").size());
        assertTrue(all(doc, "//*[@data-id]").isEmpty());
    }

    @Test
    void thePlacesInWordsNameEveryRegionAndUserAsTheirMarkersDo() throws Exception {
        cloudlab.sim.Layout shop = read(SHOP);
        List<String> places = Diagrams.mapPlaces(shop, List.of("us-east-1"));
        assertEquals(shop.regions().size() + shop.users().size(), places.size(), String.join("\n", places));
        Document doc = parse(Diagrams.map(shop, List.of("us-east-1"), false));
        for (cloudlab.sim.Region r : shop.regions()) assertTrue(places.contains(tip(byId(doc, r.code()))), r.code() + " in " + places);
        assertTrue(places.stream().anyMatch(p -> p.startsWith("us-east-1 — ") && p.endsWith(": FAILED")), places.toString());
        assertTrue(places.stream().anyMatch(p -> p.startsWith("User ")), "the users too: " + places);
    }
}

package cloudlab.diagram;

import cloudlab.sim.Layout;
import cloudlab.sim.RegionCatalog;
import cloudlab.sim.document.Documents;
import cloudlab.sim.document.LayoutReader;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Layouts for the diagram tests and a strict reading of the SVG they draw. */
final class SvgTestSupport {
    private SvgTestSupport() {
    }

    /** The contract's worked example: h1 (type 1) in use1-az1, h2 (type 2) in use1-az2, an empty second region. */
    static final String SHOP = """
            name: shop in one region, two zones
            apps:
              - {name: shop, minRunning: 2}
            regions:
              - code: us-east-1
                zones:
                  - id: use1-az1
                    datacenters:
                      - id: use1-az1-dc1
                        hosts:
                          - id: h1
                            hypervisor: type1
                            cores: 16
                            memoryGiB: 64
                            storageGiB: 1000
                            vms:
                              - {id: web-1, vcpus: 2, memoryGiB: 4, diskGiB: 20, app: shop}
                              - {id: web-2, vcpus: 4, memoryGiB: 8, diskGiB: 40, app: shop}
                  - id: use1-az2
                    datacenters:
                      - id: use1-az2-dc1
                        hosts:
                          - id: h2
                            hypervisor: type2
                            cores: 8
                            memoryGiB: 32
                            storageGiB: 500
                            vms:
                              - {id: web-3, vcpus: 2, memoryGiB: 4, diskGiB: 20, app: shop}
                              - {id: spare, vcpus: 1, memoryGiB: 1, diskGiB: 10, state: stopped}
              - code: ap-southeast-2
            users:
              - {name: sydney, lat: -33.87, lon: 151.21}
            """;

    /**
     * A layout at the edges of the field rules: 64-character ids, names full of markup, six zones
     * of one custom region near the date line and the pole, ten VMs a host, overcommit, no disk.
     */
    static String stress() {
        String a = "a".repeat(60);
        StringBuilder y = new StringBuilder();
        y.append("name: \"").append("<&>'".repeat(50)).append("\"\n");
        y.append("apps:\n  - {name: app-").append(a, 0, 50).append(", minRunning: 100}\n");
        y.append("regions:\n  - code: cust-").append(a, 0, 50).append("\n    location: {lat: -89, lon: 179.9}\n    zones:\n");
        for (int z = 0; z < 6; z++) {
            y.append("      - id: z").append(z).append('-').append(a, 0, 20).append('\n');
            y.append("        datacenters:\n          - id: dc").append(z).append('-').append(a, 0, 30).append('\n');
            y.append("            hosts:\n              - id: host").append(z).append('-').append(a, 0, 50).append('\n');
            y.append("                hypervisor: type2\n                cores: 64\n                memoryGiB: 64\n");
            y.append("                storageGiB: 0\n                memoryOvercommit: 2.0\n                cpuOvercommit: 16\n");
            y.append("                vms:\n");
            for (int v = 0; v < 10; v++) {
                y.append("                  - {id: vm").append(z).append('-').append(v).append('-').append(a, 0, 40)
                        .append(", vcpus: 4, memoryGiB: 9, diskGiB: 0, app: app-").append(a, 0, 50)
                        .append(v % 3 == 0 ? ", state: stopped}" : "}").append('\n');
            }
        }
        y.append("users:\n  - {name: \"").append("W".repeat(64)).append("\", lat: 89, lon: -179}\n");
        return y.toString();
    }

    static Layout read(String yaml) throws Exception {
        return LayoutReader.read(yaml, Documents.Format.YAML, "t.yaml", RegionCatalog.builtIn());
    }

    /** Parses the SVG as XML (failing the test when it is not well formed) and checks what every diagram must have. */
    static Document parse(String svg) throws Exception {
        assertTrue(svg.startsWith("<svg "), "starts with the svg element");
        assertTrue(svg.endsWith("</svg>"), "ends with the svg element");
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(false);
        Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        Element root = doc.getDocumentElement();
        assertEquals("svg", root.getTagName());
        assertEquals("img", root.getAttribute("role"));
        assertFalse(root.getAttribute("viewBox").isEmpty(), "has a viewBox");
        // natural size: one view-box unit to one CSS pixel, so its text shows at the size it is written
        String[] box = root.getAttribute("viewBox").split(" ");
        assertEquals(box[2], root.getAttribute("width"));
        assertEquals(box[3], root.getAttribute("height"));
        List<Element> kids = children(root);
        assertEquals("title", kids.get(0).getTagName(), "title first");
        assertEquals("desc", kids.get(1).getTagName(), "then desc");
        assertFalse(kids.get(0).getTextContent().isBlank());
        assertFalse(kids.get(1).getTextContent().isBlank());
        assertTrue(all(doc, "//script").isEmpty(), "no scripts");
        assertTrue(all(doc, "//@*[starts-with(name(), 'on')]").isEmpty(), "no event handlers");
        for (Element e : all(doc, "//*[@data-id]")) {
            Element first = children(e).isEmpty() ? null : children(e).get(0);
            assertNotNull(first, e.getAttribute("data-id") + " has children");
            assertEquals("title", first.getTagName(), e.getAttribute("data-id") + " has a tooltip");
        }
        for (Element t : all(doc, "//text")) {
            // every font size the style sheet sets is at least 11px
            assertTrue(t.getAttribute("font-size").isEmpty(), "sizes come from the style sheet");
        }
        // a drawing for a page that holds the shared definitions has no style of its own: the page's applies
        List<Element> styles = all(doc, "//style");
        String css = styles.isEmpty() ? Diagrams.sharedDefinitions() : styles.get(0).getTextContent();
        var m = java.util.regex.Pattern.compile("font-size:([0-9.]+)px").matcher(css);
        while (m.find()) assertTrue(Double.parseDouble(m.group(1)) >= 11, "font size " + m.group(1));
        return doc;
    }

    static List<Element> all(Document doc, String xpath) throws Exception {
        NodeList nodes = (NodeList) XPathFactory.newInstance().newXPath().evaluate(xpath, doc, XPathConstants.NODESET);
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node n = nodes.item(i);
            if (n instanceof Element e) out.add(e);
            else if (n.getNodeType() == Node.ATTRIBUTE_NODE) out.add(null);
        }
        return out;
    }

    /** The element with this data-id; fails unless there is exactly one. */
    static Element byId(Document doc, String id) throws Exception {
        List<Element> found = all(doc, "//*[@data-id='" + id + "']");
        assertEquals(1, found.size(), "exactly one element with data-id " + id);
        return found.get(0);
    }

    static List<String> classes(Element e) {
        return Arrays.asList(e.getAttribute("class").trim().split("\\s+"));
    }

    static List<Element> children(Element e) {
        List<Element> out = new ArrayList<>();
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) if (n instanceof Element c) out.add(c);
        return out;
    }

    /** The tooltip of an element. */
    static String tip(Element e) {
        return children(e).get(0).getTextContent();
    }
}

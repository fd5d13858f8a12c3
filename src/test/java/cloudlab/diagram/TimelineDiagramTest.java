package cloudlab.diagram;

import cloudlab.sim.Layout;
import cloudlab.sim.time.CpuPolicy;
import cloudlab.sim.time.RunReport;
import cloudlab.sim.time.TimeSimulator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The run chart: its labels never sit on one another and never leave the drawing, wherever the
 * chosen second's marker is. Regression: the marker's "second 20" was drawn over the legend.
 */
class TimelineDiagramTest {
    static final String NOISY = """
            regions:
              - code: eu-west-1
                zones:
                  - id: euw1-az1
                    datacenters:
                      - id: dc1
                        hosts:
                          - id: host-1
                            hypervisor: type1
                            cores: 8
                            memoryGiB: 32
                            storageGiB: 500
                            cpuOvercommit: 2
                            vms:
                              - {id: web-1, vcpus: 4, memoryGiB: 8, diskGiB: 20, cpuDemand: {steps: [{at: 0, percent: 25}, {at: 20, percent: 75}]}}
                              - {id: a-batch-job-with-a-long-name-that-needs-cutting-short-in-its-row, vcpus: 8, memoryGiB: 8, diskGiB: 20, cpuDemand: 100}
            """;

    /** A text's box in the drawing: left, top, right, bottom. */
    record Box(String text, double left, double top, double right, double bottom) {
        boolean overlaps(Box o) {
            return left < o.right && o.left < right && top < o.bottom && o.top < bottom;
        }
    }

    @ParameterizedTest(name = "second {0}")
    @ValueSource(longs = {0, 20, 59})
    void noLabelSitsOnAnotherOrLeavesTheDrawing(long second) throws Exception {
        Layout state = SvgTestSupport.read(NOISY);
        RunReport run = TimeSimulator.run(state, 60, 1, CpuPolicy.FAIR);
        Document doc = SvgTestSupport.parse(Diagrams.timeline(run, "host-1", second).svg());
        double width = Double.parseDouble(doc.getDocumentElement().getAttribute("width"));
        List<Box> boxes = new ArrayList<>();
        for (Element t : SvgTestSupport.all(doc, "//text")) {
            List<String> cls = SvgTestSupport.classes(t);
            double size = cls.contains("h") ? 16 : cls.contains("muted") || cls.contains("now-label") ? 11 : 12;
            boolean bold = cls.contains("h") || cls.contains("b") || cls.contains("now-label");
            double w = Svg.width(t.getTextContent(), size, bold);
            double x = Double.parseDouble(t.getAttribute("x"));
            double y = Double.parseDouble(t.getAttribute("y"));
            double left = cls.contains("mid") ? x - w / 2 : x;
            boxes.add(new Box(t.getTextContent(), left, y - size, left + w, y + size * 0.25));
        }
        Box marker = boxes.stream().filter(b -> b.text().equals("second " + second)).findFirst().orElseThrow();
        assertTrue(marker.left() >= 0 && marker.right() <= width, "the marker's label stays inside the drawing: " + marker);
        for (int i = 0; i < boxes.size(); i++) {
            assertTrue(boxes.get(i).left() >= 0 && boxes.get(i).right() <= width, boxes.get(i) + " leaves a drawing " + width + " wide");
            for (int j = i + 1; j < boxes.size(); j++) {
                assertTrue(!boxes.get(i).overlaps(boxes.get(j)), boxes.get(i) + " overlaps " + boxes.get(j));
            }
        }
        assertEquals(1, boxes.stream().filter(b -> b.text().startsWith("per VM: outline = cores wanted")).count(), "the legend is there");
    }
}

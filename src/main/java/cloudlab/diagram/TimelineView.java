package cloudlab.diagram;

import cloudlab.sim.Num;
import cloudlab.sim.time.RunReport;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A run of one host over time: one row per running VM, a bar per sample whose outline is the
 * cores the VM wanted and whose fill is the cores it got, the part it waited for in red (steal);
 * then the host's memory: what R1 leaves for VMs, what they have and use, and what was ballooned
 * and swapped. A marker shows the chosen second.
 */
final class TimelineView {
    private static final double LEFT = 132;
    private static final double PLOT = 520;
    private static final double ROW = 46;
    /** Where the legend's first line sits; each further line and the marker's label get a band of their own below it. */
    private static final double LEGEND = 42;
    private static final double LINE = 15;

    private TimelineView() {
    }

    static Diagrams.Drawing render(RunReport run, String hostId, long second) {
        List<RunReport.Point> points = new ArrayList<>();
        RunReport.HostPoint first = null;
        for (RunReport.Point p : run.timeline()) {
            for (RunReport.HostPoint h : p.hosts()) {
                if (h.id().equals(hostId)) {
                    points.add(p);
                    if (first == null) first = h;
                }
            }
        }
        if (first == null || first.vms().isEmpty()) {
            return Empty.render("cld-timeline", "No running VMs on " + hostId, "Nothing runs on " + hostId,
                    "Start a VM on this host, give it some CPU demand, and run again.");
        }
        List<String> vmIds = first.vms().stream().map(RunReport.VmPoint::id).toList();
        double width = LEFT + PLOT + 24;
        List<String> legend = Svg.wrap("per VM: outline = cores wanted, fill = cores got, red = waited (steal); "
                + Num.show(first.vmCores()) + " cores to share", width - 24, 11);
        // the marker's label has its own band under the legend, so that it never sits on the legend's text
        double markerY = LEGEND + (legend.size() - 1) * LINE + 20;
        double top = markerY + 10;
        double height = top + vmIds.size() * ROW + 96;
        String title = "Host " + hostId + " over " + run.seconds() + " s (" + run.policy() + " policy)";
        Svg s = Svg.start("cld-timeline", width, height, title, description(run, hostId, points, vmIds), Style.TIMELINE);
        s.text(12, 22, "h", title);
        for (int i = 0; i < legend.size(); i++) s.text(12, LEGEND + i * LINE, "muted", legend.get(i));
        double slot = PLOT / points.size();
        for (int v = 0; v < vmIds.size(); v++) {
            double rowTop = top + v * ROW;
            double max = maxWanted(points, hostId, v);
            s.open("g", "class", "vm", "data-id", vmIds.get(v));
            s.title(vmIds.get(v) + ": wanted up to " + Num.show(BigDecimal.valueOf(max)) + " cores in the run");
            s.text(12, rowTop + 20, "b", Svg.fit(vmIds.get(v), LEFT - 20, 12));
            s.text(12, rowTop + 35, "muted", "up to " + Num.show(BigDecimal.valueOf(max)) + " cores");
            s.line(LEFT, rowTop + ROW - 6, LEFT + PLOT, rowTop + ROW - 6, "axis");
            for (int i = 0; i < points.size(); i++) {
                RunReport.VmPoint p = host(points.get(i), hostId).vms().get(v);
                double scale = max <= 0 ? 0 : (ROW - 12) / max;
                double x = LEFT + i * slot + 1;
                double w = Math.max(1, slot - 2);
                double base = rowTop + ROW - 6;
                double wanted = p.demandCores().doubleValue() * scale;
                double got = p.receivedCores().doubleValue() * scale;
                s.open("g", "class", p.stealPercent().signum() > 0 ? "sample waited" : "sample");
                s.title("second " + points.get(i).second() + ": wanted " + Num.show(p.demandCores()) + ", got "
                        + Num.show(p.receivedCores()) + " cores, steal " + Num.show(p.stealPercent()) + " %");
                s.rect(x, base - got, w, got, "class", "got");
                s.rect(x, base - wanted, w, wanted - got, "class", "steal");
                s.rect(x, base - wanted, w, wanted, "class", "wanted");
                s.close("g");
            }
            s.close("g");
        }
        double axisY = top + vmIds.size() * ROW + 14;
        for (int i = 0; i < points.size(); i += Math.max(1, points.size() / 6)) {
            s.text(LEFT + i * slot, axisY, "muted", points.get(i).second() + " s");
        }
        long every = run.every();
        int chosen = (int) Math.min(points.size() - 1, Math.max(0, second / Math.max(1, every)));
        if (second >= 0) {
            double x = LEFT + chosen * slot + slot / 2;
            s.line(x, top - 6, x, axisY - 12, "now");
            String label = "second " + points.get(chosen).second();
            // bold 11 px, centred on the marker but kept inside the drawing at either end of the minute
            double half = Svg.width(label, 11, true) / 2;
            s.text(Math.max(12 + half, Math.min(width - 4 - half, x)), markerY, "now-label mid", label);
        }
        memory(s, first.memoryGiB(), axisY + 22);
        return s.finish();
    }

    /** The host's memory as one bar: what its VMs use, what was ballooned (amber) and swapped (red), against what R1 leaves. */
    private static void memory(Svg s, RunReport.Memory m, double top) {
        double physical = m.physical().doubleValue();
        double scale = physical <= 0 ? 0 : PLOT / Math.max(physical, m.configured().doubleValue());
        s.text(12, top + 14, "b", "memory");
        s.open("g", "class", "memory");
        s.title("memory: " + Num.show(m.configured()) + " GiB given to VMs, " + Num.show(m.active()) + " GiB in use, "
                + Num.show(m.physical()) + " GiB physical for VMs; ballooned " + Num.show(m.ballooned()) + ", swapped "
                + Num.show(m.swapped()) + " GiB");
        s.rect(LEFT, top, physical * scale, 18, "class", "physical");
        double active = Math.min(m.active().doubleValue(), physical) * scale;
        s.rect(LEFT, top, active, 18, "class", "active");
        double ballooned = m.ballooned().doubleValue() * scale;
        s.rect(LEFT + active, top, ballooned, 18, "class", "ballooned");
        double swapped = m.swapped().doubleValue() * scale;
        s.rect(LEFT + physical * scale - swapped, top, swapped, 18, "class", "swapped");
        s.close("g");
        String words = Num.show(m.active()) + " of " + Num.show(m.physical()) + " GiB in use";
        if (m.ballooned().signum() > 0) words += " · ballooned " + Num.show(m.ballooned()) + " GiB";
        if (m.swapped().signum() > 0) words += " · swapped " + Num.show(m.swapped()) + " GiB";
        s.text(LEFT, top + 36, m.swapped().signum() > 0 ? "red" : "muted", words);
    }

    private static String description(RunReport run, String hostId, List<RunReport.Point> points, List<String> vmIds) {
        StringBuilder d = new StringBuilder("Cores each VM on " + hostId + " wanted and got, every " + run.every() + " s. ");
        for (int v = 0; v < vmIds.size(); v++) {
            double worst = 0;
            for (RunReport.Point p : points) worst = Math.max(worst, host(p, hostId).vms().get(v).stealPercent().doubleValue());
            d.append(vmIds.get(v)).append(worst > 0 ? " waited up to " + Num.show(BigDecimal.valueOf(worst)) + " % of what it wanted; "
                    : " always got what it wanted; ");
        }
        return d.toString().strip();
    }

    private static double maxWanted(List<RunReport.Point> points, String hostId, int v) {
        double max = 0;
        for (RunReport.Point p : points) max = Math.max(max, host(p, hostId).vms().get(v).demandCores().doubleValue());
        return max;
    }

    private static RunReport.HostPoint host(RunReport.Point p, String hostId) {
        for (RunReport.HostPoint h : p.hosts()) if (h.id().equals(hostId)) return h;
        throw new IllegalStateException("no host " + hostId + " at second " + p.second());
    }
}

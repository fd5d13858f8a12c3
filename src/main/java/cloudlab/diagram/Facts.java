package cloudlab.diagram;

import cloudlab.sim.Host;
import cloudlab.sim.Layout;
import cloudlab.sim.Node;
import cloudlab.sim.Region;
import cloudlab.sim.Report;
import cloudlab.sim.Simulator;
import cloudlab.sim.Vm;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the core's report says about one layout, indexed for drawing. The diagrams ask here
 * whether a host is up or a VM runs; they never work it out from the rules themselves.
 */
final class Facts {
    final Layout layout;
    final Report report;
    final Set<String> failed;
    private final Map<String, Report.HostReport> hosts = new HashMap<>();
    private final Map<String, Report.VmReport> vms = new HashMap<>();
    private final Set<String> servingRegions = new HashSet<>();
    /**
     * For a question's drawing, the ids the question asks about ("if this fails?"), drawn before
     * anything fails; null for an ordinary drawing. A question's drawing shows the setting, never
     * the outcome: no up, down, running or available.
     */
    final Set<String> asked;

    private Facts(Layout layout, Report report, Set<String> asked) {
        this.layout = layout;
        this.report = report;
        this.asked = asked;
        this.failed = new LinkedHashSet<>(report.failed());
        for (Report.HostReport h : report.hosts()) hosts.put(h.id(), h);
        for (Report.VmReport v : report.vms()) {
            vms.put(v.id(), v);
            if (v.status().equals("running")) {
                Report.HostReport h = hosts.get(v.host());
                if (h != null) servingRegions.add(h.region());
            }
        }
    }

    /** The report of the layout with {@code extraFailed} (null for none) failed as well. */
    static Facts of(Layout layout, Collection<String> extraFailed) {
        if (layout == null) throw new IllegalArgumentException("a diagram needs a layout");
        Collection<String> extra = extraFailed == null ? List.of() : extraFailed;
        return new Facts(layout, Simulator.simulate(layout, extra, List.of()), null);
    }

    /** The facts of a layout whose report the caller already has ({@link Simulator#simulate(Layout)} of it, nothing more failed). */
    static Facts of(Layout layout, Report report) {
        if (layout == null || report == null) throw new IllegalArgumentException("a diagram needs a layout and its report");
        return new Facts(layout, report, null);
    }

    /** The facts of a question's drawing: the layout before the failure the question asks about. */
    static Facts question(Layout layout, Collection<String> asked) {
        if (layout == null) throw new IllegalArgumentException("a diagram needs a layout");
        return new Facts(layout, Simulator.simulate(layout, List.of(), List.of()),
                new LinkedHashSet<>(asked == null ? List.of() : asked));
    }

    /** Whether this is a question's drawing, which must not give its answer away. */
    boolean question() {
        return asked != null;
    }

    /** Whether the question asks about this node ("if this fails?"). */
    boolean isAsked(Node n) {
        return asked != null && asked.contains(n.id());
    }

    /**
     * The word a drawing shows for a VM's status: as the report has it, but in a question's
     * drawing a started VM is "started" (what the layout says), not "running" (an outcome).
     */
    String word(String status) {
        return question() && status.equals("running") ? "started" : status;
    }

    /** "If use1-az1 fails?": what a question's drawing asks, or null for an ordinary drawing. */
    String askLine() {
        return asked == null || asked.isEmpty() ? null : "If " + String.join(" and ", asked) + " fails — what then?";
    }

    Report.HostReport host(Host h) {
        return hosts.get(h.id());
    }

    boolean up(Host h) {
        Report.HostReport r = hosts.get(h.id());
        return r == null || r.up();
    }

    /** running, stopped or down, as the report has it. */
    String status(Vm vm) {
        Report.VmReport r = vms.get(vm.id());
        return r == null ? "stopped" : r.status();
    }

    /** Whether this very node is in the failed list (not just under a failed one). */
    boolean failedItself(Node n) {
        return failed.contains(n.id());
    }

    /**
     * The failed id that takes the node down, or null: the outermost failed node among itself
     * and its containers, as {@link Layout#downBecause} picks it, but over the report's failures.
     */
    String cause(Node n) {
        String cause = null;
        for (Node x = n; x != null; x = x.parent()) {
            if (failed.contains(x.id())) cause = x.id();
        }
        return cause;
    }

    /** The failed container above the node, or null: whether it sits in a blast radius. */
    String failedAbove(Node n) {
        return n.parent() == null ? null : cause(n.parent());
    }

    /** Whether the region holds at least one VM with status running. */
    boolean serving(Region r) {
        return servingRegions.contains(r.code());
    }
}

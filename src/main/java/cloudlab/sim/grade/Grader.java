package cloudlab.sim.grade;

import cloudlab.sim.Cost;
import cloudlab.sim.App;
import cloudlab.sim.Datacenter;
import cloudlab.sim.Host;
import cloudlab.sim.Hypervisor;
import cloudlab.sim.Latency;
import cloudlab.sim.Layout;
import cloudlab.sim.Node;
import cloudlab.sim.Num;
import cloudlab.sim.Region;
import cloudlab.sim.Vm;
import cloudlab.sim.Zone;

import cloudlab.sim.time.TimeGoals;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a layout against a challenge's goals, each with a message that names the counterexample
 * (the first failing zone or region in document order, the host, the VM). The one grader behind
 * the {@code grade} command, {@code /api/v1/grade} and the sandboxes' "check" button.
 */
public final class Grader {
    private static final int LISTED_VMS = 6;

    private Grader() {
    }

    public static GradeResult grade(Challenge challenge, Layout layout) {
        List<GradeResult.CheckResult> checks = new ArrayList<>();
        int earned = 0;
        for (Goal g : challenge.goals()) {
            GradeResult.CheckResult c = check(g, layout);
            if (c.earnsCredit()) earned++;
            checks.add(c);
        }
        // no credit for doing nothing (contract v1.1): a vacuous pass counts in the total, not in the score
        int total = checks.size();
        return new GradeResult(challenge.id(), total > 0 && earned == total, total == 0 ? 0.0 : (double) earned / total, checks);
    }

    /** The verdict of one goal on a layout. */
    public static GradeResult.CheckResult check(Goal goal, Layout layout) {
        Verdict v = goal.accept(new Judging(layout));
        return new GradeResult.CheckResult(goal.name(), goal.argument(), v.passed, v.message, v.vacuous);
    }

    /** A goal's verdict; a vacuous one passes with nothing to judge and earns no credit. */
    private record Verdict(boolean passed, String message, boolean vacuous) {
        Verdict(boolean passed, String message) {
            this(passed, message, false);
        }

        /** A pass on a layout with no hosts: nothing was judged. */
        static Verdict noHosts(String what) {
            return new Verdict(true, "the layout has no hosts, so " + what + " holds vacuously and earns no credit", true);
        }
    }

    /** Each kind of goal's verdict on one layout. */
    private record Judging(Layout layout) implements Goal.Visitor<Verdict> {
        @Override
        public Verdict appAvailable(Goal.AppAvailable g) {
            return Grader.appAvailable(layout, g.app());
        }

        @Override
        public Verdict survives(Goal.Survives g) {
            return Grader.survives(layout, g.level(), g.app());
        }

        @Override
        public Verdict minRunning(Goal.MinRunning g) {
            return Grader.minRunning(layout, g.app(), g.count());
        }

        @Override
        public Verdict maxHosts(Goal.MaxHosts g) {
            return Grader.maxHosts(layout, g.max());
        }

        @Override
        public Verdict minZones(Goal.MinZones g) {
            return Grader.minZones(layout, g.region(), g.count());
        }

        @Override
        public Verdict allHostsHypervisor(Goal.AllHostsHypervisor g) {
            return Grader.allHostsHypervisor(layout, g.hypervisor());
        }

        @Override
        public Verdict maxCpuOvercommit(Goal.MaxCpuOvercommit g) {
            return Grader.maxCpuOvercommit(layout, g.max());
        }

        @Override
        public Verdict maxRttMs(Goal.MaxRttMs g) {
            return Grader.maxRtt(layout, g);
        }

        @Override
        public Verdict emptyHost(Goal.EmptyHost g) {
            return Grader.emptyHost(layout, g.host());
        }

        @Override
        public Verdict maxMonthlyCost(Goal.MaxMonthlyCost g) {
            return Grader.maxMonthlyCost(layout, g);
        }

        @Override
        public Verdict maxStealPercent(Goal.MaxStealPercent g) {
            return of(TimeGoals.maxSteal(layout, g.app(), g.percent(), g.seconds()));
        }

        @Override
        public Verdict noSwap(Goal.NoSwap g) {
            return of(TimeGoals.noSwap(layout, g.app()));
        }

        @Override
        public Verdict minUtilisation(Goal.MinUtilisation g) {
            return of(TimeGoals.minUtilisation(layout, g.percent(), TimeGoals.DEFAULT_SECONDS));
        }
    }

    private static Verdict of(TimeGoals.Outcome o) {
        return new Verdict(o.passed(), o.message());
    }

    private static Verdict undeclared(String app) {
        return new Verdict(false, "the layout declares no app " + app);
    }

    private static Verdict appAvailable(Layout layout, String appName) {
        App app = layout.app(appName);
        if (app == null) return undeclared(appName);
        List<String> running = new ArrayList<>();
        for (Host h : layout.hosts()) {
            if (!layout.isUp(h)) continue;
            for (Vm vm : h.vms()) if (vm.running() && appName.equals(vm.app())) running.add(vm.id());
        }
        String message = runningSentence(app, running);
        return new Verdict(running.size() >= app.minRunning(), message);
    }

    /** "shop has 1 of the 2 VMs it needs running (web-3)". */
    private static String runningSentence(App app, List<String> running) {
        StringBuilder sb = new StringBuilder(app.name()).append(" has ").append(running.size()).append(" of the ")
                .append(Num.count(app.minRunning(), "VM")).append(" it needs running");
        if (!running.isEmpty()) {
            sb.append(" (").append(String.join(", ", running.subList(0, Math.min(LISTED_VMS, running.size()))));
            if (running.size() > LISTED_VMS) sb.append(" and ").append(running.size() - LISTED_VMS).append(" more");
            sb.append(")");
        }
        return sb.toString();
    }

    /**
     * The app is available with nothing failed and with each node of the level failed alone. The
     * layout's own failures are ignored. One pass counts the app's started VMs under each node.
     */
    private static Verdict survives(Layout layout, Node.Kind level, String appName) {
        App app = layout.app(appName);
        if (app == null) return undeclared(appName);
        String plural = plural(level);
        Map<Node, Integer> under = new LinkedHashMap<>();
        switch (level) {
            case REGION -> layout.regions().forEach(r -> under.put(r, 0));
            case ZONE -> layout.zones().forEach(z -> under.put(z, 0));
            case DATACENTER -> layout.datacenters().forEach(d -> under.put(d, 0));
            case HOST -> layout.hosts().forEach(h -> under.put(h, 0));
            case VM -> throw new IllegalArgumentException("VMs do not fail");
        }
        if (under.isEmpty()) return new Verdict(false, "the layout has no " + plural);
        List<Vm> started = new ArrayList<>();
        for (Host h : layout.hosts()) {
            for (Vm vm : h.vms()) {
                if (!vm.running() || !appName.equals(vm.app())) continue;
                started.add(vm);
                under.merge(ancestor(vm, level), 1, Integer::sum);
            }
        }
        if (started.size() < app.minRunning()) {
            return new Verdict(false, "with nothing failed, " + runningSentence(app, ids(started, null, level)));
        }
        int fewest = Integer.MAX_VALUE;
        Node worst = null;
        for (Map.Entry<Node, Integer> e : under.entrySet()) {
            int left = started.size() - e.getValue();
            if (left < app.minRunning()) {
                return new Verdict(false, "with " + e.getKey().id() + " failed, " + runningSentence(app, ids(started, e.getKey(), level)));
            }
            if (left < fewest) {
                fewest = left;
                worst = e.getKey();
            }
        }
        return new Verdict(true, app.name() + " stays available with each of the " + under.size() + " " + plural
                + " failed alone (fewest left running: " + fewest + ", with " + worst.id() + " failed; it needs "
                + app.minRunning() + ")");
    }

    private static List<String> ids(List<Vm> vms, Node failedNode, Node.Kind level) {
        List<String> out = new ArrayList<>();
        for (Vm vm : vms) if (failedNode == null || ancestor(vm, level) != failedNode) out.add(vm.id());
        return out;
    }

    private static Node ancestor(Vm vm, Node.Kind level) {
        Host h = vm.host();
        return switch (level) {
            case REGION -> h.zone().region();
            case ZONE -> h.zone();
            case DATACENTER -> h.datacenter();
            default -> h;
        };
    }

    private static String plural(Node.Kind level) {
        return switch (level) {
            case REGION -> "regions";
            case ZONE -> "zones";
            case DATACENTER -> "data centers";
            default -> "hosts";
        };
    }

    private static Verdict minRunning(Layout layout, String appName, int count) {
        App app = layout.app(appName);
        if (app == null) return undeclared(appName);
        String sentence = appName + " asks for " + Num.count(app.minRunning(), "running VM");
        if (app.minRunning() >= count) return new Verdict(true, sentence + " (at least " + count + ")");
        return new Verdict(false, sentence + "; the challenge needs it to ask for at least " + count);
    }

    private static Verdict maxHosts(Layout layout, int max) {
        int n = layout.hosts().size();
        if (n == 0) return Verdict.noHosts("\"at most " + Num.count(max, "host") + "\"");
        return new Verdict(n <= max, Num.count(n, "host") + " (at most " + max + ")");
    }

    private static Verdict minZones(Layout layout, String code, int count) {
        Region r = layout.node(code, Region.class);
        if (r == null) {
            return new Verdict(count <= 0, code + " is not in the layout, so it has 0 zones with hosts (at least " + count + ")");
        }
        List<String> withHosts = new ArrayList<>();
        for (Zone z : r.zones()) {
            boolean any = false;
            for (Datacenter d : z.datacenters()) any |= !d.hosts().isEmpty();
            if (any) withHosts.add(z.id());
        }
        String listed = withHosts.isEmpty() ? "" : " (" + String.join(", ", withHosts) + ")";
        String sentence = code + " has " + Num.count(withHosts.size(), "zone") + " with hosts" + listed;
        if (withHosts.size() >= count) return new Verdict(true, sentence + " (at least " + count + ")");
        return new Verdict(false, sentence + "; it needs at least " + count);
    }

    private static Verdict allHostsHypervisor(Layout layout, Hypervisor want) {
        List<Host> hosts = layout.hosts();
        for (Host h : hosts) {
            if (h.hypervisor() != want) return new Verdict(false, h.id() + " runs " + h.hypervisor().word());
        }
        if (hosts.isEmpty()) return Verdict.noHosts("\"every host runs " + want.word() + "\"");
        return new Verdict(true, (hosts.size() == 1 ? "its one host runs " : "all " + hosts.size() + " hosts run ") + want.word());
    }

    private static Verdict maxCpuOvercommit(Layout layout, BigDecimal max) {
        BigDecimal highest = null;
        for (Host h : layout.hosts()) {
            BigDecimal oc = h.spec().cpuOvercommit();
            if (oc.compareTo(max) > 0) {
                return new Verdict(false, h.id() + " has cpuOvercommit " + Num.show(oc) + " (at most " + Num.show(max) + ")");
            }
            if (highest == null || oc.compareTo(highest) > 0) highest = oc;
        }
        if (highest == null) return Verdict.noHosts("\"cpuOvercommit at most " + Num.show(max) + "\"");
        return new Verdict(true, "the highest cpuOvercommit is " + Num.show(highest) + " (at most " + Num.show(max) + ")");
    }

    private static Verdict maxRtt(Layout layout, Goal.MaxRttMs g) {
        if (layout.app(g.app()) == null) return undeclared(g.app());
        Map<Region, Boolean> runs = new HashMap<>();
        Set<String> failed = layout.failed();
        for (Host h : layout.hosts()) {
            if (!Layout.isUp(h, failed)) continue;
            for (Vm vm : h.vms()) if (vm.running() && g.app().equals(vm.app())) runs.put(h.zone().region(), true);
        }
        Region best = null;
        BigDecimal bestMs = null;
        for (Region r : layout.regions()) {
            if (!runs.containsKey(r)) continue;
            BigDecimal ms = Latency.rttMs(g.user(), r.location());
            if (bestMs == null || ms.compareTo(bestMs) < 0) {
                best = r;
                bestMs = ms;
            }
        }
        String limit = " (at most " + Num.show(g.ms()) + ")";
        if (best == null) return new Verdict(false, "no region runs " + g.app() + limit);
        boolean ok = bestMs.compareTo(g.ms()) <= 0;
        String sentence = ok ? best.code() + " runs " + g.app() + " " + Num.show(bestMs) + " ms from that point"
                : "the nearest region running " + g.app() + ", " + best.code() + ", is " + Num.show(bestMs) + " ms from that point";
        return new Verdict(ok, sentence + limit);
    }

    private static Verdict emptyHost(Layout layout, String id) {
        Host h = layout.node(id, Host.class);
        if (h == null) return new Verdict(false, "the layout has no host " + id + " (drain a host, do not delete it)");
        List<String> left = new ArrayList<>();
        for (Vm vm : h.vms()) left.add(vm.id());
        if (left.isEmpty()) return new Verdict(true, id + " holds no VMs");
        return new Verdict(false, id + " still holds " + Num.count(left.size(), "VM") + " (" + String.join(", ", left) + ")");
    }

    private static Verdict maxMonthlyCost(Layout layout, Goal.MaxMonthlyCost g) {
        Cost.Bill bill = Cost.monthly(layout, g.writtenGb());
        return new Verdict(bill.totalUsd().compareTo(g.usd()) <= 0, Cost.sentence(bill, g.usd()));
    }
}

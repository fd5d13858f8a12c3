package cloudlab.sandbox;

import cloudlab.sim.Host;
import cloudlab.sim.Hypervisor;
import cloudlab.sim.InputException;
import cloudlab.sim.Layout;
import cloudlab.sim.Num;
import cloudlab.sim.Vm;
import cloudlab.sim.time.CpuPolicy;
import cloudlab.sim.time.Profile;
import cloudlab.sim.time.ProfileText;
import cloudlab.sim.time.RunReport;
import cloudlab.sim.time.RunStory;
import cloudlab.sim.time.TimeSimulator;
import cloudlab.sim.time.VmLoad;
import cloudlab.sim.time.Workload;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The sandbox's "Run for a minute" panel as values: the run of the sandbox's state under a policy,
 * the host and second the learner looks at, what each of that host's VMs wanted and got then, the
 * story in words, each VM's load and each type 2 host's own OS load as their forms show them, and
 * the version the page's Undo and Redo buttons hold to. Empty of hosts when nothing runs.
 */
public record RunView(String sandboxId, String title, int version, boolean canUndo, boolean canRedo, String policy, long seconds, long every,
                      long second, List<String> hosts, String host, RunReport run, List<Row> rows, List<String> now,
                      List<String> overall, List<LoadRow> loads, List<OsLoadRow> osLoads) {
    /** How long the panel plays the sandbox: a minute. */
    public static final long SECONDS = 60;

    /** One VM of the chosen host at the chosen second, its numbers written out plainly (50, never 5E+1). */
    public record Row(String id, String wanted, String got, String stealPercent) {
    }

    /** A running VM's load as the edit form shows it ({@code cpuDemand} in {@link ProfileText}'s syntax). */
    public record LoadRow(String id, String host, int vcpus, String memoryGiB, String cpuDemand, String activeMemoryGiB,
                          int shares, String reservation, String limit) {
    }

    /**
     * A type 2 host's own operating system load as its form shows it: {@code load} in
     * {@link ProfileText}'s syntax, empty when the host OS is idle.
     */
    public record OsLoadRow(String id, int cores, String load) {
    }

    /**
     * The panel for the sandbox's state now. {@code policy} (fair or proportional), {@code host} and
     * {@code second} come from the request and may be null for the defaults (fair, the first host
     * with a running VM, second 0); a wrong one is refused naming the field. A host that exists but
     * runs nothing now is shown as the default.
     */
    public static RunView of(Sandbox s, String policy, String host, String second) throws InputException {
        CpuPolicy p = policy == null || policy.isBlank() ? CpuPolicy.FAIR : CpuPolicy.fromWord(policy.strip());
        if (p == null) throw new InputException("policy: must be fair or proportional");
        long at = 0;
        if (second != null && !second.isBlank()) {
            try {
                at = Long.parseLong(second.strip());
            } catch (NumberFormatException e) {
                at = -1;
            }
            if (at < 0 || at >= SECONDS) throw new InputException("second: must be a whole number from 0 to " + (SECONDS - 1));
        }
        Layout state = s.history().state();
        List<String> busy = new ArrayList<>();
        for (Host h : state.hosts()) if (state.isUp(h) && h.vms().stream().anyMatch(Vm::running)) busy.add(h.id());
        String asked = host == null || host.isBlank() ? null : host.strip();
        if (asked != null && state.node(asked, Host.class) == null) throw new InputException("host: there is no host " + asked + " in this sandbox");
        // a host that runs nothing now (an undo, a failure) gives way to the first that does, so a view kept after a change still opens
        String chosen = asked != null && busy.contains(asked) ? asked : busy.isEmpty() ? null : busy.get(0);
        long every = every(state);
        RunReport run = TimeSimulator.run(state, SECONDS, every, p);
        long sample = at / every * every;
        List<Row> rows = new ArrayList<>();
        if (chosen != null) {
            for (RunReport.Point pt : run.timeline()) {
                if (pt.second() != sample) continue;
                for (RunReport.HostPoint hp : pt.hosts()) {
                    if (!hp.id().equals(chosen)) continue;
                    for (RunReport.VmPoint v : hp.vms()) rows.add(new Row(v.id(), Num.show(v.demandCores()), Num.show(v.receivedCores()),
                            Num.show(v.stealPercent())));
                }
            }
        }
        List<String> now = chosen == null ? List.of() : RunStory.at(run, state, chosen, sample);
        List<String> overall = chosen == null ? List.of() : RunStory.summary(run, chosen);
        return new RunView(s.id(), s.title(), s.version(), s.history().canUndo(), s.history().canRedo(), p.word(), SECONDS, every, sample, busy, chosen, run,
                rows, now, overall, loads(state), osLoads(state));
    }

    /** The sampling interval that keeps the timeline within the core's limit: every second for any lab-sized sandbox. */
    static long every(Layout state) {
        long every = 1;
        while (TimeSimulator.everyProblem(state, SECONDS, every) != null && every < SECONDS) every++;
        return every;
    }

    private static List<LoadRow> loads(Layout state) {
        Workload w = state.workload();
        List<LoadRow> out = new ArrayList<>();
        for (Vm vm : state.vms()) {
            if (!vm.running()) continue;
            VmLoad l = w.of(vm);
            out.add(new LoadRow(vm.id(), vm.host().id(), vm.vcpus(), Num.show(vm.memoryGiB()), ProfileText.format(l.cpu()),
                    show(l.activeMemoryGiB()), l.shares(), show(l.reservation()), show(l.limit())));
        }
        return out;
    }

    private static List<OsLoadRow> osLoads(Layout state) {
        List<OsLoadRow> out = new ArrayList<>();
        for (Host h : state.hosts()) {
            if (h.spec().hypervisor() != Hypervisor.TYPE2) continue;
            Profile load = state.workload().hostOs(h);
            out.add(new OsLoadRow(h.id(), h.spec().cores(), load == null ? "" : ProfileText.format(load)));
        }
        return out;
    }

    private static String show(double v) {
        return Num.show(BigDecimal.valueOf(v));
    }

    /**
     * Where a message answering the form {@code from} shows: beside that form when the page has it
     * ({@code load-VM}, {@code os-HOST}), else at the top of the panel ({@code top}).
     */
    public String messageAt(String from) {
        if (from == null) return "top";
        for (LoadRow l : loads) if (from.equals("load-" + l.id())) return from;
        for (OsLoadRow o : osLoads) if (from.equals("os-" + o.id())) return from;
        return "top";
    }

    /** This view's address without its second: {@code /sandboxes/ID/run?policy=P&host=H}. */
    public String link() {
        return "/sandboxes/" + sandboxId + "/run?policy=" + policy + "&host="
                + (host == null ? "" : java.net.URLEncoder.encode(host, java.nio.charset.StandardCharsets.UTF_8));
    }

    /** The previous sample's second, or -1 at the start. */
    public long previous() {
        return second - every < 0 ? -1 : second - every;
    }

    /** The next sample's second, or -1 at the end. */
    public long next() {
        return second + every >= seconds ? -1 : second + every;
    }
}

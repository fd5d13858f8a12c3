package cloudlab.sandbox;

import cloudlab.sim.Datacenter;
import cloudlab.sim.History;
import cloudlab.sim.Host;
import cloudlab.sim.HostSpec;
import cloudlab.sim.Layout;
import cloudlab.sim.Node;
import cloudlab.sim.Num;
import cloudlab.sim.Region;
import cloudlab.sim.RegionCatalog;
import cloudlab.sim.Report;
import cloudlab.sim.Vm;
import cloudlab.sim.Zone;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A sandbox as the page shows it, apart from the drawings: the table of everything, the
 * timeline, what can fail, free ids for the add forms, and what each form starts with — what the
 * learner typed into the form just used (after a refusal all of it; after a success all but the
 * new thing's name, which is taken now), and for "Change a host" the chosen host's own values.
 */
public record Workspace(List<Row> rows, List<Step> steps, List<String> failable, Map<String, String> suggest, Forms forms,
                        HostForm hostForm, String liveStream, String liveEvent) {
    /** The stream a workshop sandbox's page listens to, so the instructor's steps show at once. */
    static final String LIVE_STREAM = "/workshop/live";

    /** A row of the accessible tree: one node with its depth, words and the actions it offers. */
    public record Row(int depth, String kind, String id, String label, String detail, String status, boolean failed, boolean down,
                      boolean canFail, Vm vm) {
    }

    /**
     * Rows of the table that change together, so a page can redraw them alone: a host with its
     * VMs, or the regions, zones and data centers between two hosts. {@code id} is the first row's.
     */
    public record RowGroup(String id, List<Row> rows) {
    }

    /** The table's rows in groups (see {@link RowGroup}), in order. */
    public List<RowGroup> groups() {
        List<RowGroup> out = new ArrayList<>();
        List<Row> group = new ArrayList<>();
        for (Row r : rows) {
            // a host starts a group, and so does the first place after a host's group
            boolean starts = r.kind().equals("host") || (!r.kind().equals("vm") && !group.isEmpty() && group.get(0).kind().equals("host"));
            if (starts && !group.isEmpty()) {
                out.add(new RowGroup(group.get(0).id(), List.copyOf(group)));
                group.clear();
            }
            group.add(r);
        }
        if (!group.isEmpty()) out.add(new RowGroup(group.get(0).id(), List.copyOf(group)));
        return out;
    }

    /** One step of the timeline. */
    public record Step(int number, String text, boolean applied, boolean current, boolean instructor) {
    }

    /** The form just used and what was typed into it; {@code form} is null on a fresh page. */
    public record Forms(String form, Map<String, String> typed) {
        /** What the field of that form starts with: what was typed there, else the fallback. */
        public String of(String formKey, String field, String fallback) {
            if (!formKey.equals(form)) return fallback;
            String v = typed.get(field);
            return v == null ? fallback : v;
        }
    }

    /**
     * "Change a host": the host chosen, the values its fields show, and the values they started
     * from ({@code was}), which the host's own are; a field sent back as it started changes nothing.
     */
    public record HostForm(String host, Values shown, Values was) {
    }

    /** A host's fields as the form writes them. */
    public record Values(String hypervisor, String cores, String memoryGiB, String storageGiB, String cpuOvercommit,
                         String memoryOvercommit) {
        static Values of(HostSpec s) {
            return new Values(s.hypervisor().word(), String.valueOf(s.cores()), Num.show(s.memoryGiB()), Num.show(s.storageGiB()),
                    Num.show(s.cpuOvercommit()), Num.show(s.memoryOvercommit()));
        }

        Values typedOver(Map<String, String> typed) {
            return new Values(typed.getOrDefault("hypervisor", hypervisor), typed.getOrDefault("cores", cores),
                    typed.getOrDefault("memoryGiB", memoryGiB), typed.getOrDefault("storageGiB", storageGiB),
                    typed.getOrDefault("cpuOvercommit", cpuOvercommit), typed.getOrDefault("memoryOvercommit", memoryOvercommit));
        }
    }

    /** The field of each form that names the new thing: after a success it is taken, so a free one is suggested. */
    private static final Map<String, Set<String>> NAMING = Map.of("add-vm", Set.of("id"), "add-host", Set.of("id"),
            "add-zone", Set.of("id"), "add-datacenter", Set.of("id"), "app", Set.of("name"), "user", Set.of("name"),
            "add-region", Set.of("customCode", "code"));

    /**
     * The workspace of a sandbox. {@code form} and {@code typed} are the form just used and its
     * fields (or null and empty), {@code accepted} whether its action went through, {@code host}
     * the host to show in "Change a host" when no form chose one (null for the first).
     */
    public static Workspace of(Sandbox s, Report report, String form, Map<String, String> typed, boolean accepted, String host) {
        Layout state = s.history().state();
        Map<String, String> kept = new java.util.HashMap<>(typed);
        if (accepted && form != null) kept.keySet().removeAll(NAMING.getOrDefault(form, Set.of()));
        Forms forms = new Forms(form, Map.copyOf(kept));
        return new Workspace(rows(state, report), steps(s.history()), failable(state), suggestions(state), forms,
                hostForm(state, form, typed, accepted, host), live(s) ? LIVE_STREAM : null, live(s) ? liveEvent(s.id()) : null);
    }

    /** A workshop's sandbox is one the instructor may change while the learner has it open. */
    private static boolean live(Sandbox s) {
        return s.origin() == Sandbox.Origin.WORKSHOP;
    }

    /** The name of the event that tells the page of that sandbox its instructor changed it. */
    public static String liveEvent(String sandboxId) {
        return "sandbox-" + sandboxId;
    }

    private static HostForm hostForm(Layout state, String form, Map<String, String> typed, boolean accepted, String asked) {
        boolean fromForm = "change-host".equals(form);
        String chosen = fromForm ? typed.get("id") : asked;
        Host h = chosen == null ? null : state.node(chosen, Host.class);
        if (h == null) h = state.hosts().isEmpty() ? null : state.hosts().get(0);
        if (h == null) return null;
        Values own = Values.of(h.spec());
        boolean keepTyped = fromForm && !accepted && h.id().equals(typed.get("id"));
        return new HostForm(h.id(), keepTyped ? own.typedOver(typed) : own, own);
    }

    /**
     * Whether the page draws the form of this key in this state, to show its errors in; when it does
     * not (an unknown key, or a form that is not drawn, say "Add a VM" once every host is gone),
     * the error is shown at the top instead of being lost.
     */
    public static boolean formShown(String formKey, Layout state, boolean challenge) {
        if (formKey == null) return false;
        return switch (formKey) {
            case "add-vm", "change-host" -> !state.hosts().isEmpty();
            case "migrate-vm" -> !state.vms().isEmpty();
            case "add-host" -> !state.datacenters().isEmpty();
            case "add-zone" -> !state.regions().isEmpty();
            case "add-datacenter" -> !state.zones().isEmpty();
            case "add-region", "app", "user", "break", "tree", "history" -> true;
            case "check" -> challenge;
            default -> false;
        };
    }

    public static List<Row> rows(Layout state, Report report) {
        List<Row> rows = new ArrayList<>();
        for (Region r : state.regions()) {
            RegionCatalog.Entry e = state.catalog().find(r.code());
            String detail = e != null ? e.name() + " · " + e.city() : "custom region at " + Num.show(r.location().lat()) + ", " + Num.show(r.location().lon());
            rows.add(row(state, 0, "region", r, detail, null));
            for (Zone z : r.zones()) {
                rows.add(row(state, 1, "zone", z, Num.count(z.datacenters().size(), "data center"), null));
                for (Datacenter d : z.datacenters()) {
                    rows.add(row(state, 2, "datacenter", d, Num.count(d.hosts().size(), "host"), null));
                    for (Host h : d.hosts()) {
                        Report.HostReport hr = report.host(h.id());
                        String hostDetail = h.hypervisor().word() + " · " + Num.count(h.spec().cores(), "core") + " · " + Num.show(h.spec().memoryGiB()) + " GiB · "
                                + "vCPU " + Num.show(hr.vcpus().used()) + "/" + Num.show(hr.vcpus().capacity()) + " · memory "
                                + Num.show(hr.memoryGiB().used()) + "/" + Num.show(hr.memoryGiB().capacity()) + " GiB · disk "
                                + Num.show(hr.diskGiB().used()) + "/" + Num.show(hr.diskGiB().capacity()) + " GiB";
                        rows.add(row(state, 3, "host", h, hostDetail, hr.up() ? "up" : "down"));
                        for (Vm vm : h.vms()) {
                            String status = report.vm(vm.id()).status();
                            String vmDetail = Num.count(vm.vcpus(), "vCPU") + " · " + Num.show(vm.memoryGiB()) + " GiB · " + Num.show(vm.diskGiB())
                                    + " GiB disk" + (vm.app() == null ? "" : " · app " + vm.app());
                            rows.add(new Row(4, "vm", vm.id(), vm.id(), vmDetail, status, false, status.equals("down"), false, vm));
                        }
                    }
                }
            }
        }
        return rows;
    }

    private static Row row(Layout state, int depth, String kind, Node n, String detail, String status) {
        boolean failed = state.failed().contains(n.id());
        String cause = state.downBecause(n);
        String st = status != null ? status : failed ? "failed" : cause != null ? "down (" + cause + " failed)" : "up";
        return new Row(depth, kind, n.id(), n.id(), detail, st, failed, cause != null, true, null);
    }

    static List<Step> steps(History h) {
        List<Step> out = new ArrayList<>();
        out.add(new Step(0, "Start layout", true, h.position() == 0, false));
        List<History.Entry> entries = h.entries();
        for (int i = 0; i < entries.size(); i++) {
            History.Entry e = entries.get(i);
            out.add(new Step(i + 1, Describe.step(e), e.applied(), !e.instructor() && h.position() == i + 1, e.instructor()));
        }
        return out;
    }

    /** Every region, zone, data center and host, in document order: what "Break things" offers. */
    static List<String> failable(Layout state) {
        List<String> out = new ArrayList<>();
        for (Region r : state.regions()) {
            out.add(r.code());
            for (Zone z : r.zones()) {
                out.add(z.id());
                for (Datacenter d : z.datacenters()) {
                    out.add(d.id());
                    for (Host h : d.hosts()) out.add(h.id());
                }
            }
        }
        return out;
    }

    /** Free ids to prefill the add forms with. */
    static Map<String, String> suggestions(Layout state) {
        return Map.of("zone", free(state, "zone-"), "datacenter", free(state, "dc-"), "host", free(state, "h"),
                "vm", free(state, "vm-"), "app", freeApp(state));
    }

    private static String free(Layout state, String prefix) {
        for (int i = 1; ; i++) if (state.node(prefix + i) == null) return prefix + i;
    }

    private static String freeApp(Layout state) {
        for (int i = 1; ; i++) {
            String name = i == 1 ? "shop" : "app-" + i;
            if (state.app(name) == null) return name;
        }
    }
}

package cloudlab.sim;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The whole state of a sandbox: apps, regions down to VMs, what is failed and where users are.
 * Every collection keeps document order. A layout changes only by {@link #apply(Event)}; the
 * {@link Decider} is what turns a learner's command into events, so a layout built by events
 * always keeps rules R2–R4.
 */
public final class Layout {
    private String name;
    private final LinkedHashMap<String, App> apps = new LinkedHashMap<>();
    private final LinkedHashMap<String, Region> regions = new LinkedHashMap<>();
    private final Map<String, Node> nodes = new HashMap<>();
    private final LinkedHashSet<String> failed = new LinkedHashSet<>();
    private final LinkedHashMap<String, User> users = new LinkedHashMap<>();
    private final RegionCatalog catalog;
    /** {@link #workload()} as last built; dropped by every {@link #apply(Event)}. */
    private cloudlab.sim.time.Workload workload;

    public Layout(RegionCatalog catalog) {
        this.catalog = catalog;
    }

    /** An empty layout over the built-in region catalog. */
    public static Layout empty() {
        return new Layout(RegionCatalog.builtIn());
    }

    /** The fold of the events, in order, over an empty layout. */
    public static Layout replay(RegionCatalog catalog, Iterable<? extends Event> events) {
        Layout layout = new Layout(catalog);
        for (Event e : events) layout.apply(e);
        return layout;
    }

    public RegionCatalog catalog() {
        return catalog;
    }

    /** The free-text name, or null. */
    public String name() {
        return name;
    }

    public Collection<App> apps() {
        return Collections.unmodifiableCollection(apps.values());
    }

    public App app(String appName) {
        return apps.get(appName);
    }

    public Collection<Region> regions() {
        return Collections.unmodifiableCollection(regions.values());
    }

    /** The node with this id (region code, zone, data center, host or VM id), or null. */
    public Node node(String id) {
        return nodes.get(id);
    }

    /** The node with this id when it is of the given kind, or null. */
    public <T extends Node> T node(String id, Class<T> type) {
        Node n = nodes.get(id);
        return type.isInstance(n) ? type.cast(n) : null;
    }

    /** Every zone, in document order. */
    public List<Zone> zones() {
        List<Zone> out = new ArrayList<>();
        for (Region r : regions.values()) out.addAll(r.zones.values());
        return out;
    }

    /** Every data center, in document order. */
    public List<Datacenter> datacenters() {
        List<Datacenter> out = new ArrayList<>();
        for (Region r : regions.values()) for (Zone z : r.zones.values()) out.addAll(z.datacenters.values());
        return out;
    }

    /** Every host, in document order. */
    public List<Host> hosts() {
        List<Host> out = new ArrayList<>();
        for (Region r : regions.values())
            for (Zone z : r.zones.values())
                for (Datacenter d : z.datacenters.values()) out.addAll(d.hosts.values());
        return out;
    }

    /** Every VM, in document order. */
    public List<Vm> vms() {
        List<Vm> out = new ArrayList<>();
        for (Host h : hosts()) out.addAll(h.vms.values());
        return out;
    }

    /** The ids that are failed now, in the order they failed. */
    public Set<String> failed() {
        return Collections.unmodifiableSet(failed);
    }

    public Collection<User> users() {
        return Collections.unmodifiableCollection(users.values());
    }

    public User user(String userName) {
        return users.get(userName);
    }

    /** Whether the host is up with this layout's own failures (R5). */
    public boolean isUp(Host host) {
        return isUp(host, failed);
    }

    /** Whether the host is up when exactly the given ids are failed (R5). */
    public static boolean isUp(Host host, Set<String> failedIds) {
        if (failedIds.isEmpty()) return true;
        Datacenter d = host.datacenter;
        Zone z = d.zone;
        return !failedIds.contains(host.id) && !failedIds.contains(d.id) && !failedIds.contains(z.id)
                && !failedIds.contains(z.region.id);
    }

    /** The failed id that takes this node down (itself or the nearest failed container), or null. */
    public String downBecause(Node node) {
        String cause = null;
        for (Node n = node; n != null; n = n.parent()) {
            if (failed.contains(n.id)) cause = n.id;
        }
        return cause;
    }

    /** A deep copy that shares nothing mutable with this layout. */
    public Layout copy() {
        return replay(catalog, LayoutCommands.eventsFor(this));
    }

    /**
     * The VMs' and host OSes' load over time, as declared by the document and the learner's commands
     * (cloudlab.sim.time). Built once and kept until the next event changes the layout; the
     * workload is immutable, so a copy seen by another thread is whole.
     */
    public cloudlab.sim.time.Workload workload() {
        cloudlab.sim.time.Workload w = workload;
        if (w == null) workload = w = buildWorkload();
        return w;
    }

    private cloudlab.sim.time.Workload buildWorkload() {
        Map<String, cloudlab.sim.time.VmLoad> vmLoads = new HashMap<>();
        Map<String, cloudlab.sim.time.Profile> hostLoads = new HashMap<>();
        for (Host h : hosts()) {
            if (h.osLoad != null) hostLoads.put(h.id, h.osLoad);
            for (Vm vm : h.vms.values()) if (vm.load != null) vmLoads.put(vm.id, vm.load);
        }
        return new cloudlab.sim.time.Workload(vmLoads, hostLoads);
    }

    /** Applies one event. Events come from the {@link Decider}; one that does not fit is a bug. */
    public void apply(Event event) {
        workload = null;
        event.accept(applying);
    }

    /** What each kind of event does to this layout. */
    private final Event.Visitor<Void> applying = new Event.Visitor<>() {
        @Override
        public Void layoutNamed(Event.LayoutNamed e) {
            name = e.name();
            return null;
        }

        @Override
        public Void appAdded(Event.AppAdded e) {
            apps.put(e.name(), new App(e.name(), e.minRunning()));
            return null;
        }

        @Override
        public Void appMinRunningSet(Event.AppMinRunningSet e) {
            apps.put(e.name(), new App(e.name(), e.minRunning()));
            return null;
        }

        @Override
        public Void appRemoved(Event.AppRemoved e) {
            apps.remove(e.name());
            for (Node n : nodes.values()) if (n instanceof Vm vm && e.name().equals(vm.app)) vm.app = null;
            return null;
        }

        @Override
        public Void regionAdded(Event.RegionAdded e) {
            RegionCatalog.Entry entry = catalog.find(e.code());
            Location loc = e.location() != null ? e.location() : entry.location();
            Region r = new Region(e.code(), loc, entry == null);
            regions.put(r.id, r);
            nodes.put(r.id, r);
            return null;
        }

        @Override
        public Void regionMoved(Event.RegionMoved e) {
            need(e.code(), Region.class).location = e.location();
            return null;
        }

        @Override
        public Void regionRemoved(Event.RegionRemoved e) {
            forget(regions.remove(e.code()));
            return null;
        }

        @Override
        public Void zoneAdded(Event.ZoneAdded e) {
            Region r = need(e.region(), Region.class);
            Zone z = new Zone(e.id(), r);
            r.zones.put(z.id, z);
            nodes.put(z.id, z);
            return null;
        }

        @Override
        public Void zoneRemoved(Event.ZoneRemoved e) {
            Zone z = need(e.id(), Zone.class);
            z.region.zones.remove(z.id);
            forget(z);
            return null;
        }

        @Override
        public Void datacenterAdded(Event.DatacenterAdded e) {
            Zone z = need(e.zone(), Zone.class);
            Datacenter d = new Datacenter(e.id(), z);
            z.datacenters.put(d.id, d);
            nodes.put(d.id, d);
            return null;
        }

        @Override
        public Void datacenterRemoved(Event.DatacenterRemoved e) {
            Datacenter d = need(e.id(), Datacenter.class);
            d.zone.datacenters.remove(d.id);
            forget(d);
            return null;
        }

        @Override
        public Void hostAdded(Event.HostAdded e) {
            Datacenter d = need(e.datacenter(), Datacenter.class);
            Host h = new Host(e.id(), d, e.spec());
            d.hosts.put(h.id, h);
            nodes.put(h.id, h);
            return null;
        }

        @Override
        public Void hostChanged(Event.HostChanged e) {
            need(e.id(), Host.class).spec = e.spec();
            return null;
        }

        @Override
        public Void hostRemoved(Event.HostRemoved e) {
            Host h = need(e.id(), Host.class);
            h.datacenter.hosts.remove(h.id);
            forget(h);
            return null;
        }

        @Override
        public Void vmAdded(Event.VmAdded e) {
            Host h = need(e.host(), Host.class);
            Vm vm = new Vm(e.id(), h, e.spec());
            h.vms.put(vm.id, vm);
            h.count(vm, +1);
            nodes.put(vm.id, vm);
            return null;
        }

        @Override
        public Void vmResized(Event.VmResized e) {
            Vm vm = need(e.id(), Vm.class);
            vm.host.count(vm, -1);
            vm.vcpus = e.vcpus();
            vm.memoryGiB = Num.canonical(e.memoryGiB());
            vm.diskGiB = Num.canonical(e.diskGiB());
            vm.host.count(vm, +1);
            return null;
        }

        @Override
        public Void vmRemoved(Event.VmRemoved e) {
            Vm vm = need(e.id(), Vm.class);
            vm.host.vms.remove(vm.id);
            vm.host.count(vm, -1);
            nodes.remove(vm.id);
            return null;
        }

        @Override
        public Void vmStarted(Event.VmStarted e) {
            setRunning(need(e.id(), Vm.class), true);
            return null;
        }

        @Override
        public Void vmStopped(Event.VmStopped e) {
            setRunning(need(e.id(), Vm.class), false);
            return null;
        }

        @Override
        public Void vmMigrated(Event.VmMigrated e) {
            Vm vm = need(e.id(), Vm.class);
            Host to = need(e.host(), Host.class);
            vm.host.vms.remove(vm.id);
            vm.host.count(vm, -1);
            vm.host = to;
            to.vms.put(vm.id, vm);
            to.count(vm, +1);
            return null;
        }

        @Override
        public Void vmAppSet(Event.VmAppSet e) {
            need(e.id(), Vm.class).app = e.app();
            return null;
        }

        @Override
        public Void nodeRenamed(Event.NodeRenamed e) {
            rename(need(e.id(), Node.class), e.newId());
            return null;
        }

        @Override
        public Void failed(Event.Failed e) {
            failed.add(e.id());
            return null;
        }

        @Override
        public Void restored(Event.Restored e) {
            failed.remove(e.id());
            return null;
        }

        @Override
        public Void userPlaced(Event.UserPlaced e) {
            users.put(e.name(), new User(e.name(), e.location()));
            return null;
        }

        @Override
        public Void userRemoved(Event.UserRemoved e) {
            users.remove(e.name());
            return null;
        }

        @Override
        public Void vmLoadSet(Event.VmLoadSet e) {
            need(e.id(), Vm.class).load = e.load();
            return null;
        }

        @Override
        public Void hostOsLoadSet(Event.HostOsLoadSet e) {
            need(e.id(), Host.class).osLoad = e.load();
            return null;
        }
    };

    private void setRunning(Vm vm, boolean running) {
        vm.host.count(vm, -1);
        vm.running = running;
        vm.host.count(vm, +1);
    }

    private <T extends Node> T need(String id, Class<T> type) {
        T n = node(id, type);
        if (n == null) throw new IllegalStateException("event names " + id + ", which is not a " + type.getSimpleName());
        return n;
    }

    /** Drops a removed subtree's ids from the index and from the failed set. */
    private void forget(Node root) {
        nodes.remove(root.id);
        failed.remove(root.id);
        if (root instanceof Region r) r.zones.values().forEach(this::forget);
        else if (root instanceof Zone z) z.datacenters.values().forEach(this::forget);
        else if (root instanceof Datacenter d) d.hosts.values().forEach(this::forget);
        else if (root instanceof Host h) h.vms.values().forEach(this::forget);
    }

    private void rename(Node n, String newId) {
        String old = n.id;
        n.id = newId;
        nodes.remove(old);
        nodes.put(newId, n);
        if (failed.contains(old)) {
            List<String> order = new ArrayList<>(failed);
            failed.clear();
            for (String f : order) failed.add(f.equals(old) ? newId : f);
        }
        if (n instanceof Region r) rekey(regions, old, r);
        else if (n instanceof Zone z) rekey(z.region.zones, old, z);
        else if (n instanceof Datacenter d) rekey(d.zone.datacenters, old, d);
        else if (n instanceof Host h) rekey(h.datacenter.hosts, old, h);
        else if (n instanceof Vm vm) rekey(vm.host.vms, old, vm);
    }

    private static <T extends Node> void rekey(LinkedHashMap<String, T> map, String old, T node) {
        LinkedHashMap<String, T> copy = new LinkedHashMap<>(map);
        map.clear();
        copy.forEach((k, v) -> map.put(k.equals(old) ? node.id : k, v));
    }

    /** Counts of things, for quick summaries. */
    public Map<String, Integer> counts() {
        Map<String, Integer> out = new LinkedHashMap<>();
        out.put("regions", regions.size());
        out.put("zones", zones().size());
        out.put("datacenters", datacenters().size());
        List<Host> hs = hosts();
        out.put("hosts", hs.size());
        out.put("vms", hs.stream().mapToInt(h -> h.vms.size()).sum());
        return out;
    }

    /** The counts in words, each with its noun in the right number: "1 region · 2 zones · 2 data centers · 3 hosts · 1 VM". */
    public String summary() {
        Map<String, Integer> c = counts();
        return String.join(" · ", Num.count(c.get("regions"), "region"), Num.count(c.get("zones"), "zone"),
                Num.count(c.get("datacenters"), "data center"), Num.count(c.get("hosts"), "host"), Num.count(c.get("vms"), "VM"));
    }
}

package cloudlab.sim.document;

import cloudlab.sim.Event;
import cloudlab.sim.HostSpec;
import cloudlab.sim.Hypervisor;
import cloudlab.sim.InputException;
import cloudlab.sim.Layout;
import cloudlab.sim.Location;
import cloudlab.sim.Node;
import cloudlab.sim.Num;
import cloudlab.sim.RegionCatalog;
import cloudlab.sim.Rules;
import cloudlab.sim.User;
import cloudlab.sim.VmSpec;

import cloudlab.sim.time.Profile;
import cloudlab.sim.time.VmLoad;
import cloudlab.sim.time.WorkloadReader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a layout document (contract section 1) into a {@link Layout}, enforcing every field rule
 * and R1–R4. The first fault in document order is reported (for one host: R2, then R3, then R4),
 * naming the file, the place ({@code regions[0].zones[1].datacenters[0].hosts[2].cores}) and the rule.
 */
public final class LayoutReader {
    /** The fields each object of a layout may hold, as messages list them. */
    private static final Check.Fields TOP_FIELDS = Check.Fields.of("name", "apps", "regions", "failed", "users");
    private static final Check.Fields APP_FIELDS = Check.Fields.of("name", "minRunning");
    private static final Check.Fields REGION_FIELDS = Check.Fields.of("code", "location", "zones");
    private static final Check.Fields ZONE_FIELDS = Check.Fields.of("id", "datacenters");
    private static final Check.Fields DATACENTER_FIELDS = Check.Fields.of("id", "hosts");
    private static final Check.Fields HOST_FIELDS = Check.Fields.of("id", "hypervisor", "cores", "memoryGiB", "storageGiB",
            "cpuOvercommit", "memoryOvercommit", "hostOsLoad", "vms");
    private static final Check.Fields VM_FIELDS = Check.Fields.of("id", "vcpus", "memoryGiB", "diskGiB", "app", "state",
            "cpuDemand", "activeMemoryGiB", "shares", "reservation", "limit");
    private static final Check.Fields LOCATION_FIELDS = Check.Fields.of("lat", "lon");
    private static final Check.Fields USER_FIELDS = Check.Fields.of("name", "lat", "lon");
    private final RegionCatalog catalog;
    private final Check check;
    private final Set<String> appNames = new HashSet<>();
    private final Map<String, Node.Kind> declared = new HashMap<>();
    private final Set<String> seenIds = new HashSet<>();
    private final Set<String> seenApps = new HashSet<>();
    private final List<Event> apps = new ArrayList<>();
    private final List<Event> infrastructure = new ArrayList<>();
    private final List<Event> failures = new ArrayList<>();
    private final List<Event> people = new ArrayList<>();
    private String name;

    private LayoutReader(RegionCatalog catalog, String source) {
        this.catalog = catalog;
        this.check = new Check(source);
    }

    /** Reads a layout file; the format follows the file's extension. */
    public static Layout read(Path file, RegionCatalog catalog) throws InputException {
        String text = Documents.readText(file);
        String source = file.toString();
        JsonNode tree = Documents.parse(text, Documents.formatOf(source, text), source);
        return fromTree(tree, "", source, catalog);
    }

    /** Reads a layout from text in the given format. */
    public static Layout read(String text, Documents.Format format, String source, RegionCatalog catalog) throws InputException {
        return fromTree(Documents.parse(text, format, source), "", source, catalog);
    }

    /**
     * Reads a layout from a tree; {@code place} is where the tree sits in its document ("" for a
     * whole file, {@code layout} inside an API request) and {@code source} names the file, if any.
     */
    public static Layout fromTree(JsonNode root, String place, String source, RegionCatalog catalog) throws InputException {
        return new LayoutReader(catalog, source).document(root, place);
    }

    private Layout document(JsonNode rootNode, String place) throws InputException {
        ObjectNode root = check.object(rootNode, place, "a layout");
        prescan(root);
        for (Map.Entry<String, JsonNode> f : Check.entries(root)) {
            String p = Check.child(place, f.getKey());
            switch (f.getKey()) {
                case "name" -> {
                    name = check.text(f.getValue(), p);
                    String e = Rules.layoutName(name);
                    if (e != null) throw check.fail(p, e);
                }
                case "apps" -> appList(check.list(f.getValue(), p), p);
                case "regions" -> regionList(check.list(f.getValue(), p), p);
                case "failed" -> failedList(check.list(f.getValue(), p), p);
                case "users" -> userList(check.list(f.getValue(), p), p);
                default -> throw check.unknown(place, f.getKey(), TOP_FIELDS);
            }
        }
        Layout layout = new Layout(catalog);
        if (name != null) layout.apply(new Event.LayoutNamed(name));
        apps.forEach(layout::apply);
        infrastructure.forEach(layout::apply);
        failures.forEach(layout::apply);
        people.forEach(layout::apply);
        return layout;
    }

    /** Learns the declared app names and ids first, so a reference may come before its target. */
    private void prescan(ObjectNode root) {
        for (JsonNode a : root.path("apps")) if (a.path("name").isTextual()) appNames.add(a.path("name").textValue());
        for (JsonNode r : root.path("regions")) {
            declare(r.path("code"), Node.Kind.REGION);
            for (JsonNode z : r.path("zones")) {
                declare(z.path("id"), Node.Kind.ZONE);
                for (JsonNode d : z.path("datacenters")) {
                    declare(d.path("id"), Node.Kind.DATACENTER);
                    for (JsonNode h : d.path("hosts")) {
                        declare(h.path("id"), Node.Kind.HOST);
                        for (JsonNode v : h.path("vms")) declare(v.path("id"), Node.Kind.VM);
                    }
                }
            }
        }
    }

    private void declare(JsonNode id, Node.Kind kind) {
        if (id.isTextual()) declared.putIfAbsent(id.textValue(), kind);
    }

    private String newId(JsonNode n, String place) throws InputException {
        String id = check.text(n, place);
        String e = Rules.id(id);
        if (e != null) throw check.fail(place, e);
        if (!seenIds.add(id)) throw check.fail(place, "duplicate id " + id + "; every id is unique across the document");
        return id;
    }

    private void appList(ArrayNode list, String place) throws InputException {
        for (int i = 0; i < list.size(); i++) {
            String p = Check.item(place, i);
            ObjectNode o = check.object(list.get(i), p, "an app");
            check.required(o, p, APP_FIELDS, "name");
            String appName = null;
            int min = 1;
            for (Map.Entry<String, JsonNode> f : Check.entries(o)) {
                String fp = Check.child(p, f.getKey());
                switch (f.getKey()) {
                    case "name" -> {
                        appName = check.text(f.getValue(), fp);
                        String e = Rules.id(appName);
                        if (e != null) throw check.fail(fp, e);
                        if (!seenApps.add(appName)) throw check.fail(fp, "duplicate app name " + appName);
                    }
                    case "minRunning" -> min = check.whole(f.getValue(), fp, 1, Rules.MAX_MIN_RUNNING);
                    default -> throw check.unknown(p, f.getKey(), APP_FIELDS);
                }
            }
            apps.add(new Event.AppAdded(appName, min));
        }
    }

    private void regionList(ArrayNode list, String place) throws InputException {
        for (int i = 0; i < list.size(); i++) {
            String p = Check.item(place, i);
            ObjectNode o = check.object(list.get(i), p, "a region");
            check.required(o, p, REGION_FIELDS, "code");
            String code = null;
            Location location = null;
            ArrayNode zones = null;
            String zonesPlace = null;
            for (Map.Entry<String, JsonNode> f : Check.entries(o)) {
                String fp = Check.child(p, f.getKey());
                switch (f.getKey()) {
                    case "code" -> code = newId(f.getValue(), fp);
                    case "location" -> location = location(f.getValue(), fp);
                    case "zones" -> {
                        zones = check.list(f.getValue(), fp);
                        zonesPlace = fp;
                    }
                    default -> throw check.unknown(p, f.getKey(), REGION_FIELDS);
                }
            }
            boolean inCatalog = catalog.find(code) != null;
            if (inCatalog && location != null) {
                throw check.fail(Check.child(p, "location"), code + " is in the region catalog and takes its location from there; remove location");
            }
            if (!inCatalog && location == null) {
                throw check.fail(p, code + " is not in the region catalog, so it must carry a location ({lat, lon})");
            }
            infrastructure.add(new Event.RegionAdded(code, location));
            if (zones != null) zoneList(zones, zonesPlace, code);
        }
    }

    private void zoneList(ArrayNode list, String place, String region) throws InputException {
        for (int i = 0; i < list.size(); i++) {
            String p = Check.item(place, i);
            ObjectNode o = check.object(list.get(i), p, "a zone");
            check.required(o, p, ZONE_FIELDS, "id");
            String id = newId(o.get("id"), Check.child(p, "id"));
            infrastructure.add(new Event.ZoneAdded(region, id));
            for (Map.Entry<String, JsonNode> f : Check.entries(o)) {
                String fp = Check.child(p, f.getKey());
                switch (f.getKey()) {
                    case "id" -> { }
                    case "datacenters" -> datacenterList(check.list(f.getValue(), fp), fp, id);
                    default -> throw check.unknown(p, f.getKey(), ZONE_FIELDS);
                }
            }
        }
    }

    private void datacenterList(ArrayNode list, String place, String zone) throws InputException {
        for (int i = 0; i < list.size(); i++) {
            String p = Check.item(place, i);
            ObjectNode o = check.object(list.get(i), p, "a data center");
            check.required(o, p, DATACENTER_FIELDS, "id");
            String id = newId(o.get("id"), Check.child(p, "id"));
            infrastructure.add(new Event.DatacenterAdded(zone, id));
            for (Map.Entry<String, JsonNode> f : Check.entries(o)) {
                String fp = Check.child(p, f.getKey());
                switch (f.getKey()) {
                    case "id" -> { }
                    case "hosts" -> hostList(check.list(f.getValue(), fp), fp, id);
                    default -> throw check.unknown(p, f.getKey(), DATACENTER_FIELDS);
                }
            }
        }
    }

    private void hostList(ArrayNode list, String place, String datacenter) throws InputException {
        for (int i = 0; i < list.size(); i++) {
            String p = Check.item(place, i);
            ObjectNode o = check.object(list.get(i), p, "a host");
            check.required(o, p, HOST_FIELDS, "id", "hypervisor", "cores", "memoryGiB", "storageGiB");
            String id = null;
            Hypervisor hypervisor = null;
            int cores = 0;
            BigDecimal memory = null;
            BigDecimal storage = null;
            BigDecimal cpuOc = BigDecimal.ONE;
            BigDecimal memOc = BigDecimal.ONE;
            for (Map.Entry<String, JsonNode> f : Check.entries(o)) {
                String fp = Check.child(p, f.getKey());
                JsonNode v = f.getValue();
                switch (f.getKey()) {
                    case "id" -> id = newId(v, fp);
                    case "hypervisor" -> {
                        String word = check.text(v, fp);
                        hypervisor = Hypervisor.fromWord(word);
                        if (hypervisor == null) throw check.fail(fp, "must be type1 or type2 (got " + Rules.quote(word) + ")");
                    }
                    case "cores" -> cores = check.whole(v, fp, 1, Rules.MAX_CORES);
                    case "memoryGiB" -> memory = checked(check.decimal(v, fp), Rules.memory(check.decimal(v, fp)), fp);
                    case "storageGiB" -> storage = checked(check.decimal(v, fp), Rules.size(check.decimal(v, fp)), fp);
                    case "cpuOvercommit" -> cpuOc = checked(check.decimal(v, fp), Rules.cpuOvercommit(check.decimal(v, fp)), fp);
                    case "memoryOvercommit" -> memOc = checked(check.decimal(v, fp), Rules.memoryOvercommit(check.decimal(v, fp)), fp);
                    case "vms" -> check.list(v, fp);
                    case WorkloadReader.HOST_FIELD -> { }
                    default -> throw check.unknown(p, f.getKey(), HOST_FIELDS);
                }
            }
            String e = Rules.coresAfterReservation(hypervisor, cores);
            if (e != null) throw check.fail(Check.child(p, "cores"), e);
            e = Rules.memoryAfterReservation(hypervisor, memory);
            if (e != null) throw check.fail(Check.child(p, "memoryGiB"), e);
            Profile hostOs = WorkloadReader.hostOs(o, p, hypervisor, check);
            HostSpec spec = new HostSpec(hypervisor, cores, memory, storage, cpuOc, memOc);
            infrastructure.add(new Event.HostAdded(datacenter, id, spec));
            if (hostOs != null) infrastructure.add(new Event.HostOsLoadSet(id, hostOs));
            if (o.has("vms")) vmList((ArrayNode) o.get("vms"), Check.child(p, "vms"), id, spec, p);
        }
    }

    private BigDecimal checked(BigDecimal value, String problem, String place) throws InputException {
        if (problem != null) throw check.fail(place, problem);
        return value;
    }

    private void vmList(ArrayNode list, String place, String host, HostSpec spec, String hostPlace) throws InputException {
        int vcpus = 0;
        BigDecimal memory = BigDecimal.ZERO;
        BigDecimal disk = BigDecimal.ZERO;
        BigDecimal reserved = BigDecimal.ZERO;
        for (int i = 0; i < list.size(); i++) {
            String p = Check.item(place, i);
            ObjectNode o = check.object(list.get(i), p, "a VM");
            check.required(o, p, VM_FIELDS, "id", "vcpus", "memoryGiB", "diskGiB");
            String id = null;
            int cpu = 0;
            BigDecimal mem = null;
            BigDecimal dsk = null;
            String app = null;
            boolean running = true;
            for (Map.Entry<String, JsonNode> f : Check.entries(o)) {
                String fp = Check.child(p, f.getKey());
                JsonNode v = f.getValue();
                switch (f.getKey()) {
                    case "id" -> id = newId(v, fp);
                    case "vcpus" -> cpu = check.whole(v, fp, 1, Rules.MAX_CORES);
                    case "memoryGiB" -> mem = checked(check.decimal(v, fp), Rules.memory(check.decimal(v, fp)), fp);
                    case "diskGiB" -> dsk = checked(check.decimal(v, fp), Rules.size(check.decimal(v, fp)), fp);
                    case "app" -> {
                        app = check.text(v, fp);
                        if (!appNames.contains(app)) throw check.fail(fp, "names no app in apps (got " + Rules.quote(app) + ")");
                    }
                    case "state" -> {
                        String state = check.text(v, fp);
                        if (!state.equals("running") && !state.equals("stopped")) {
                            throw check.fail(fp, "must be running or stopped (got " + Rules.quote(state) + ")");
                        }
                        running = state.equals("running");
                    }
                    default -> {
                        if (!WorkloadReader.VM_FIELDS.contains(f.getKey())) throw check.unknown(p, f.getKey(), VM_FIELDS);
                    }
                }
            }
            VmLoad load = WorkloadReader.vm(o, p, cpu, mem, check);
            if (load != null && running) reserved = reserved.add(BigDecimal.valueOf(load.reservation()));
            if (running) {
                vcpus += cpu;
                memory = memory.add(mem);
            }
            disk = disk.add(dsk);
            infrastructure.add(new Event.VmAdded(host, id, new VmSpec(cpu, mem, dsk, app, running)));
            if (load != null) infrastructure.add(new Event.VmLoadSet(id, load));
        }
        if (BigDecimal.valueOf(vcpus).compareTo(spec.vcpuCapacity()) > 0) {
            throw check.fail(hostPlace, "host " + host + ": vCPUs needed " + vcpus + ", available " + Num.show(spec.vcpuCapacity())
                    + " (rule R2: running VMs' vCPUs fit in (cores - reserved) x cpuOvercommit)");
        }
        if (memory.compareTo(spec.memoryCapacityGiB()) > 0) {
            throw check.fail(hostPlace, "host " + host + ": memory needed " + Num.show(memory) + " GiB, available "
                    + Num.show(spec.memoryCapacityGiB()) + " GiB (rule R3: running VMs' memory fits in (memoryGiB - reserved) x memoryOvercommit)");
        }
        if (disk.compareTo(spec.storageGiB()) > 0) {
            throw check.fail(hostPlace, "host " + host + ": disk needed " + Num.show(disk) + " GiB, available "
                    + Num.show(spec.storageGiB()) + " GiB (rule R4: all VMs' disks fit in storageGiB)");
        }
        String e = WorkloadReader.reservationProblem(host, spec.cores(), spec.hypervisor(), reserved);
        if (e != null) throw check.fail(hostPlace, e);
    }

    private Location location(JsonNode n, String place) throws InputException {
        ObjectNode o = check.object(n, place, "a location");
        check.required(o, place, LOCATION_FIELDS, "lat", "lon");
        BigDecimal lat = null;
        BigDecimal lon = null;
        for (Map.Entry<String, JsonNode> f : Check.entries(o)) {
            String fp = Check.child(place, f.getKey());
            switch (f.getKey()) {
                case "lat" -> lat = checked(check.decimal(f.getValue(), fp), Rules.latitude(check.decimal(f.getValue(), fp)), fp);
                case "lon" -> lon = checked(check.decimal(f.getValue(), fp), Rules.longitude(check.decimal(f.getValue(), fp)), fp);
                default -> throw check.unknown(place, f.getKey(), LOCATION_FIELDS);
            }
        }
        return new Location(lat, lon);
    }

    private void failedList(ArrayNode list, String place) throws InputException {
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < list.size(); i++) {
            String p = Check.item(place, i);
            String id = check.text(list.get(i), p);
            String problem = failProblem(declared, id);
            if (problem != null) throw check.fail(p, problem);
            if (!seen.add(id)) throw check.fail(p, id + " is listed twice; name each failed id once");
            failures.add(new Event.Failed(id));
        }
    }

    /** Null when the id names something that can fail, else why not. */
    static String failProblem(Map<String, Node.Kind> kinds, String id) {
        Node.Kind kind = kinds.get(id);
        if (kind == null) return "no region, zone, data center or host has the id " + Rules.quote(id);
        if (!kind.canFail()) return id + " is a VM; only regions, zones, data centers and hosts can fail";
        return null;
    }

    private void userList(ArrayNode list, String place) throws InputException {
        for (User u : users(list, place, new HashSet<>(), check)) people.add(new Event.UserPlaced(u.name(), u.location()));
    }

    /**
     * Reads a list of users ({@code {name, lat, lon}}); a name already in {@code taken} (or twice
     * in the list) is refused, and each name read is added to it. Shared by layouts and the API.
     */
    public static List<User> users(JsonNode node, String place, Set<String> taken, String source) throws InputException {
        Check check = new Check(source);
        return users(check.list(node, place), place, taken, check);
    }

    private static List<User> users(ArrayNode list, String place, Set<String> taken, Check check) throws InputException {
        List<User> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String p = Check.item(place, i);
            ObjectNode o = check.object(list.get(i), p, "a user");
            check.required(o, p, USER_FIELDS, "name", "lat", "lon");
            String userName = null;
            BigDecimal lat = null;
            BigDecimal lon = null;
            for (Map.Entry<String, JsonNode> f : Check.entries(o)) {
                String fp = Check.child(p, f.getKey());
                switch (f.getKey()) {
                    case "name" -> {
                        userName = check.text(f.getValue(), fp);
                        String e = Rules.userName(userName);
                        if (e != null) throw check.fail(fp, e);
                        if (!taken.add(userName)) throw check.fail(fp, "duplicate user name " + userName);
                    }
                    case "lat" -> lat = checkedCoordinate(check, f.getValue(), fp, true);
                    case "lon" -> lon = checkedCoordinate(check, f.getValue(), fp, false);
                    default -> throw check.unknown(p, f.getKey(), USER_FIELDS);
                }
            }
            out.add(new User(userName, new Location(lat, lon)));
        }
        return out;
    }

    private static BigDecimal checkedCoordinate(Check check, JsonNode n, String place, boolean latitude) throws InputException {
        BigDecimal v = check.decimal(n, place);
        String e = latitude ? Rules.latitude(v) : Rules.longitude(v);
        if (e != null) throw check.fail(place, e);
        return v;
    }
}

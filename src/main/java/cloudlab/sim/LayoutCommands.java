package cloudlab.sim;

import java.util.ArrayList;
import java.util.List;

/**
 * A layout as the commands that build it from nothing: name, apps, regions down to VMs (each VM
 * added stopped or running as it is, each host and VM followed by its load when it declares one),
 * then failures, then users. Replaying them through the {@link Decider} on an empty layout gives
 * the same layout back.
 */
final class LayoutCommands {
    private LayoutCommands() {
    }

    public static List<Command> commandsFor(Layout layout) {
        List<Command> out = new ArrayList<>();
        if (layout.name() != null) out.add(new Command.SetName(layout.name()));
        for (App a : layout.apps()) out.add(new Command.AddApp(a.name(), a.minRunning()));
        for (Region r : layout.regions()) {
            out.add(new Command.AddRegion(r.code(), r.custom() ? r.location() : null));
            for (Zone z : r.zones.values()) {
                out.add(new Command.AddZone(r.code(), z.id()));
                for (Datacenter d : z.datacenters.values()) {
                    out.add(new Command.AddDatacenter(z.id(), d.id()));
                    for (Host h : d.hosts.values()) {
                        out.add(new Command.AddHost(d.id(), h.id(), h.spec()));
                        if (h.osLoad != null) out.add(new Command.SetHostOsLoad(h.id(), h.osLoad));
                        for (Vm vm : h.vms.values()) {
                            out.add(new Command.AddVm(vm.id(), vm.spec(), h.id(), null));
                            if (vm.load != null) out.add(new Command.SetVmLoad(vm.id(), vm.load));
                        }
                    }
                }
            }
        }
        for (String id : layout.failed()) out.add(new Command.Fail(id));
        for (User u : layout.users()) out.add(new Command.PlaceUser(u.name(), u.location()));
        return out;
    }

    /** The events those commands yield, without deciding anything: the layout is already valid. */
    public static List<Event> eventsFor(Layout layout) {
        List<Event> out = new ArrayList<>();
        if (layout.name() != null) out.add(new Event.LayoutNamed(layout.name()));
        for (App a : layout.apps()) out.add(new Event.AppAdded(a.name(), a.minRunning()));
        for (Region r : layout.regions()) {
            out.add(new Event.RegionAdded(r.code(), r.custom() ? r.location() : null));
            for (Zone z : r.zones.values()) {
                out.add(new Event.ZoneAdded(r.code(), z.id()));
                for (Datacenter d : z.datacenters.values()) {
                    out.add(new Event.DatacenterAdded(z.id(), d.id()));
                    for (Host h : d.hosts.values()) {
                        out.add(new Event.HostAdded(d.id(), h.id(), h.spec()));
                        if (h.osLoad != null) out.add(new Event.HostOsLoadSet(h.id(), h.osLoad));
                        for (Vm vm : h.vms.values()) {
                            out.add(new Event.VmAdded(h.id(), vm.id(), vm.spec()));
                            if (vm.load != null) out.add(new Event.VmLoadSet(vm.id(), vm.load));
                        }
                    }
                }
            }
        }
        for (String id : layout.failed()) out.add(new Event.Failed(id));
        for (User u : layout.users()) out.add(new Event.UserPlaced(u.name(), u.location()));
        return out;
    }

    /**
     * Builds a layout by deciding each command in turn; stops at the first refusal and throws
     * with its reason and the command's position.
     */
    public static Layout build(RegionCatalog catalog, List<Command> commands) {
        Layout layout = new Layout(catalog);
        for (int i = 0; i < commands.size(); i++) {
            Decision d = Decider.decide(layout, commands.get(i));
            if (!d.accepted()) throw new IllegalArgumentException("command " + (i + 1) + " refused: " + d.refusal());
            d.events().forEach(layout::apply);
        }
        return layout;
    }
}

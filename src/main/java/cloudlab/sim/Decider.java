package cloudlab.sim;

import cloudlab.sim.time.LoadRules;

import java.math.BigDecimal;

/**
 * Checks a command against a layout and answers with the events it yields or a refusal. This is
 * where every rule a learner can break by clicking is enforced, so a layout built from accepted
 * commands always keeps R1–R4 and section 1's field rules.
 */
final class Decider {
    private Decider() {
    }

    static Decision decide(Layout s, Command command) {
        try {
            return command.accept(new Deciding(s));
        } catch (Refused r) {
            return Decision.refuse(r.getMessage());
        }
    }

    /** The decision for each kind of command, against one state; a refusal leaves by {@link Refused}. */
    private record Deciding(Layout s) implements Command.Visitor<Decision> {
        @Override
        public Decision setName(Command.SetName c) {
            String name = c.name() == null || c.name().isBlank() ? null : c.name().strip();
            check(Rules.layoutName(name), "the name");
            return Decision.accept(new Event.LayoutNamed(name));
        }

        @Override
        public Decision addApp(Command.AddApp c) {
            check(Rules.id(c.name()), "the app name");
            if (s.app(c.name()) != null) throw new Refused("there is already an app named " + c.name());
            int min = c.minRunning() == null ? 1 : c.minRunning();
            check(Rules.minRunning(min), "minRunning");
            return Decision.accept(new Event.AppAdded(c.name(), min));
        }

        @Override
        public Decision setMinRunning(Command.SetMinRunning c) {
            app(s, c.app());
            check(Rules.minRunning(c.minRunning()), "minRunning");
            return Decision.accept(new Event.AppMinRunningSet(c.app(), c.minRunning()));
        }

        @Override
        public Decision removeApp(Command.RemoveApp c) {
            app(s, c.name());
            return Decision.accept(new Event.AppRemoved(c.name()));
        }

        @Override
        public Decision addRegion(Command.AddRegion c) {
            newId(s, c.code(), "the region code");
            boolean inCatalog = s.catalog().find(c.code()) != null;
            if (inCatalog && c.location() != null) {
                throw new Refused(c.code() + " is in the region catalog and takes its location from there; give no location");
            }
            if (!inCatalog && c.location() == null) {
                throw new Refused(c.code() + " is not in the region catalog, so it needs a location (lat and lon)");
            }
            if (c.location() != null) check(Rules.location(c.location()), "the location's");
            return Decision.accept(new Event.RegionAdded(c.code(), c.location()));
        }

        @Override
        public Decision moveRegion(Command.MoveRegion c) {
            Region r = node(s, c.code(), Region.class);
            if (!r.custom()) throw new Refused(r.code() + " is a catalog region; its location is fixed");
            if (c.location() == null) throw new Refused("a custom region needs a location (lat and lon)");
            check(Rules.location(c.location()), "the location's");
            return Decision.accept(new Event.RegionMoved(c.code(), c.location()));
        }

        @Override
        public Decision removeRegion(Command.RemoveRegion c) {
            node(s, c.code(), Region.class);
            return Decision.accept(new Event.RegionRemoved(c.code()));
        }

        @Override
        public Decision addZone(Command.AddZone c) {
            node(s, c.region(), Region.class);
            newId(s, c.id(), "the zone id");
            return Decision.accept(new Event.ZoneAdded(c.region(), c.id()));
        }

        @Override
        public Decision removeZone(Command.RemoveZone c) {
            node(s, c.id(), Zone.class);
            return Decision.accept(new Event.ZoneRemoved(c.id()));
        }

        @Override
        public Decision addDatacenter(Command.AddDatacenter c) {
            node(s, c.zone(), Zone.class);
            newId(s, c.id(), "the data center id");
            return Decision.accept(new Event.DatacenterAdded(c.zone(), c.id()));
        }

        @Override
        public Decision removeDatacenter(Command.RemoveDatacenter c) {
            node(s, c.id(), Datacenter.class);
            return Decision.accept(new Event.DatacenterRemoved(c.id()));
        }

        @Override
        public Decision addHost(Command.AddHost c) {
            node(s, c.datacenter(), Datacenter.class);
            newId(s, c.id(), "the host id");
            if (c.spec() == null) throw new Refused("a host needs a hypervisor, cores, memory and storage");
            String e = Rules.hostSpec(c.spec());
            if (e != null) throw new Refused(c.id() + ": " + e);
            return Decision.accept(new Event.HostAdded(c.datacenter(), c.id(), c.spec()));
        }

        @Override
        public Decision changeHost(Command.ChangeHost c) {
            Host h = node(s, c.id(), Host.class);
            if (c.spec() == null) throw new Refused("a host needs a hypervisor, cores, memory and storage");
            String e = Rules.hostSpec(c.spec());
            if (e != null) throw new Refused(c.id() + ": " + e);
            check(Capacity.resizeProblem(h, c.spec()));
            check(LoadRules.reservations(h, c.spec(), null, null, false));
            if (h.osLoad() != null && c.spec().hypervisor() != Hypervisor.TYPE2) {
                // a type 1 hypervisor has no host OS: its load goes with it
                return Decision.accept(new Event.HostChanged(c.id(), c.spec()), new Event.HostOsLoadSet(c.id(), null));
            }
            return Decision.accept(new Event.HostChanged(c.id(), c.spec()));
        }

        @Override
        public Decision removeHost(Command.RemoveHost c) {
            node(s, c.id(), Host.class);
            return Decision.accept(new Event.HostRemoved(c.id()));
        }

        @Override
        public Decision addVm(Command.AddVm c) {
            newId(s, c.id(), "the VM id");
            VmSpec vm = c.spec();
            if (vm == null) throw new Refused("a VM needs vCPUs, memory and disk");
            String e = Rules.vmSize(vm.vcpus(), vm.memoryGiB(), vm.diskGiB());
            if (e != null) throw new Refused(c.id() + ": " + e);
            if (vm.app() != null) app(s, vm.app());
            Host host;
            if (c.host() != null) {
                host = node(s, c.host(), Host.class);
                mustBeUp(s, host);
                check(Capacity.problem(host, vm));
            } else {
                Placement.Policy policy = c.policy() == null ? Placement.Policy.FIRST_FIT : c.policy();
                Placement.Choice choice = Placement.choose(s, vm, policy);
                if (choice.host() == null) throw new Refused(choice.refusal());
                host = choice.host();
            }
            return Decision.accept(new Event.VmAdded(host.id(), c.id(), vm));
        }

        @Override
        public Decision resizeVm(Command.ResizeVm c) {
            Vm vm = node(s, c.id(), Vm.class);
            // a command from a request may lack a size; refuse it rather than fail on null
            if (c.memoryGiB() == null || c.diskGiB() == null) throw new Refused("a VM needs vCPUs, memory and disk");
            String e = Rules.vmSize(c.vcpus(), c.memoryGiB(), c.diskGiB());
            if (e != null) throw new Refused(c.id() + ": " + e);
            VmSpec wanted = new VmSpec(c.vcpus(), c.memoryGiB(), c.diskGiB(), vm.app(), vm.running());
            check(Capacity.problem(vm.host(), Capacity.Used.of(vm.host()).without(vm), wanted));
            if (vm.load() != null) {
                String lost = LoadRules.vm(vm.id(), vm.load(), c.vcpus(), c.memoryGiB());
                if (lost != null) throw new Refused(lost + " after the resize; change its load first");
            }
            return Decision.accept(new Event.VmResized(c.id(), c.vcpus(), c.memoryGiB(), c.diskGiB()));
        }

        @Override
        public Decision removeVm(Command.RemoveVm c) {
            node(s, c.id(), Vm.class);
            return Decision.accept(new Event.VmRemoved(c.id()));
        }

        @Override
        public Decision startVm(Command.StartVm c) {
            Vm vm = node(s, c.id(), Vm.class);
            if (vm.running()) throw new Refused(vm.id() + " is already running");
            mustBeUp(s, vm.host());
            check(Capacity.problem(vm.host(), Capacity.Used.of(vm.host()).without(vm), vm.spec().withRunning(true)));
            check(LoadRules.reservations(vm.host(), vm.host().spec(), vm, vm.load(), true));
            return Decision.accept(new Event.VmStarted(c.id()));
        }

        @Override
        public Decision stopVm(Command.StopVm c) {
            Vm vm = node(s, c.id(), Vm.class);
            if (!vm.running()) throw new Refused(vm.id() + " is already stopped");
            return Decision.accept(new Event.VmStopped(c.id()));
        }

        @Override
        public Decision migrateVm(Command.MigrateVm c) {
            Vm vm = node(s, c.id(), Vm.class);
            Host to = node(s, c.host(), Host.class);
            if (to == vm.host()) throw new Refused(vm.id() + " is already on " + to.id());
            String cause = s.downBecause(vm.host());
            if (cause != null) {
                throw new Refused(vm.id() + " cannot move: its host " + vm.host().id() + " is down (" + cause
                        + " failed), and a VM's memory and disk go down with its host");
            }
            mustBeUp(s, to);
            check(Capacity.problem(to, vm.spec()));
            check(LoadRules.reservations(to, to.spec(), vm, vm.load(), vm.running()));
            return Decision.accept(new Event.VmMigrated(c.id(), c.host()));
        }

        @Override
        public Decision setVmApp(Command.SetVmApp c) {
            Vm vm = node(s, c.id(), Vm.class);
            String app = c.app() == null || c.app().isEmpty() ? null : c.app();
            if (app != null) app(s, app);
            if (java.util.Objects.equals(app, vm.app())) {
                throw new Refused(vm.id() + (app == null ? " serves no app already" : " already serves " + app));
            }
            return Decision.accept(new Event.VmAppSet(c.id(), app));
        }

        @Override
        public Decision rename(Command.Rename c) {
            Node n = node(s, c.id(), Node.class);
            if (n instanceof Region) throw new Refused("a region's code cannot change: add a new region instead");
            newId(s, c.newId(), "the new id");
            return Decision.accept(new Event.NodeRenamed(c.id(), c.newId()));
        }

        @Override
        public Decision fail(Command.Fail c) {
            Node n = node(s, c.id(), Node.class);
            if (!n.kind().canFail()) {
                throw new Refused(c.id() + " is a VM; only regions, zones, data centers and hosts can fail");
            }
            if (s.failed().contains(c.id())) throw new Refused(c.id() + " has already failed");
            return Decision.accept(new Event.Failed(c.id()));
        }

        @Override
        public Decision restore(Command.Restore c) {
            node(s, c.id(), Node.class);
            if (!s.failed().contains(c.id())) throw new Refused(c.id() + " has not failed, so there is nothing to restore");
            return Decision.accept(new Event.Restored(c.id()));
        }

        @Override
        public Decision placeUser(Command.PlaceUser c) {
            check(Rules.userName(c.name()), "the user name");
            if (c.location() == null) throw new Refused("a user needs a location (lat and lon)");
            check(Rules.location(c.location()), "the location's");
            return Decision.accept(new Event.UserPlaced(c.name(), c.location()));
        }

        @Override
        public Decision removeUser(Command.RemoveUser c) {
            if (s.user(c.name()) == null) throw new Refused("there is no user named " + c.name());
            return Decision.accept(new Event.UserRemoved(c.name()));
        }

        @Override
        public Decision setVmLoad(Command.SetVmLoad c) {
            Vm vm = node(s, c.id(), Vm.class);
            if (c.load() != null) {
                check(LoadRules.vm(vm.id(), c.load(), vm.vcpus(), vm.memoryGiB()));
                check(LoadRules.reservations(vm.host(), vm.host().spec(), vm, c.load(), vm.running()));
            }
            return Decision.accept(new Event.VmLoadSet(c.id(), c.load()));
        }

        @Override
        public Decision setHostOsLoad(Command.SetHostOsLoad c) {
            Host h = node(s, c.id(), Host.class);
            if (c.load() != null) check(LoadRules.hostOs(h.id(), h.spec(), c.load()));
            return Decision.accept(new Event.HostOsLoadSet(c.id(), c.load()));
        }
    }

    private static void check(String problem) {
        if (problem != null) throw new Refused(problem);
    }

    private static void check(String problem, String field) {
        if (problem != null) throw new Refused(field + " " + problem);
    }

    private static App app(Layout s, String name) {
        App a = s.app(name);
        if (a == null) throw new Refused("there is no app named " + name + "; add it first");
        return a;
    }

    private static void newId(Layout s, String id, String what) {
        check(Rules.id(id), what);
        Node taken = s.node(id);
        if (taken != null) throw new Refused("the id " + id + " is taken by " + taken.kind().withArticle() + "; ids are unique across the layout");
    }

    private static <T extends Node> T node(Layout s, String id, Class<T> type) {
        Node n = id == null ? null : s.node(id);
        String want = kindWord(type);
        if (n == null) throw new Refused("there is no " + want + " " + (id == null ? "(none given)" : id));
        if (!type.isInstance(n)) throw new Refused(id + " is " + n.kind().withArticle() + ", not " + ("a " + want));
        return type.cast(n);
    }

    private static String kindWord(Class<? extends Node> type) {
        if (type == Region.class) return "region";
        if (type == Zone.class) return "zone";
        if (type == Datacenter.class) return "data center";
        if (type == Host.class) return "host";
        if (type == Vm.class) return "VM";
        return "region, zone, data center, host or VM with the id";
    }

    private static void mustBeUp(Layout s, Host host) {
        String cause = s.downBecause(host);
        if (cause != null) {
            throw new Refused(host.id() + " is down (" + (cause.equals(host.id()) ? "it" : cause) + " failed): restore it first");
        }
    }

    /** A refusal on its way out of a decision; never leaves this class. */
    private static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message, null, false, false);
        }
    }
}

package cloudlab.sim;

import cloudlab.sim.document.LayoutWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static cloudlab.sim.Layouts.yaml;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each command kind, accepted with its events or refused with a reason that changes nothing. */
class DeciderTest {
    static final String BASE = """
            apps: [{name: shop, minRunning: 1}, {name: blog}]
            regions:
              - code: us-east-1
                zones:
                  - id: z1
                    datacenters:
                      - id: dc1
                        hosts:
                          - id: h1
                            hypervisor: type1
                            cores: 4
                            memoryGiB: 10
                            storageGiB: 100
                            vms:
                              - {id: web-1, vcpus: 2, memoryGiB: 4, diskGiB: 20, app: shop}
                              - {id: cold, vcpus: 4, memoryGiB: 8, diskGiB: 10, state: stopped}
                          - {id: h2, hypervisor: type2, cores: 3, memoryGiB: 8, storageGiB: 50}
                  - id: z2
                    datacenters:
                      - id: dc2
                        hosts:
                          - {id: h3, hypervisor: type1, cores: 8, memoryGiB: 18, storageGiB: 200}
              - code: lab-north
                location: {lat: 59.33, lon: 18.07}
            users: [{name: anna, lat: 0, lon: 0}]
            """;

    static final HostSpec SMALL = HostSpec.of(Hypervisor.TYPE1, 2, 4, 10);

    Layout base() {
        return yaml(BASE);
    }

    /** Decides on the base layout, which must not change whatever the answer. */
    Decision decide(Layout l, Command c) {
        ObjectNode before = LayoutWriter.toTree(l);
        Decision d = Decider.decide(l, c);
        assertEquals(before, LayoutWriter.toTree(l), "deciding changed the layout");
        return d;
    }

    List<Event> accepted(Command c) {
        return accepted(base(), c);
    }

    List<Event> accepted(Layout l, Command c) {
        Decision d = decide(l, c);
        assertTrue(d.accepted(), () -> "refused: " + d.refusal());
        return d.events();
    }

    String refused(Command c) {
        return refused(base(), c);
    }

    String refused(Layout l, Command c) {
        Decision d = decide(l, c);
        assertFalse(d.accepted(), () -> "accepted: " + d.events());
        assertTrue(d.events().isEmpty());
        return d.refusal();
    }

    static Layout after(Layout l, Command c) {
        Decision d = Decider.decide(l, c);
        assertTrue(d.accepted(), () -> "refused: " + d.refusal());
        d.events().forEach(l::apply);
        return l;
    }

    @Test
    void aRefusalInAHistoryChangesNothing() {
        History h = History.of(RegionCatalog.builtIn(), List.of());
        for (Event e : LayoutCommands.eventsFor(base())) h.state().apply(e);
        ObjectNode before = LayoutWriter.toTree(h.state());
        Decision d = h.submit(new Command.AddVm("big", VmSpec.of(64, 1, 1), "h1", null));
        assertFalse(d.accepted());
        assertEquals(before, LayoutWriter.toTree(h.state()));
        assertEquals(0, h.position());
        assertTrue(h.entries().isEmpty());
    }

    @Nested
    class NameAndApps {
        @Test
        void setNameStripsAndBlankClears() {
            assertEquals(List.of(new Event.LayoutNamed("my lab")), accepted(new Command.SetName("  my lab ")));
            assertEquals(List.of(new Event.LayoutNamed(null)), accepted(new Command.SetName("   ")));
            assertEquals("the name must be at most 200 characters (got 201)", refused(new Command.SetName("x".repeat(201))));
        }

        @Test
        void addAppDefaultsMinRunningToOne() {
            assertEquals(List.of(new Event.AppAdded("api", 1)), accepted(new Command.AddApp("api", null)));
            assertEquals(List.of(new Event.AppAdded("api", 3)), accepted(new Command.AddApp("api", 3)));
        }

        @Test
        void addAppRefusesDuplicatesBadNamesAndBadCounts() {
            assertEquals("there is already an app named shop", refused(new Command.AddApp("shop", null)));
            assertEquals("the app name must be 1 to 64 letters, digits, '.', '_' or '-' (got \"my app\")",
                    refused(new Command.AddApp("my app", null)));
            assertEquals("minRunning must be a whole number from 1 to 100000 (got 0)", refused(new Command.AddApp("api", 0)));
        }

        @Test
        void setMinRunningNeedsAnExistingApp() {
            assertEquals(List.of(new Event.AppMinRunningSet("shop", 2)), accepted(new Command.SetMinRunning("shop", 2)));
            assertEquals("there is no app named api; add it first", refused(new Command.SetMinRunning("api", 2)));
            assertEquals("minRunning must be a whole number from 1 to 100000 (got 100001)",
                    refused(new Command.SetMinRunning("shop", 100_001)));
        }

        @Test
        void removingAnAppLeavesItsVmsServingNoApp() {
            Layout l = after(base(), new Command.RemoveApp("shop"));
            assertNull(l.app("shop"));
            assertNull(l.node("web-1", Vm.class).app());
            assertEquals("there is no app named api; add it first", refused(new Command.RemoveApp("api")));
        }
    }

    @Nested
    class Infrastructure {
        @Test
        void addRegionTakesACatalogCodeWithoutLocationOrACustomOneWithIt() {
            assertEquals(List.of(new Event.RegionAdded("eu-west-1", null)), accepted(new Command.AddRegion("eu-west-1", null)));
            Location l = Location.of("1", "2");
            assertEquals(List.of(new Event.RegionAdded("lab-south", l)), accepted(new Command.AddRegion("lab-south", l)));
            assertEquals("eu-west-1 is in the region catalog and takes its location from there; give no location",
                    refused(new Command.AddRegion("eu-west-1", l)));
            assertEquals("lab-south is not in the region catalog, so it needs a location (lat and lon)",
                    refused(new Command.AddRegion("lab-south", null)));
            assertEquals("the location's lat must be from -90 to 90 (got 91)",
                    refused(new Command.AddRegion("lab-south", Location.of("91", "0"))));
        }

        @Test
        void idsAreUniqueAcrossKinds() {
            assertEquals("the id us-east-1 is taken by a region; ids are unique across the layout",
                    refused(new Command.AddRegion("us-east-1", null)));
            assertEquals("the id h1 is taken by a host; ids are unique across the layout", refused(new Command.AddZone("us-east-1", "h1")));
            assertEquals("the id web-1 is taken by a VM; ids are unique across the layout",
                    refused(new Command.AddDatacenter("z1", "web-1")));
            assertEquals("the id z2 is taken by a zone; ids are unique across the layout",
                    refused(new Command.AddHost("dc1", "z2", SMALL)));
            assertEquals("the VM id must be 1 to 64 letters, digits, '.', '_' or '-' (got nothing)",
                    refused(new Command.AddVm(null, VmSpec.of(1, 1, 1), "h1", null)));
        }

        @Test
        void moveRegionOnlyMovesCustomRegions() {
            Location l = Location.of("60", "20");
            assertEquals(List.of(new Event.RegionMoved("lab-north", l)), accepted(new Command.MoveRegion("lab-north", l)));
            assertEquals("us-east-1 is a catalog region; its location is fixed", refused(new Command.MoveRegion("us-east-1", l)));
            assertEquals("there is no region nope", refused(new Command.MoveRegion("nope", l)));
            assertEquals("z1 is a zone, not a region", refused(new Command.MoveRegion("z1", l)));
            assertEquals("a custom region needs a location (lat and lon)", refused(new Command.MoveRegion("lab-north", null)));
        }

        @Test
        void removeRegionTakesEverythingInItAndItsFailures() {
            Layout l = after(after(base(), new Command.Fail("h3")), new Command.RemoveRegion("us-east-1"));
            assertNull(l.node("web-1"));
            assertNull(l.node("z2"));
            assertTrue(l.failed().isEmpty());
            assertEquals("z1 is a zone, not a region", refused(new Command.RemoveRegion("z1")));
        }

        @Test
        void addAndRemoveZonesAndDatacentersNeedTheRightKindOfParent() {
            assertEquals(List.of(new Event.ZoneAdded("lab-north", "z9")), accepted(new Command.AddZone("lab-north", "z9")));
            assertEquals("dc1 is a data center, not a region", refused(new Command.AddZone("dc1", "z9")));
            assertEquals("there is no region (none given)", refused(new Command.AddZone(null, "z9")));
            assertEquals(List.of(new Event.DatacenterAdded("z2", "dc9")), accepted(new Command.AddDatacenter("z2", "dc9")));
            assertEquals("us-east-1 is a region, not a zone", refused(new Command.AddDatacenter("us-east-1", "dc9")));
            assertEquals(List.of(new Event.ZoneRemoved("z1")), accepted(new Command.RemoveZone("z1")));
            assertEquals("h1 is a host, not a zone", refused(new Command.RemoveZone("h1")));
            assertEquals(List.of(new Event.DatacenterRemoved("dc2")), accepted(new Command.RemoveDatacenter("dc2")));
            assertEquals("there is no data center dc9", refused(new Command.RemoveDatacenter("dc9")));
        }

        @Test
        void addHostChecksTheSpecAndR1() {
            assertEquals(List.of(new Event.HostAdded("dc2", "h4", SMALL)), accepted(new Command.AddHost("dc2", "h4", SMALL)));
            assertEquals("h4: cores must be more than the 1 core a type2 hypervisor keeps for itself (got 1)",
                    refused(new Command.AddHost("dc2", "h4", HostSpec.of(Hypervisor.TYPE2, 1, 8, 10))));
            assertEquals("h4: memoryGiB must be more than the 4 GiB a type2 hypervisor keeps for itself (got 4)",
                    refused(new Command.AddHost("dc2", "h4", HostSpec.of(Hypervisor.TYPE2, 2, 4, 10))));
            assertEquals("h4: cpuOvercommit must be from 1.0 to 16.0 (got 17)", refused(new Command.AddHost("dc2", "h4",
                    new HostSpec(Hypervisor.TYPE1, 2, BigDecimal.TEN, BigDecimal.TEN, new BigDecimal("17"), null))));
            assertEquals("a host needs a hypervisor, cores, memory and storage", refused(new Command.AddHost("dc2", "h4", null)));
            assertEquals("z2 is a zone, not a data center", refused(new Command.AddHost("z2", "h4", SMALL)));
        }

        @Test
        void changeHostKeepsItsVmsFitting() {
            HostSpec bigger = HostSpec.of(Hypervisor.TYPE1, 8, 16, 100);
            assertEquals(List.of(new Event.HostChanged("h1", bigger)), accepted(new Command.ChangeHost("h1", bigger)));
            assertEquals("h1's running VMs use 2 vCPUs; the new size leaves room for 1",
                    refused(new Command.ChangeHost("h1", HostSpec.of(Hypervisor.TYPE2, 2, 16, 100))));
            assertEquals("h1's running VMs use 4 GiB of memory; the new size leaves room for 3 GiB",
                    refused(new Command.ChangeHost("h1", HostSpec.of(Hypervisor.TYPE1, 4, 5, 100))));
            assertEquals("h1's VMs use 30 GiB of disk; the new size has 29 GiB",
                    refused(new Command.ChangeHost("h1", HostSpec.of(Hypervisor.TYPE1, 4, 10, 29))));
            assertEquals("web-1 is a VM, not a host", refused(new Command.ChangeHost("web-1", bigger)));
        }

        @Test
        void removeHostTakesItsVms() {
            Layout l = after(base(), new Command.RemoveHost("h1"));
            assertNull(l.node("web-1"));
            assertEquals(2, l.hosts().size());
            assertEquals("there is no host h9", refused(new Command.RemoveHost("h9")));
        }
    }

    @Nested
    class Vms {
        @Test
        void addVmToANamedHostThatHasRoom() {
            VmSpec spec = VmSpec.of(2, 4, 70).withApp("shop");
            assertEquals(List.of(new Event.VmAdded("h1", "web-2", spec)), accepted(new Command.AddVm("web-2", spec, "h1", null)));
        }

        @Test
        void capacityRefusalsNameTheHostAndBothNumbers() {
            assertEquals("h1 has 2 of the 4 vCPUs this VM needs", refused(new Command.AddVm("x", VmSpec.of(4, 1, 1), "h1", null)));
            assertEquals("h1 has 4 GiB of the 4.5 GiB of memory this VM needs (the hypervisor keeps 2 GiB)",
                    refused(new Command.AddVm("x", VmSpec.of(1, 4.5, 1), "h1", null)));
            assertEquals("h1 has 70 GiB of the 70.001 GiB of disk this VM needs",
                    refused(new Command.AddVm("x", new VmSpec(1, BigDecimal.ONE, new BigDecimal("70.001"), null, true), "h1", null)));
            assertEquals("h2 has 2 of the 3 vCPUs this VM needs (type 2 keeps 1 core for the host OS)",
                    refused(new Command.AddVm("x", VmSpec.of(3, 1, 1), "h2", null)));
            assertEquals("type 2 keeps 4 GiB for the host OS: h2 has 4 GiB free, this VM needs 5",
                    refused(new Command.AddVm("x", VmSpec.of(1, 5, 1), "h2", null)));
        }

        @Test
        void aStoppedVmNeedsOnlyDisk() {
            VmSpec stopped = VmSpec.of(64, 1000, 70).withRunning(false);
            assertEquals(List.of(new Event.VmAdded("h1", "x", stopped)), accepted(new Command.AddVm("x", stopped, "h1", null)));
        }

        @Test
        void addVmRefusesUnknownHostsWrongKindsUnknownAppsAndBadSizes() {
            VmSpec spec = VmSpec.of(1, 1, 1);
            assertEquals("there is no host h9", refused(new Command.AddVm("x", spec, "h9", null)));
            assertEquals("dc1 is a data center, not a host", refused(new Command.AddVm("x", spec, "dc1", null)));
            assertEquals("there is no app named api; add it first", refused(new Command.AddVm("x", spec.withApp("api"), "h1", null)));
            assertEquals("x: vcpus must be a whole number from 1 to 4096 (got 0)", refused(new Command.AddVm("x", VmSpec.of(0, 1, 1), "h1", null)));
            assertEquals("x: memoryGiB must have at most 3 digits after the point (got 0.0001)",
                    refused(new Command.AddVm("x", new VmSpec(1, new BigDecimal("0.0001"), BigDecimal.ONE, null, true), "h1", null)));
            assertEquals("the id web-1 is taken by a VM; ids are unique across the layout",
                    refused(new Command.AddVm("web-1", spec, "h3", null)));
            assertEquals("a VM needs vCPUs, memory and disk", refused(new Command.AddVm("x", null, "h1", null)));
        }

        @Test
        void addVmToADownHostIsRefused() {
            Layout l = after(base(), new Command.Fail("z2"));
            assertEquals("h3 is down (z2 failed): restore it first", refused(l, new Command.AddVm("x", VmSpec.of(1, 1, 1), "h3", null)));
            Layout h = after(base(), new Command.Fail("h3"));
            assertEquals("h3 is down (it failed): restore it first", refused(h, new Command.AddVm("x", VmSpec.of(1, 1, 1), "h3", null)));
        }

        @Test
        void resizeVmCountsTheRoomItAlreadyHas() {
            assertEquals(List.of(new Event.VmResized("web-1", 4, new BigDecimal("8"), new BigDecimal("90"))),
                    accepted(new Command.ResizeVm("web-1", 4, new BigDecimal("8"), new BigDecimal("90"))));
            assertEquals("h1 has 4 of the 5 vCPUs this VM needs",
                    refused(new Command.ResizeVm("web-1", 5, BigDecimal.ONE, BigDecimal.ONE)));
            assertEquals("h1 has 90 GiB of the 90.5 GiB of disk this VM needs",
                    refused(new Command.ResizeVm("web-1", 1, BigDecimal.ONE, new BigDecimal("90.5"))));
            assertEquals("there is no VM nope", refused(new Command.ResizeVm("nope", 1, BigDecimal.ONE, BigDecimal.ONE)));
        }

        @Test
        void resizeVmWithoutMemoryOrDiskIsRefusedNotACrash() {
            assertEquals("a VM needs vCPUs, memory and disk", refused(new Command.ResizeVm("web-1", 1, null, BigDecimal.ONE)));
            assertEquals("a VM needs vCPUs, memory and disk", refused(new Command.ResizeVm("web-1", 1, BigDecimal.ONE, null)));
        }

        @Test
        void removeVm() {
            assertEquals(List.of(new Event.VmRemoved("cold")), accepted(new Command.RemoveVm("cold")));
            assertEquals("h1 is a host, not a VM", refused(new Command.RemoveVm("h1")));
        }

        @Test
        void startAndStopAreRefusedWhenNothingWouldChange() {
            assertEquals("web-1 is already running", refused(new Command.StartVm("web-1")));
            assertEquals("cold is already stopped", refused(new Command.StopVm("cold")));
            assertEquals(List.of(new Event.VmStopped("web-1")), accepted(new Command.StopVm("web-1")));
        }

        @Test
        void startingAVmNeedsRoomForItsCpuAndMemory() {
            assertEquals("h1 has 2 of the 4 vCPUs this VM needs", refused(new Command.StartVm("cold")));
            Layout l = after(base(), new Command.StopVm("web-1"));
            assertEquals(List.of(new Event.VmStarted("cold")), accepted(l, new Command.StartVm("cold")));
        }

        @Test
        void startingAVmOnADownHostIsRefused() {
            Layout l = after(after(base(), new Command.StopVm("web-1")), new Command.Fail("dc1"));
            assertEquals("h1 is down (dc1 failed): restore it first", refused(l, new Command.StartVm("web-1")));
        }

        @Test
        void migrateMovesAVmToAnUpHostWithRoom() {
            assertEquals(List.of(new Event.VmMigrated("web-1", "h3")), accepted(new Command.MigrateVm("web-1", "h3")));
            assertEquals("web-1 is already on h1", refused(new Command.MigrateVm("web-1", "h1")));
            assertEquals("h2 has 2 of the 4 vCPUs this VM needs (type 2 keeps 1 core for the host OS)",
                    refused(after(base(), new Command.ResizeVm("web-1", 4, BigDecimal.ONE, BigDecimal.ONE)), new Command.MigrateVm("web-1", "h2")));
            assertEquals("z2 is a zone, not a host", refused(new Command.MigrateVm("web-1", "z2")));
        }

        @Test
        void migrateToADownHostIsRefused() {
            Layout l = after(base(), new Command.Fail("us-east-1"));
            Layout onlyTarget = after(base(), new Command.Fail("z2"));
            assertEquals("h3 is down (z2 failed): restore it first", refused(onlyTarget, new Command.MigrateVm("web-1", "h3")));
            assertEquals("web-1 cannot move: its host h1 is down (us-east-1 failed), and a VM's memory and disk go down with its host",
                    refused(l, new Command.MigrateVm("web-1", "h3")));
        }

        @Test
        void setVmAppTagsAndUntags() {
            assertEquals(List.of(new Event.VmAppSet("web-1", "blog")), accepted(new Command.SetVmApp("web-1", "blog")));
            assertEquals(List.of(new Event.VmAppSet("web-1", null)), accepted(new Command.SetVmApp("web-1", null)));
            assertEquals("web-1 already serves shop", refused(new Command.SetVmApp("web-1", "shop")));
            assertEquals("cold serves no app already", refused(new Command.SetVmApp("cold", "")));
            assertEquals("there is no app named api; add it first", refused(new Command.SetVmApp("web-1", "api")));
        }
    }

    @Nested
    class RenameFailAndUsers {
        @Test
        void renameKeepsPlaceAndFailure() {
            Layout l = after(after(base(), new Command.Fail("h1")), new Command.Rename("h1", "h1b"));
            assertEquals(List.of("h1b"), List.copyOf(l.failed()));
            assertEquals(List.of("h1b", "h2", "h3"), l.hosts().stream().map(Host::id).toList());
            assertEquals("h1b", l.node("web-1", Vm.class).host().id());
        }

        @Test
        void renameRefusesRegionsAndTakenIds() {
            assertEquals("a region's code cannot change: add a new region instead", refused(new Command.Rename("us-east-1", "x")));
            assertEquals("the id h2 is taken by a host; ids are unique across the layout", refused(new Command.Rename("h1", "h2")));
            assertEquals("there is no region, zone, data center, host or VM with the id nope", refused(new Command.Rename("nope", "x")));
        }

        @Test
        void failingAVmIsRefused() {
            assertEquals("web-1 is a VM; only regions, zones, data centers and hosts can fail", refused(new Command.Fail("web-1")));
        }

        @Test
        void failAndRestore() {
            assertEquals(List.of(new Event.Failed("z1")), accepted(new Command.Fail("z1")));
            Layout l = after(base(), new Command.Fail("z1"));
            assertEquals("z1 has already failed", refused(l, new Command.Fail("z1")));
            assertEquals(List.of(new Event.Restored("z1")), accepted(l, new Command.Restore("z1")));
            assertEquals("z1 has not failed, so there is nothing to restore", refused(new Command.Restore("z1")));
            assertEquals("there is no region, zone, data center, host or VM with the id nope", refused(new Command.Fail("nope")));
        }

        @Test
        void placeUserAddsOrMovesAndRemoveUserNeedsOne() {
            Location l = Location.of("1", "1");
            assertEquals(List.of(new Event.UserPlaced("anna", l)), accepted(new Command.PlaceUser("anna", l)));
            Layout moved = after(after(base(), new Command.PlaceUser("bob", l)), new Command.PlaceUser("anna", l));
            assertEquals(List.of("anna", "bob"), moved.users().stream().map(User::name).toList());
            assertEquals("a user needs a location (lat and lon)", refused(new Command.PlaceUser("bob", null)));
            assertEquals("the location's lon must be from -180 to 180 (got 181)", refused(new Command.PlaceUser("bob", Location.of("0", "181"))));
            assertEquals("the user name must be 1 to 64 characters (got \"\")", refused(new Command.PlaceUser("", l)));
            assertEquals(List.of(new Event.UserRemoved("anna")), accepted(new Command.RemoveUser("anna")));
            assertEquals("there is no user named bob", refused(new Command.RemoveUser("bob")));
        }
    }
}

package cloudlab.sim;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;

import static cloudlab.sim.Layouts.yaml;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The three placement policies on crafted layouts, and their refusals. */
class PlacementTest {
    /** A catalog region with one zone per argument; each zone one data center holding the given host lines. */
    static Layout zones(String failed, String... zoneHosts) {
        StringBuilder sb = new StringBuilder("apps: [{name: shop}, {name: blog}]\nregions:\n  - code: us-east-1\n    zones:\n");
        for (int z = 0; z < zoneHosts.length; z++) {
            sb.append("      - id: z").append(z + 1).append("\n        datacenters:\n          - id: dc").append(z + 1)
                    .append("\n            hosts:\n").append(zoneHosts[z]);
        }
        sb.append("failed: [").append(failed).append("]\n");
        return yaml(sb.toString());
    }

    /** A type 1 host line with 4 GiB of memory per core, room for 100 GiB of disk. */
    static String host(String id, int cores, String... vms) {
        return "              - {id: " + id + ", hypervisor: type1, cores: " + cores + ", memoryGiB: " + (cores * 4 + 2)
                + ", storageGiB: 100, vms: [" + String.join(", ", vms) + "]}\n";
    }

    static String vm(String id, int vcpus, String app) {
        return "{id: " + id + ", vcpus: " + vcpus + ", memoryGiB: 1, diskGiB: 1" + (app == null ? "" : ", app: " + app) + "}";
    }

    static String chosen(Layout l, VmSpec vm, Placement.Policy p) {
        Placement.Choice c = Placement.choose(l, vm, p);
        assertNull(c.refusal());
        return c.host().id();
    }

    static final VmSpec TWO = VmSpec.of(2, 1, 1);

    @Nested
    class FirstFit {
        @Test
        void takesTheFirstHostInDocumentOrderWithRoom() {
            Layout l = zones("", host("h1", 2, vm("a", 1, null)) + host("h2", 4), host("h3", 8));
            assertEquals("h2", chosen(l, TWO, Placement.Policy.FIRST_FIT));
        }

        @Test
        void skipsDownHosts() {
            Layout l = zones("h2", host("h1", 2, vm("a", 1, null)) + host("h2", 4), host("h3", 8));
            assertEquals("h3", chosen(l, TWO, Placement.Policy.FIRST_FIT));
        }

        @Test
        void isTheDecidersDefaultWhenNoHostIsNamed() {
            Layout l = zones("", host("h1", 2, vm("a", 1, null)) + host("h2", 4), host("h3", 8));
            Decision d = Decider.decide(l, new Command.AddVm("x", TWO, null, null));
            assertEquals(List.of(new Event.VmAdded("h2", "x", TWO)), d.events());
        }
    }

    @Nested
    class BestFit {
        @Test
        void takesTheHostLeftWithFewestFreeVcpus() {
            Layout l = zones("", host("h1", 8) + host("h2", 8, vm("a", 5, null)), host("h3", 4));
            assertEquals("h2", chosen(l, TWO, Placement.Policy.BEST_FIT));
        }

        @Test
        void breaksAVcpuTieByLeastFreeMemory() {
            // h1 and h2 both keep 1 vCPU free; h2 has less memory free
            Layout l = zones("", host("h1", 3) + host("h2", 8, "{id: a, vcpus: 5, memoryGiB: 22, diskGiB: 1}"));
            assertEquals("h2", chosen(l, TWO, Placement.Policy.BEST_FIT));
        }

        @Test
        void breaksAFullTieByDocumentOrder() {
            Layout l = zones("", host("h1", 8), host("h2", 4) + host("h3", 4));
            assertEquals("h2", chosen(l, TWO, Placement.Policy.BEST_FIT));
        }

        @Test
        void skipsDownHosts() {
            Layout l = zones("z2", host("h1", 8), host("h2", 4) + host("h3", 4));
            assertEquals("h1", chosen(l, TWO, Placement.Policy.BEST_FIT));
        }

        @Test
        void isUsedByTheDeciderWhenAsked() {
            Layout l = zones("", host("h1", 8), host("h2", 4));
            assertEquals(List.of(new Event.VmAdded("h2", "x", TWO)),
                    Decider.decide(l, new Command.AddVm("x", TWO, null, Placement.Policy.BEST_FIT)).events());
        }
    }

    @Nested
    class Spread {
        // z1: 2 shop VMs; z2: 1 shop and 2 blog VMs; z3: 1 shop VM on a full h3, and an empty h4
        Layout three(String failed) {
            return zones(failed,
                    host("h1", 8, vm("s1", 1, "shop"), vm("s2", 1, "shop")),
                    host("h2", 8, vm("s3", 1, "shop"), vm("b1", 1, "blog"), vm("b2", 1, "blog")),
                    host("h3", 2, vm("s4", 2, "shop"), "{id: s5, vcpus: 1, memoryGiB: 1, diskGiB: 1, app: shop, state: stopped}")
                            + host("h4", 4));
        }

        @Test
        void takesTheZoneWithFewestVmsOfTheSameAppThenOfAnyAppThenFirstFitInside() {
            assertEquals("h4", chosen(three(""), TWO.withApp("shop"), Placement.Policy.SPREAD));
        }

        @Test
        void aVmOfAnotherAppGoesWhereThatAppIsThinnest() {
            assertEquals("h4", chosen(three(""), TWO.withApp("blog"), Placement.Policy.SPREAD));
            Layout l = zones("", host("h1", 8, vm("b1", 1, "blog")), host("h2", 8, vm("s1", 1, "shop"), vm("s2", 1, "shop")));
            assertEquals("h2", chosen(l, TWO.withApp("blog"), Placement.Policy.SPREAD));
        }

        @Test
        void aVmWithNoAppGoesWhereFewestVmsRun() {
            Layout l = zones("", host("h1", 8, vm("a", 1, null), vm("b", 1, null)), host("h2", 8, vm("c", 1, "shop")));
            assertEquals("h2", chosen(l, TWO, Placement.Policy.SPREAD));
        }

        @Test
        void skipsAZoneWhereNothingFits() {
            assertEquals("h2", chosen(three(""), VmSpec.of(5, 1, 1).withApp("shop"), Placement.Policy.SPREAD));
        }

        @Test
        void skipsDownHostsAndCountsOnlyVmsThatRun() {
            assertEquals("h2", chosen(three("z3"), TWO.withApp("shop"), Placement.Policy.SPREAD));
            // with h3 down its shop VM is down, so z3 runs no shop VM at all and still wins
            assertEquals("h4", chosen(three("h3"), TWO.withApp("shop"), Placement.Policy.SPREAD));
        }

        @Test
        void aTieOnBothCountsGoesToTheEarlierZone() {
            Layout l = zones("", host("h1", 8, vm("a", 1, "shop")), host("h2", 8, vm("b", 1, "shop")));
            assertEquals("h1", chosen(l, TWO.withApp("shop"), Placement.Policy.SPREAD));
        }
    }

    @Nested
    class Refusals {
        @Test
        void withNoHostsSaysToAddOne() {
            assertEquals(new Placement.Choice(null, "there are no hosts yet: add one first"),
                    Placement.choose(Layout.empty(), TWO, Placement.Policy.FIRST_FIT));
        }

        @Test
        void withEveryHostDownSaysSo() {
            Layout l = zones("us-east-1", host("h1", 8));
            for (Placement.Policy p : Placement.Policy.values()) {
                assertEquals(new Placement.Choice(null, "every host is down"), Placement.choose(l, TWO, p));
            }
        }

        @Test
        void whenNothingFitsNamesTheClosestHostAndWhy() {
            Layout l = zones("", host("h1", 2), host("h2", 4), host("h3", 8));
            String why = "no up host has room for this VM (9 vCPUs, 1 GiB memory, 1 GiB disk); closest: h3 has 8 of the 9 vCPUs this VM needs";
            for (Placement.Policy p : Placement.Policy.values()) {
                assertEquals(new Placement.Choice(null, why), Placement.choose(l, VmSpec.of(9, 1, 1), p));
            }
            assertEquals(why, Decider.decide(l, new Command.AddVm("x", VmSpec.of(9, 1, 1), null, Placement.Policy.SPREAD)).refusal());
        }

        @Test
        void policiesHaveTheirWords() {
            assertEquals(Placement.Policy.BEST_FIT, Placement.Policy.fromWord("best-fit"));
            assertEquals("spread", Placement.Policy.SPREAD.word());
            assertNull(Placement.Policy.fromWord("random"));
        }
    }
}

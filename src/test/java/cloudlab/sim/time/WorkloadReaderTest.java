package cloudlab.sim.time;

import cloudlab.sim.Layout;
import org.junit.jupiter.api.Test;

import static cloudlab.sim.time.TimeLayouts.oneDatacenter;
import static cloudlab.sim.time.TimeLayouts.read;
import static cloudlab.sim.time.TimeLayouts.refusal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The time fields of a layout document: read when right, refused with the place and the rule when wrong. */
class WorkloadReaderTest {
    private static String vm(String fields) {
        return oneDatacenter("""
                - id: h1
                  hypervisor: type1
                  cores: 8
                  memoryGiB: 34
                  storageGiB: 1000
                  vms:
                    - {id: v1, vcpus: 4, memoryGiB: 16, diskGiB: 20, %s}
                """.formatted(fields));
    }

    private static String type2(String load) {
        return oneDatacenter("""
                - id: laptop
                  hypervisor: type2
                  cores: 4
                  memoryGiB: 16
                  storageGiB: 100
                  hostOsLoad: %s
                """.formatted(load));
    }

    private static final String PLACE = "test.yaml: regions[0].zones[0].datacenters[0].hosts[0].vms[0].";

    @Test
    void aVmThatDeclaresNothingIsIdleWithSharesByItsVcpus() throws Exception {
        Layout l = read(vm("app: shop"));
        VmLoad load = l.workload().of(l.vms().get(0));
        assertEquals(0, load.cpu().at(0));
        assertEquals(4000, load.shares());
        assertEquals(0, load.reservation());
        assertEquals(4, load.limit());
        assertEquals(0, load.activeMemoryGiB());
    }

    @Test
    void everyFieldIsRead() throws Exception {
        Layout l = read(vm("cpuDemand: 55.5, activeMemoryGiB: 6.25, shares: 500, reservation: 1.5, limit: 3"));
        VmLoad load = l.workload().of(l.vms().get(0));
        assertEquals(55.5, load.cpu().at(1234));
        assertEquals(6.25, load.activeMemoryGiB());
        assertEquals(500, load.shares());
        assertEquals(1.5, load.reservation());
        assertEquals(3, load.limit());
    }

    @Test
    void profilesAreRead() throws Exception {
        Layout l = read(vm("cpuDemand: {steps: [{at: 0, percent: 10}, {at: 30, percent: 80}]}"));
        Profile p = l.workload().of(l.vms().get(0)).cpu();
        assertEquals(10, p.at(29));
        assertEquals(80, p.at(30));
        l = read(vm("cpuDemand: {pattern: [20, 90], every: 5}"));
        p = l.workload().of(l.vms().get(0)).cpu();
        assertEquals(20, p.at(4));
        assertEquals(90, p.at(5));
        assertEquals(20, p.at(10));
        l = read(vm("cpuDemand: {shape: random, low: 10, high: 20, period: 10, seed: 7}"));
        assertInstanceOf(Profile.Shape.class, l.workload().of(l.vms().get(0)).cpu());
        l = read(type2("{shape: bursts, low: 5, high: 50, period: 20}"));
        assertEquals(Profile.Shape.Kind.BURSTS, ((Profile.Shape) l.workload().hostOs(l.hosts().get(0))).kind());
    }

    @Test
    void badFieldsAreRefusedNamingThePlaceAndTheRule() {
        assertEquals(PLACE + "cpuDemand: must be a number from 0 to 100 with at most 3 digits after the point (got 120)",
                refusal(vm("cpuDemand: 120")));
        assertEquals(PLACE + "cpuDemand: must be a number, not text (\"high\")", refusal(vm("cpuDemand: high")));
        assertEquals(PLACE + "activeMemoryGiB: must be a number from 0 to 16 with at most 3 digits after the point (got 17)",
                refusal(vm("activeMemoryGiB: 17")));
        assertEquals(PLACE + "shares: must be a whole number from 1 to 1000000 (got 0)", refusal(vm("shares: 0")));
        assertEquals(PLACE + "reservation: must be a number from 0 to 4 with at most 3 digits after the point (got 5)",
                refusal(vm("reservation: 5")));
        assertEquals(PLACE + "limit: must be above 0 cores (a VM limited to nothing never runs)", refusal(vm("limit: 0")));
        assertEquals(PLACE + "limit: must be at least the reservation (1 cores is below the 2 reserved)",
                refusal(vm("reservation: 2, limit: 1")));
        assertEquals(PLACE + "cpuDemand.steps[0].at: the first step starts at second 0 (got 5)",
                refusal(vm("cpuDemand: {steps: [{at: 5, percent: 10}]}")));
        assertEquals(PLACE + "cpuDemand.steps[2].at: steps go forward in time: 10 is not after 10",
                refusal(vm("cpuDemand: {steps: [{at: 0, percent: 10}, {at: 10, percent: 5}, {at: 10, percent: 1}]}")));
        assertEquals(PLACE + "cpuDemand: a profile has exactly one of steps, pattern or shape (got 2)",
                refusal(vm("cpuDemand: {pattern: [1], shape: wave}")));
        assertEquals(PLACE + "cpuDemand.shape: must be wave, bursts or random (got \"square\")", refusal(vm("cpuDemand: {shape: square}")));
        assertEquals(PLACE + "cpuDemand.colour: unknown field colour (known fields: pattern, every)",
                refusal(vm("cpuDemand: {pattern: [1], colour: red}")));
        assertEquals(PLACE + "cpuDemand.low: must be at most high (80 is above 20)", refusal(vm("cpuDemand: {shape: wave, low: 80, high: 20}")));
        assertEquals(PLACE + "cpuDemnd: unknown field cpuDemnd (did you mean cpuDemand?)", refusal(vm("cpuDemnd: 5")));
    }

    @Test
    void onlyAType2HostHasAHostOs() {
        String typeOne = oneDatacenter("""
                - {id: h1, hypervisor: type1, cores: 4, memoryGiB: 16, storageGiB: 100, hostOsLoad: 10}
                """);
        assertEquals("test.yaml: regions[0].zones[0].datacenters[0].hosts[0].hostOsLoad: only a type2 host runs a host OS;"
                + " a type1 hypervisor runs on the bare metal", refusal(typeOne));
    }

    @Test
    void reservationsMustFitTheCoresR1Leaves() {
        String yaml = oneDatacenter("""
                - id: laptop
                  hypervisor: type2
                  cores: 4
                  memoryGiB: 16
                  storageGiB: 100
                  cpuOvercommit: 2
                  vms:
                    - {id: a, vcpus: 2, memoryGiB: 2, diskGiB: 10, reservation: 2}
                    - {id: b, vcpus: 2, memoryGiB: 2, diskGiB: 10, reservation: 1.5}
                    - {id: c, vcpus: 2, memoryGiB: 2, diskGiB: 10, reservation: 2, state: stopped}
                """);
        assertEquals("test.yaml: regions[0].zones[0].datacenters[0].hosts[0]: host laptop: reservations of running VMs add up to"
                + " 3.5 cores, available 3 (a hypervisor starts a VM only while the cores it reserves are there)", refusal(yaml));
    }
}

package cloudlab.sim;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static cloudlab.sim.Layouts.yaml;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Rule R7 and the report's {@code rttMs} and {@code nearestServing}. */
class LatencyTest {
    static final Location SYDNEY = Location.of("-33.87", "151.21");

    static Location region(String code) {
        return RegionCatalog.builtIn().find(code).location();
    }

    @Test
    void sydneyToUsEast1IsTheContractsExample() {
        assertEquals(new BigDecimal("237.1"), Latency.rttMs(SYDNEY, region("us-east-1")));
    }

    @Test
    void sydneyToItsOwnRegionIsTheTwoMillisecondFloor() {
        assertEquals(new BigDecimal("2.0"), Latency.rttMs(SYDNEY, region("ap-southeast-2")));
    }

    @Test
    void distanceIsHaversineOnAnEarthOf6371Km() {
        assertEquals(15673.627, Latency.distanceKm(SYDNEY, region("us-east-1")), 0.001);
        assertEquals(20015.087, Latency.distanceKm(Location.of("90", "0"), Location.of("-90", "0")), 0.001);
    }

    @Test
    void roundTripRoundsHalfUpToOneDecimal() {
        // 111.195 km along the equator: 2 + 1.66792 = 3.66792, shown as 3.7 (not cut to 3.6)
        assertEquals(new BigDecimal("3.7"), Latency.rttMs(Location.of("0", "0"), Location.of("0", "1")));
        assertEquals(new BigDecimal("19.8"), Latency.rttMs(region("eu-north-1"), region("eu-central-1")));
        assertEquals(new BigDecimal("302.2"), Latency.rttMs(Location.of("0", "0"), Location.of("0", "180")));
    }

    static final String TWO_REGIONS = """
            regions:
              - code: lab-a
                location: {lat: 10, lon: 10}
                zones:
                  - id: za
                    datacenters:
                      - id: dca
                        hosts:
                          - id: ha
                            hypervisor: type1
                            cores: 4
                            memoryGiB: 8
                            storageGiB: 100
                            vms: [{id: va, vcpus: 1, memoryGiB: 1, diskGiB: 1, state: %s}]
              - code: lab-b
                location: {lat: 10, lon: 10}
                zones:
                  - id: zb
                    datacenters:
                      - id: dcb
                        hosts:
                          - id: hb
                            hypervisor: type1
                            cores: 4
                            memoryGiB: 8
                            storageGiB: 100
                            vms: [{id: vb, vcpus: 1, memoryGiB: 1, diskGiB: 1, state: %s}]
              - code: lab-c
                location: {lat: 11, lon: 10}
            users:
              - {name: u, lat: 10, lon: 10}
            """;

    Report.UserReport user(String stateA, String stateB, String... failed) {
        return Simulator.simulate(yaml(TWO_REGIONS.formatted(stateA, stateB)), List.of(failed), List.of()).users().get(0);
    }

    @Test
    void rttMsListsEveryRegionInDocumentOrderServingOrNot() {
        Report.UserReport u = user("running", "running");
        assertEquals(List.of("lab-a", "lab-b", "lab-c"), List.copyOf(u.rttMs().keySet()));
        assertEquals(new BigDecimal("2.0"), u.rttMs().get("lab-a"));
        assertEquals(new BigDecimal("3.7"), u.rttMs().get("lab-c"));
    }

    @Test
    void nearestServingTieGoesToTheEarlierRegion() {
        assertEquals(new Report.Nearest("lab-a", new BigDecimal("2.0")), user("running", "running").nearestServing());
    }

    @Test
    void aRegionWithOnlyStoppedVmsDoesNotServe() {
        assertEquals("lab-b", user("stopped", "running").nearestServing().region());
    }

    @Test
    void aRegionWhoseHostsAreDownDoesNotServe() {
        assertEquals("lab-b", user("running", "running", "za").nearestServing().region());
    }

    @Test
    void nearestServingIsNullWhereNoRegionServes() {
        assertNull(user("stopped", "running", "lab-b").nearestServing());
        assertNull(user("stopped", "stopped").nearestServing());
    }

    @Test
    void anEmptyRegionStillGetsARoundTripButNeverServes() {
        Layout l = yaml("""
                regions:
                  - code: ap-southeast-2
                users: [{name: sydney, lat: -33.87, lon: 151.21}]
                """);
        Report.UserReport u = Simulator.simulate(l).users().get(0);
        assertEquals(new BigDecimal("2.0"), u.rttMs().get("ap-southeast-2"));
        assertNull(u.nearestServing());
    }
}

package cloudlab.sim.grade;

import cloudlab.sim.InputException;
import cloudlab.sim.Layout;
import cloudlab.sim.Layouts;

import cloudlab.sim.document.ChallengeReader;
import cloudlab.sim.document.Documents;
import cloudlab.sim.document.Json;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;

import static cloudlab.sim.Layouts.yaml;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every goal of contract section 5 and the project's additions, passing and failing, with its message. */
class GraderTest {
    // shop runs a, b in z1 and c (dc2), d (dc3) in z2; z3 has a data center but no host; ap-southeast-2 is empty
    static final String LAYOUT = """
            apps: [{name: shop, minRunning: %d}, {name: idle}]
            regions:
              - code: us-east-1
                zones:
                  - id: z1
                    datacenters:
                      - id: dc1
                        hosts:
                          - id: h1
                            hypervisor: type1
                            cores: 8
                            memoryGiB: 34
                            storageGiB: 100
                            cpuOvercommit: 2.0
                            vms:
                              - {id: a, vcpus: 1, memoryGiB: 1, diskGiB: 1, app: shop}
                              - {id: b, vcpus: 1, memoryGiB: 1, diskGiB: 1, app: shop}
                              - {id: e, vcpus: 1, memoryGiB: 1, diskGiB: 1, app: shop, state: stopped}
                  - id: z2
                    datacenters:
                      - id: dc2
                        hosts:
                          - {id: h2, hypervisor: type1, cores: 8, memoryGiB: 34, storageGiB: 100, cpuOvercommit: 1.5,
                             vms: [{id: c, vcpus: 1, memoryGiB: 1, diskGiB: 1, app: shop}]}
                      - id: dc3
                        hosts:
                          - {id: h3, hypervisor: type2, cores: 8, memoryGiB: 36, storageGiB: 100,
                             vms: [{id: d, vcpus: 1, memoryGiB: 1, diskGiB: 1, app: shop}]}
                  - id: z3
                    datacenters: [{id: dc4}]
              - code: ap-southeast-2
            """;

    static Layout layout(int minRunning) {
        return yaml(LAYOUT.formatted(minRunning));
    }

    static Layout layout(int minRunning, String failed) {
        return yaml(LAYOUT.formatted(minRunning) + "failed: [" + failed + "]\n");
    }

    static Goal goal(String yamlGoal) {
        try {
            JsonNode list = Documents.parse("- " + yamlGoal + "\n", Documents.Format.YAML, "goal.yaml");
            return ChallengeReader.goals(list, "goals", "goal.yaml").get(0);
        } catch (InputException e) {
            throw new AssertionError(e.getMessage());
        }
    }

    static GradeResult.CheckResult check(String yamlGoal, Layout l) {
        return Grader.check(goal(yamlGoal), l);
    }

    static void passes(String yamlGoal, Layout l, String message) {
        GradeResult.CheckResult c = check(yamlGoal, l);
        assertEquals(message, c.message());
        assertTrue(c.passed(), yamlGoal);
    }

    /** Contract v1.1: on a layout with no hosts the goal passes, says so, and earns no credit. */
    static void passesVacuously(String yamlGoal, String message) {
        GradeResult.CheckResult c = check(yamlGoal, Layout.empty());
        assertEquals(message, c.message());
        assertTrue(c.passed(), yamlGoal);
        assertEquals(Boolean.TRUE, c.vacuous(), yamlGoal);
        assertEquals(false, c.earnsCredit(), yamlGoal);
        GradeResult r = Grader.grade(new Challenge("c", "c", null, List.of(goal(yamlGoal), goal("maxHosts: 5"))), Layout.empty());
        assertEquals(0.0, r.score(), "no credit for doing nothing");
        assertEquals(false, r.passed());
    }

    static void fails(String yamlGoal, Layout l, String message) {
        GradeResult.CheckResult c = check(yamlGoal, l);
        assertEquals(message, c.message());
        assertFalse(c.passed(), yamlGoal);
    }

    @Nested
    class AppAvailable {
        @Test
        void passesWhenEnoughVmsRun() {
            passes("appAvailable: shop", layout(4), "shop has 4 of the 4 VMs it needs running (a, b, c, d)");
        }

        @Test
        void appliesTheLayoutsOwnFailures() {
            fails("appAvailable: shop", layout(3, "z1"), "shop has 2 of the 3 VMs it needs running (c, d)");
        }

        @Test
        void anAppWithNoVmsFails() {
            fails("appAvailable: idle", layout(1), "idle has 0 of the 1 VM it needs running");
        }

        @Test
        void anUndeclaredAppFailsSayingSo() {
            fails("appAvailable: blog", layout(1), "the layout declares no app blog");
        }
    }

    @Nested
    class MinRunning {
        @Test
        void passesWhenTheAppStillAsksForEnough() {
            passes("minRunning: {app: shop, count: 2}", layout(3), "shop asks for 3 running VMs (at least 2)");
        }

        @Test
        void failsWhenTheBarWasLowered() {
            fails("minRunning: {app: shop, count: 2}", layout(1),
                    "shop asks for 1 running VM; the challenge needs it to ask for at least 2");
        }

        @Test
        void anUndeclaredAppFailsSayingSo() {
            fails("minRunning: {app: blog, count: 1}", layout(1), "the layout declares no app blog");
        }

        @Test
        void aCountBelowOneIsAMalformedGoal() {
            InputException e = org.junit.jupiter.api.Assertions.assertThrows(InputException.class, () -> ChallengeReader.goals(
                    Documents.parse("- minRunning: {app: shop, count: 0}\n", Documents.Format.YAML, "g.yaml"), "goals", "g.yaml"));
            assertTrue(e.getMessage().contains("goals[0].minRunning.count"), e.getMessage());
        }
    }

    @Nested
    class Survives {
        @Test
        void zoneFailurePassesWhenEveryZoneCanGo() {
            passes("survivesZoneFailure: shop", layout(2),
                    "shop stays available with each of the 3 zones failed alone (fewest left running: 2, with z1 failed; it needs 2)");
        }

        @Test
        void zoneFailureNamesTheFirstZoneThatBreaksIt() {
            fails("survivesZoneFailure: shop", layout(3), "with z1 failed, shop has 2 of the 3 VMs it needs running (c, d)");
        }

        @Test
        void zoneFailureIgnoresTheLayoutsOwnFailures() {
            passes("survivesZoneFailure: shop", layout(2, "z1, h3"),
                    "shop stays available with each of the 3 zones failed alone (fewest left running: 2, with z1 failed; it needs 2)");
        }

        @Test
        void zoneFailureNeedsTheAppAvailableWithNothingFailed() {
            fails("survivesZoneFailure: shop", layout(5), "with nothing failed, shop has 4 of the 5 VMs it needs running (a, b, c, d)");
        }

        @Test
        void zoneFailureNeedsAtLeastOneZone() {
            fails("survivesZoneFailure: shop", yaml("apps: [{name: shop}]\nregions: [{code: us-east-1}]\n"), "the layout has no zones");
        }

        @Test
        void anAppWithNoVmsSurvivesNothing() {
            fails("survivesZoneFailure: idle", layout(1), "with nothing failed, idle has 0 of the 1 VM it needs running");
        }

        @Test
        void regionFailureFailsWhenEverythingIsInOneRegion() {
            fails("survivesRegionFailure: shop", layout(1), "with us-east-1 failed, shop has 0 of the 1 VM it needs running");
        }

        @Test
        void regionFailureNeedsAtLeastOneRegion() {
            fails("survivesRegionFailure: shop", yaml("apps: [{name: shop}]\n"), "the layout has no regions");
        }

        @Test
        void regionFailurePassesAcrossTwoRegionsAndAnEmptyRegionLosesNothing() {
            Layout l = yaml("""
                    apps: [{name: shop}]
                    regions:
                      - {code: us-east-1, zones: [{id: z1, datacenters: [{id: d1, hosts: [{id: h1, hypervisor: type1, cores: 2,
                          memoryGiB: 4, storageGiB: 1, vms: [{id: a, vcpus: 1, memoryGiB: 1, diskGiB: 1, app: shop}]}]}]}]}
                      - {code: eu-west-1, zones: [{id: z2, datacenters: [{id: d2, hosts: [{id: h2, hypervisor: type1, cores: 2,
                          memoryGiB: 4, storageGiB: 1, vms: [{id: b, vcpus: 1, memoryGiB: 1, diskGiB: 1, app: shop}]}]}]}]}
                      - {code: ap-southeast-2}
                    """);
            passes("survivesRegionFailure: shop", l,
                    "shop stays available with each of the 3 regions failed alone (fewest left running: 1, with us-east-1 failed; it needs 1)");
        }

        @Test
        void datacenterFailureIsTheProjectsAddition() {
            passes("survivesDatacenterFailure: shop", layout(2),
                    "shop stays available with each of the 4 data centers failed alone (fewest left running: 2, with dc1 failed; it needs 2)");
            fails("survivesDatacenterFailure: shop", layout(3), "with dc1 failed, shop has 2 of the 3 VMs it needs running (c, d)");
        }

        @Test
        void hostFailureIsTheProjectsAddition() {
            passes("survivesHostFailure: shop", layout(2),
                    "shop stays available with each of the 3 hosts failed alone (fewest left running: 2, with h1 failed; it needs 2)");
            fails("survivesHostFailure: shop", layout(4), "with h1 failed, shop has 2 of the 4 VMs it needs running (c, d)");
        }

        @Test
        void anUndeclaredAppFailsSayingSo() {
            fails("survivesHostFailure: blog", layout(1), "the layout declares no app blog");
        }
    }

    @Nested
    class Shape {
        @Test
        void maxHostsCountsEveryHost() {
            passes("maxHosts: 3", layout(1), "3 hosts (at most 3)");
            fails("maxHosts: 2", layout(1), "3 hosts (at most 2)");
            passesVacuously("maxHosts: 0", "the layout has no hosts, so \"at most 0 hosts\" holds vacuously and earns no credit");
        }

        @Test
        void minZonesCountsOnlyZonesHoldingAHost() {
            passes("minZones: {region: us-east-1, count: 2}", layout(1), "us-east-1 has 2 zones with hosts (z1, z2) (at least 2)");
            fails("minZones: {region: us-east-1, count: 3}", layout(1), "us-east-1 has 2 zones with hosts (z1, z2); it needs at least 3");
            fails("minZones: {region: ap-southeast-2, count: 1}", layout(1), "ap-southeast-2 has 0 zones with hosts; it needs at least 1");
        }

        @Test
        void minZonesOfARegionNotInTheLayoutIsZero() {
            fails("minZones: {region: eu-west-1, count: 1}", layout(1),
                    "eu-west-1 is not in the layout, so it has 0 zones with hosts (at least 1)");
        }

        @Test
        void allHostsHypervisorNamesTheFirstHostThatDiffers() {
            fails("allHostsHypervisor: type1", layout(1), "h3 runs type2");
            passesVacuously("allHostsHypervisor: type1", "the layout has no hosts, so \"every host runs type1\" holds vacuously and earns no credit");
            Layout one = yaml(Layouts.oneHost("hypervisor: type2, cores: 2, memoryGiB: 5, storageGiB: 1"));
            passes("allHostsHypervisor: type2", one, "its one host runs type2");
        }

        @Test
        void maxCpuOvercommitNamesTheHostAboveIt() {
            fails("maxCpuOvercommit: 1.5", layout(1), "h1 has cpuOvercommit 2 (at most 1.5)");
            passes("maxCpuOvercommit: 2", layout(1), "the highest cpuOvercommit is 2 (at most 2)");
            passesVacuously("maxCpuOvercommit: 1", "the layout has no hosts, so \"cpuOvercommit at most 1\" holds vacuously and earns no credit");
        }
    }

    @Nested
    class MaxRttMs {
        static final String SYDNEY = "maxRttMs: {user: {lat: -33.87, lon: 151.21}, app: shop, ms: %s}";

        @Test
        void passesWhenARegionRunningTheAppIsCloseEnough() {
            passes(SYDNEY.formatted("237.1"), layout(1), "us-east-1 runs shop 237.1 ms from that point (at most 237.1)");
        }

        @Test
        void failsNamingTheNearestRegionRunningTheApp() {
            fails(SYDNEY.formatted("237"), layout(1),
                    "the nearest region running shop, us-east-1, is 237.1 ms from that point (at most 237)");
        }

        @Test
        void anEmptyNearbyRegionDoesNotCountAndFailuresApply() {
            fails(SYDNEY.formatted("300"), layout(1, "us-east-1"), "no region runs shop (at most 300)");
        }

        @Test
        void anUndeclaredAppFailsSayingSo() {
            fails("maxRttMs: {user: {lat: 0, lon: 0}, app: blog, ms: 300}", layout(1), "the layout declares no app blog");
        }
    }

    @Test
    void scoreIsTheShareOfGoalsPassedAndChecksFollowTheGoals() throws InputException {
        JsonNode tree = Documents.parse("""
                id: c1
                goals:
                  - maxHosts: 4
                  - survivesRegionFailure: shop
                  - allHostsHypervisor: type1
                  - minZones: {region: us-east-1, count: 1}
                """, Documents.Format.YAML, "c1.yaml");
        GradeResult r = Grader.grade(ChallengeReader.fromTree(tree, "", "c1.yaml", "c1"), layout(1));
        assertEquals("c1", r.challenge());
        assertEquals(0.5, r.score());
        assertFalse(r.passed());
        assertEquals(List.of("maxHosts", "survivesRegionFailure", "allHostsHypervisor", "minZones"),
                r.checks().stream().map(GradeResult.CheckResult::goal).toList());
        assertEquals(4, r.checks().get(0).argument().intValue());
        assertEquals("shop", r.checks().get(1).argument().textValue());
        assertEquals(List.of(true, false, false, true), r.checks().stream().map(GradeResult.CheckResult::passed).toList());
    }

    @Test
    void allGoalsPassedIsAPassWithScoreOne() throws InputException {
        JsonNode tree = Documents.parse("goals: [{maxHosts: 3}]\n", Documents.Format.YAML, "c.yaml");
        GradeResult r = Grader.grade(ChallengeReader.fromTree(tree, "", "c.yaml", "c"), layout(1));
        assertTrue(r.passed());
        assertEquals(1.0, r.score());
    }

    @Test
    void anInvalidLayoutScoresZeroWithOneValidCheck() {
        GradeResult r = GradeResult.invalid("c", "x.yaml: no such file");
        assertEquals(0.0, r.score());
        assertEquals(List.of(new GradeResult.CheckResult("valid", null, false, "x.yaml: no such file")), r.checks());
        JsonNode json = Json.mapper().valueToTree(r);
        assertFalse(json.at("/checks/0").has("argument"));
    }
}

package cloudlab.sim;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static cloudlab.sim.Layouts.oneHost;
import static cloudlab.sim.Layouts.yaml;
import static cloudlab.sim.Layouts.yamlError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Rules R1–R6 (contract section 2), asked through a read layout and its report. */
class RulesTest {
    static void assertNum(String expected, BigDecimal actual) {
        assertEquals(0, new BigDecimal(expected).compareTo(actual), () -> "expected " + expected + ", got " + actual);
    }

    static Report.HostReport h1(String doc) {
        return Simulator.simulate(yaml(doc)).host("h1");
    }

    @Nested
    class R1Reservation {
        @Test
        void typeOneHostKeepsNoCoresAndTwoGiB() {
            Report.HostReport h = h1(oneHost("hypervisor: type1, cores: 16, memoryGiB: 64, storageGiB: 1000"));
            assertNum("16", h.vcpus().capacity());
            assertNum("62", h.memoryGiB().capacity());
            assertNum("1000", h.diskGiB().capacity());
        }

        @Test
        void typeTwoHostKeepsOneCoreAndFourGiBForTheHostOs() {
            Report.HostReport h = h1(oneHost("hypervisor: type2, cores: 8, memoryGiB: 32, storageGiB: 500"));
            assertNum("7", h.vcpus().capacity());
            assertNum("28", h.memoryGiB().capacity());
            assertNum("500", h.diskGiB().capacity());
        }

        @Test
        void typeOneHostWithOneCoreIsFine() {
            assertNum("1", h1(oneHost("hypervisor: type1, cores: 1, memoryGiB: 2.001, storageGiB: 0")).vcpus().capacity());
        }

        @Test
        void typeTwoHostKeepsOneCoreForTheHostOsSoOneCoreIsRefused() {
            assertEquals("layout.yaml: regions[0].zones[0].datacenters[0].hosts[0].cores: must be more than the 1 core"
                            + " a type2 hypervisor keeps for itself (got 1)",
                    yamlError(oneHost("hypervisor: type2, cores: 1, memoryGiB: 32, storageGiB: 500")));
        }

        @Test
        void typeTwoHostNeedsMoreThanFourGiB() {
            String e = yamlError(oneHost("hypervisor: type2, cores: 2, memoryGiB: 4, storageGiB: 500"));
            assertTrue(e.startsWith("layout.yaml: regions[0].zones[0].datacenters[0].hosts[0].memoryGiB: must be more than the 4 GiB"), e);
            assertNum("0.001", h1(oneHost("hypervisor: type2, cores: 2, memoryGiB: 4.001, storageGiB: 5")).memoryGiB().capacity());
        }

        @Test
        void typeOneHostNeedsMoreThanTwoGiB() {
            String e = yamlError(oneHost("hypervisor: type1, cores: 2, memoryGiB: 2, storageGiB: 500"));
            assertTrue(e.startsWith("layout.yaml: regions[0].zones[0].datacenters[0].hosts[0].memoryGiB: must be more than the 2 GiB"), e);
        }
    }

    @Nested
    class R2Vcpu {
        @Test
        void vmsThatFillTheHostExactlyFit() {
            Report.HostReport h = h1(oneHost("hypervisor: type2, cores: 8, memoryGiB: 32, storageGiB: 500",
                    "{id: a, vcpus: 4, memoryGiB: 1, diskGiB: 1}", "{id: b, vcpus: 3, memoryGiB: 1, diskGiB: 1}"));
            assertNum("7", h.vcpus().used());
            assertNum("7", h.vcpus().capacity());
        }

        @Test
        void oneVcpuTooManyNamesTheHostAndBothNumbers() {
            assertEquals("layout.yaml: regions[0].zones[0].datacenters[0].hosts[0]: host h1: vCPUs needed 8, available 7"
                            + " (rule R2: running VMs' vCPUs fit in (cores - reserved) x cpuOvercommit)",
                    yamlError(oneHost("hypervisor: type2, cores: 8, memoryGiB: 32, storageGiB: 500",
                            "{id: a, vcpus: 4, memoryGiB: 1, diskGiB: 1}", "{id: b, vcpus: 4, memoryGiB: 1, diskGiB: 1}")));
        }

        @Test
        void overcommitIsExactDecimalArithmetic() {
            Report.HostReport h = h1(oneHost("hypervisor: type1, cores: 3, memoryGiB: 8, storageGiB: 10, cpuOvercommit: 1.1",
                    "{id: a, vcpus: 3, memoryGiB: 1, diskGiB: 1}"));
            assertEquals(new BigDecimal("3.3"), h.vcpus().capacity().stripTrailingZeros());
            String e = yamlError(oneHost("hypervisor: type1, cores: 3, memoryGiB: 8, storageGiB: 10, cpuOvercommit: 1.1",
                    "{id: a, vcpus: 4, memoryGiB: 1, diskGiB: 1}"));
            assertTrue(e.contains("host h1: vCPUs needed 4, available 3.3 "), e);
        }

        @Test
        void stoppedVmsTakeNoVcpus() {
            Report.HostReport h = h1(oneHost("hypervisor: type1, cores: 2, memoryGiB: 8, storageGiB: 10",
                    "{id: a, vcpus: 2, memoryGiB: 1, diskGiB: 1}", "{id: b, vcpus: 64, memoryGiB: 100, diskGiB: 1, state: stopped}"));
            assertNum("2", h.vcpus().used());
            assertNum("1", h.memoryGiB().used());
        }
    }

    @Nested
    class R3Memory {
        @Test
        void memoryThatFillsTheHostToTheThirdDecimalFits() {
            Report.HostReport h = h1(oneHost("hypervisor: type1, cores: 4, memoryGiB: 5.3, storageGiB: 10",
                    "{id: a, vcpus: 1, memoryGiB: 1.1, diskGiB: 1}", "{id: b, vcpus: 1, memoryGiB: 2.2, diskGiB: 1}"));
            assertNum("3.3", h.memoryGiB().used());
            assertNum("3.3", h.memoryGiB().capacity());
        }

        @Test
        void memoryOvercommitThreeTimesOnePointOneIsThreePointThree() {
            Report.HostReport h = h1(oneHost("hypervisor: type1, cores: 4, memoryGiB: 5, storageGiB: 10, memoryOvercommit: 1.1",
                    "{id: a, vcpus: 1, memoryGiB: 3.3, diskGiB: 1}"));
            assertEquals(new BigDecimal("3.3"), h.memoryGiB().capacity().stripTrailingZeros());
        }

        @Test
        void oneThousandthOfAGibTooMuchIsABreach() {
            String e = yamlError(oneHost("hypervisor: type1, cores: 4, memoryGiB: 5.3, storageGiB: 10",
                    "{id: a, vcpus: 1, memoryGiB: 1.1, diskGiB: 1}", "{id: b, vcpus: 1, memoryGiB: 2.201, diskGiB: 1}"));
            assertEquals("layout.yaml: regions[0].zones[0].datacenters[0].hosts[0]: host h1: memory needed 3.301 GiB, available 3.3 GiB"
                    + " (rule R3: running VMs' memory fits in (memoryGiB - reserved) x memoryOvercommit)", e);
        }
    }

    @Nested
    class R4Disk {
        @Test
        void disksOfRunningAndStoppedVmsFillTheHostExactly() {
            Report.HostReport h = h1(oneHost("hypervisor: type1, cores: 4, memoryGiB: 8, storageGiB: 100.5",
                    "{id: a, vcpus: 1, memoryGiB: 1, diskGiB: 60.25}", "{id: b, vcpus: 1, memoryGiB: 1, diskGiB: 40.25, state: stopped}"));
            assertNum("100.5", h.diskGiB().used());
        }

        @Test
        void aStoppedVmsDiskStillCounts() {
            String e = yamlError(oneHost("hypervisor: type1, cores: 4, memoryGiB: 8, storageGiB: 100",
                    "{id: a, vcpus: 1, memoryGiB: 1, diskGiB: 60}", "{id: b, vcpus: 1, memoryGiB: 1, diskGiB: 40.001, state: stopped}"));
            assertEquals("layout.yaml: regions[0].zones[0].datacenters[0].hosts[0]: host h1: disk needed 100.001 GiB, available 100 GiB"
                    + " (rule R4: all VMs' disks fit in storageGiB)", e);
        }

        @Test
        void aHostWithNoStorageHoldsOnlyEmptyDisks() {
            assertNum("0", h1(oneHost("hypervisor: type1, cores: 4, memoryGiB: 8, storageGiB: 0",
                    "{id: a, vcpus: 1, memoryGiB: 1, diskGiB: 0}")).diskGiB().used());
        }
    }

    @Nested
    class R5Failure {
        static final String TWO_ZONES = """
                apps: [{name: shop, minRunning: 1}]
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
                                memoryGiB: 8
                                storageGiB: 100
                                vms:
                                  - {id: a, vcpus: 2, memoryGiB: 2, diskGiB: 10, app: shop}
                                  - {id: b, vcpus: 1, memoryGiB: 1, diskGiB: 30, state: stopped}
                          - id: dc2
                            hosts:
                              - {id: h2, hypervisor: type1, cores: 4, memoryGiB: 8, storageGiB: 100}
                      - id: z2
                        datacenters:
                          - id: dc3
                            hosts:
                              - id: h3
                                hypervisor: type1
                                cores: 4
                                memoryGiB: 8
                                storageGiB: 100
                                vms:
                                  - {id: c, vcpus: 1, memoryGiB: 1, diskGiB: 1, app: shop}
                """;

        Report failing(String... ids) {
            return Simulator.simulate(yaml(TWO_ZONES), List.of(ids), List.of());
        }

        @Test
        void aFailedHostIsDownAndItsRunningVmIsDown() {
            Report r = failing("h1");
            assertFalse(r.host("h1").up());
            assertTrue(r.host("h2").up());
            assertEquals("down", r.vm("a").status());
            assertEquals("running", r.vm("c").status());
        }

        @Test
        void aStoppedVmOnAFailedHostStaysStoppedAndItsDiskStillCounts() {
            Report r = failing("h1");
            assertEquals("stopped", r.vm("b").status());
            assertNum("40", r.host("h1").diskGiB().used());
            assertNum("2", r.host("h1").vcpus().used());
            assertNum("2", r.host("h1").memoryGiB().used());
        }

        @Test
        void aFailedDatacenterTakesDownOnlyItsHosts() {
            Report r = failing("dc1");
            assertFalse(r.host("h1").up());
            assertTrue(r.host("h2").up());
            assertTrue(r.host("h3").up());
        }

        @Test
        void aFailedZoneTakesDownEveryHostInIt() {
            Report r = failing("z1");
            assertFalse(r.host("h1").up());
            assertFalse(r.host("h2").up());
            assertTrue(r.host("h3").up());
        }

        @Test
        void aFailedRegionTakesDownEverything() {
            Report r = failing("us-east-1");
            assertTrue(r.hosts().stream().noneMatch(Report.HostReport::up));
            assertEquals("down", r.vm("c").status());
            assertEquals(0, r.app("shop").running());
        }

        @Test
        void failingChangesNoCapacityUse() {
            Report before = failing();
            Report after = failing("us-east-1");
            for (int i = 0; i < before.hosts().size(); i++) {
                assertEquals(before.hosts().get(i).vcpus(), after.hosts().get(i).vcpus());
                assertEquals(before.hosts().get(i).memoryGiB(), after.hosts().get(i).memoryGiB());
                assertEquals(before.hosts().get(i).diskGiB(), after.hosts().get(i).diskGiB());
            }
        }
    }

    @Nested
    class R6Availability {
        @Test
        void anAppWithNoVmsIsNotAvailable() {
            Report r = Simulator.simulate(yaml("apps: [{name: idle}]\n"));
            assertEquals(new Report.AppReport("idle", 0, 1, false), r.app("idle"));
        }

        @Test
        void anAppIsAvailableWithExactlyMinRunningVms() {
            Report r = Simulator.simulate(yaml(oneHost("hypervisor: type1, cores: 4, memoryGiB: 8, storageGiB: 100",
                    "{id: a, vcpus: 1, memoryGiB: 1, diskGiB: 1, app: shop}")));
            assertEquals(new Report.AppReport("shop", 1, 1, true), r.app("shop"));
        }

        @Test
        void stoppedAndDownVmsDoNotCount() {
            String doc = oneHost("hypervisor: type1, cores: 4, memoryGiB: 8, storageGiB: 100",
                    "{id: a, vcpus: 1, memoryGiB: 1, diskGiB: 1, app: shop, state: stopped}").replace("minRunning: 1", "minRunning: 2");
            assertEquals(new Report.AppReport("shop", 0, 2, false), Simulator.simulate(yaml(doc)).app("shop"));
            String up = oneHost("hypervisor: type1, cores: 4, memoryGiB: 8, storageGiB: 100",
                    "{id: a, vcpus: 1, memoryGiB: 1, diskGiB: 1, app: shop}") + "failed: [h1]\n";
            assertEquals(new Report.AppReport("shop", 0, 1, false), Simulator.simulate(yaml(up)).app("shop"));
        }

        @Test
        void aVmWithNoAppServesNothingAndReportsNullApp() {
            Report r = Simulator.simulate(yaml(oneHost("hypervisor: type1, cores: 4, memoryGiB: 8, storageGiB: 100",
                    "{id: a, vcpus: 1, memoryGiB: 1, diskGiB: 1}")));
            assertNull(r.vm("a").app());
            assertEquals(0, r.app("shop").running());
        }
    }
}

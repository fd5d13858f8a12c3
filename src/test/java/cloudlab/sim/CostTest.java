package cloudlab.sim;

import cloudlab.sim.document.ChallengeReader;
import cloudlab.sim.document.Documents;
import cloudlab.sim.document.LayoutReader;
import cloudlab.sim.grade.Goal;
import cloudlab.sim.grade.GradeResult;
import cloudlab.sim.grade.Grader;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The cost model of docs/simulation.md ("What a layout costs") and the goals that use it. */
class CostTest {
    static final RegionCatalog CATALOG = RegionCatalog.builtIn();

    static Layout read(String yaml) throws InputException {
        return LayoutReader.read(yaml, Documents.Format.YAML, "", CATALOG);
    }

    static final String TWO_ZONES_AND_A_REGION = """
            apps: [{name: shop, minRunning: 1}, {name: idle}]
            failed: [h2]
            regions:
              - code: us-east-1
                zones:
                  - {id: use1-az1, datacenters: [{id: d1, hosts: [{id: h1, hypervisor: type1, cores: 8, memoryGiB: 32, storageGiB: 100,
                      vms: [{id: s1, vcpus: 2, memoryGiB: 4, diskGiB: 10, app: shop}]}]}]}
                  - {id: use1-az2, datacenters: [{id: d2, hosts: [{id: h2, hypervisor: type2, cores: 8, memoryGiB: 32, storageGiB: 100,
                      vms: [{id: s2, vcpus: 2, memoryGiB: 4, diskGiB: 10, app: shop, state: stopped}]}]}]}
              - code: eu-west-1
                zones:
                  - {id: euw1-az1, datacenters: [{id: d3, hosts: [{id: h3, hypervisor: type1, cores: 2, memoryGiB: 4.5, storageGiB: 100,
                      vms: [{id: s3, vcpus: 2, memoryGiB: 2, diskGiB: 10, app: shop}]}]}]}
            """;

    @Test
    void aHostCostsItsCoresAndMemoryWhateverItsHypervisor() {
        assertEquals(0, new BigDecimal("472").compareTo(Cost.hostMonthlyUsd(HostSpec.of(Hypervisor.TYPE1, 8, 32, 100))));
        assertEquals(0, new BigDecimal("472").compareTo(Cost.hostMonthlyUsd(HostSpec.of(Hypervisor.TYPE2, 8, 32, 100))));
    }

    @Test
    void everyHostIsBilledAndEachOtherZoneHoldingTheAppGetsACopy() throws InputException {
        Cost.Bill bill = Cost.monthly(read(TWO_ZONES_AND_A_REGION), new BigDecimal("1000"));
        // h1 472, h2 472 (failed, still rented), h3 2 × 48 + 4.5 × 2.75 = 108.375
        assertEquals(0, new BigDecimal("1052.375").compareTo(bill.hostsUsd()));
        assertEquals(List.of("shop: use1-az1 → use1-az2", "shop: use1-az1 → euw1-az1"),
                bill.copies().stream().map(Cost.Line::what).toList(), "a stopped standby receives the data; an app with no VM copies nothing");
        assertEquals(0, new BigDecimal("40").compareTo(bill.copiesUsd()));
        assertEquals("costs $1,092.38 a month (3 hosts $1,052.38, 2 copies between zones $40.00) (at most $2,000.00)",
                Cost.sentence(bill, new BigDecimal("2000")));
    }

    @Test
    void withNothingWrittenOnlyTheHostsCount() throws InputException {
        Cost.Bill bill = Cost.monthly(read(TWO_ZONES_AND_A_REGION), BigDecimal.ZERO);
        assertEquals(0, bill.hostsUsd().compareTo(bill.totalUsd()));
        assertThrows(IllegalArgumentException.class, () -> Cost.monthly(Layout.empty(), new BigDecimal("-1")));
    }

    @Test
    void theGoalsReadTheirArgumentsStrictly() throws InputException {
        List<Goal> goals = ChallengeReader.goals(Documents.parse("[{\"maxMonthlyCost\": {\"usd\": 1200}}, {\"emptyHost\": \"h1\"}]", Documents.Format.JSON, "c.json"), "goals", "c.json");
        Goal.MaxMonthlyCost cost = (Goal.MaxMonthlyCost) goals.get(0);
        assertEquals(0, BigDecimal.ZERO.compareTo(cost.writtenGb()), "writtenGB may be left out");
        assertEquals("h1", ((Goal.EmptyHost) goals.get(1)).host());
        InputException e = assertThrows(InputException.class,
                () -> ChallengeReader.goals(Documents.parse("[{\"maxMonthlyCost\": {\"usd\": 10, \"writtenGb\": 5}}]", Documents.Format.JSON, "c.json"), "goals", "c.json"));
        assertTrue(e.getMessage().contains("unknown field writtenGb (did you mean writtenGB?)"), e.getMessage());
        e = assertThrows(InputException.class,
                () -> ChallengeReader.goals(Documents.parse("[{\"maxMonthlyCost\": {\"usd\": -1}}]", Documents.Format.JSON, "c.json"), "goals", "c.json"));
        assertTrue(e.getMessage().contains("goals[0].maxMonthlyCost.usd") && e.getMessage().contains("must be 0 or more"), e.getMessage());
    }

    @Test
    void emptyHostPassesForADrainedHostOnly() throws InputException {
        Layout l = read(TWO_ZONES_AND_A_REGION);
        assertEquals("h1 still holds 1 VM (s1)", Grader.check(new Goal.EmptyHost(null, "h1"), l).message());
        assertEquals("the layout has no host h9 (drain a host, do not delete it)", Grader.check(new Goal.EmptyHost(null, "h9"), l).message());
        Layout drained = read(TWO_ZONES_AND_A_REGION.replace("vms: [{id: s3, vcpus: 2, memoryGiB: 2, diskGiB: 10, app: shop}]", "vms: []"));
        GradeResult.CheckResult c = Grader.check(new Goal.EmptyHost(null, "h3"), drained);
        assertTrue(c.passed());
        assertEquals("h3 holds no VMs", c.message());
    }
}

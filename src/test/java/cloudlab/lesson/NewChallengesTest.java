package cloudlab.lesson;

import cloudlab.sim.Cost;
import cloudlab.sim.grade.GradeResult;
import cloudlab.sim.Layout;
import cloudlab.sim.RegionCatalog;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The challenges of the lessons on moving machines and on failure domains (issue 19): the course
 * as shipped is read, each reference solution passes, and each known-wrong design fails for the
 * reason its lesson gives, with the message a learner would read.
 */
class NewChallengesTest {
    static final Course COURSE = Course.load(Path.of("lessons").toAbsolutePath(), RegionCatalog.builtIn());

    /** The goals a design fails, each with its message, in goal order. */
    static Map<String, String> failures(LessonChallenge c, Layout design) {
        GradeResult r = c.grade(design);
        Map<String, String> out = new TreeMap<>();
        for (GradeResult.CheckResult check : r.checks()) if (!check.passed()) out.put(check.goal(), check.message());
        return out;
    }

    static Layout wrong(LessonChallenge c, String name) {
        List<String> names = new ArrayList<>();
        for (Layout l : c.wrong()) {
            if (name.equals(l.name())) return l;
            names.add(l.name());
        }
        throw new AssertionError("no wrong design named " + name + " (have " + names + ")");
    }

    // --- drain-host-for-maintenance -------------------------------------------------------

    static final LessonChallenge DRAIN = COURSE.challenge("drain-host-for-maintenance");

    @Test
    void drainTheSolutionPassesEveryGoalAndTheStartFailsOnlyForTheFullHost() {
        assertTrue(COURSE.problems().isEmpty(), COURSE.problems().toString());
        GradeResult r = DRAIN.grade(DRAIN.solution());
        assertTrue(r.passed(), r.toString());
        assertEquals("host-b holds no VMs", r.checks().get(0).message());
        assertEquals(Map.of("emptyHost", "host-b still holds 2 VMs (web-2, report-1)"), failures(DRAIN, DRAIN.start()));
    }

    @Test
    void drainDeletingTheVmsTakesReportsDownAndBreaksWebsZoneSpread() {
        Map<String, String> f = failures(DRAIN, wrong(DRAIN, "deleted instead of moved"));
        assertEquals(List.of("appAvailable", "survivesZoneFailure"), List.copyOf(f.keySet()));
        assertEquals("reports has 0 of the 1 VM it needs running", f.get("appAvailable"));
        assertEquals("with euc1-az2 failed, web has 1 of the 2 VMs it needs running (web-1)", f.get("survivesZoneFailure"));
    }

    @Test
    void drainDeletingTheHostIsNotServicingIt() {
        assertEquals(Map.of("emptyHost", "the layout has no host host-b (drain a host, do not delete it)"),
                failures(DRAIN, wrong(DRAIN, "the host deleted with the drain")));
    }

    @Test
    void drainMovingWeb2ToTheOtherZoneLeavesNoRoomForReportsAndTiltsWeb() {
        Map<String, String> f = failures(DRAIN, wrong(DRAIN, "web-2 moved to the other zone"));
        assertEquals(List.of("emptyHost", "survivesZoneFailure"), List.copyOf(f.keySet()));
        assertEquals("host-b still holds 1 VM (report-1)", f.get("emptyHost"));
        assertEquals("with euc1-az2 failed, web has 1 of the 2 VMs it needs running (web-1)", f.get("survivesZoneFailure"));
    }

    @Test
    void drainRentingAFourthHostBreaksTheHostLimit() {
        assertEquals(Map.of("maxHosts", "4 hosts (at most 3)"), failures(DRAIN, wrong(DRAIN, "a fourth host instead of the spare room")));
    }

    // --- ledger-survives-region-on-budget -------------------------------------------------

    static final LessonChallenge LEDGER = COURSE.challenge("ledger-survives-region-on-budget");

    @Test
    void ledgerTheSolutionPassesAtTheBillTheLessonWorksOut() {
        GradeResult r = LEDGER.grade(LEDGER.solution());
        assertTrue(r.passed(), r.toString());
        assertEquals("costs $1,144.00 a month (2 hosts $944.00, 1 copy between zones $200.00) (at most $1,200.00)",
                r.checks().get(2).message());
    }

    @Test
    void ledgerTheStartFailsTheRegionAndTheBudget() {
        Map<String, String> f = failures(LEDGER, LEDGER.start());
        assertEquals(List.of("maxMonthlyCost", "survivesRegionFailure"), List.copyOf(f.keySet()));
        assertEquals("with eu-west-1 failed, ledger has 0 of the 2 VMs it needs running", f.get("survivesRegionFailure"));
        assertTrue(f.get("maxMonthlyCost").startsWith("costs $2,088.00 a month"), f.get("maxMonthlyCost"));
    }

    @Test
    void ledgerTwoZonesOfOneRegionAreCheapButDieWithTheRegion() {
        assertEquals(Map.of("survivesRegionFailure", "with eu-west-1 failed, ledger has 0 of the 2 VMs it needs running"),
                failures(LEDGER, wrong(LEDGER, "two zones of one region")));
    }

    @Test
    void ledgerAPilotLightIsNotAvailableUntilSomeoneStartsIt() {
        assertEquals(Map.of("survivesRegionFailure", "with eu-west-1 failed, ledger has 0 of the 2 VMs it needs running"),
                failures(LEDGER, wrong(LEDGER, "pilot light")));
    }

    @Test
    void ledgerFourZonesSurviveButTheirCopiesBreakTheBudget() {
        assertEquals(Map.of("maxMonthlyCost", "costs $1,544.00 a month (4 hosts $944.00, 3 copies between zones $600.00);"
                        + " the dearest host is dub-1 at $236.00, the dearest copy ledger: euw1-az1 → euw1-az2 at $200.00 (at most $1,200.00)"),
                failures(LEDGER, wrong(LEDGER, "two zones in each of two regions")));
    }

    @Test
    void ledgerType2HostsFitOneVmEachAndCostTwiceTheHosts() {
        Map<String, String> f = failures(LEDGER, wrong(LEDGER, "type 2 hosts need twice as many"));
        assertEquals(List.of("maxMonthlyCost"), List.copyOf(f.keySet()));
        assertTrue(f.get("maxMonthlyCost").startsWith("costs $2,088.00 a month (4 hosts $1,888.00"), f.get("maxMonthlyCost"));
    }

    @Test
    void ledgerOversizedHostsBreakTheBudget() {
        Map<String, String> f = failures(LEDGER, wrong(LEDGER, "oversized hosts in two regions"));
        assertEquals(List.of("maxMonthlyCost"), List.copyOf(f.keySet()));
        assertTrue(f.get("maxMonthlyCost").contains("the dearest host is big-1 at $944.00"), f.get("maxMonthlyCost"));
    }

    @Test
    void theBillTheLessonAsksForIsTheOneTheCostModelComputes() {
        Lesson lesson = COURSE.lesson("failure-domains-and-cost");
        assertNotNull(lesson);
        Question q = lesson.quiz().question("q-bill");
        Cost.Bill bill = Cost.monthly(LEDGER.solution(), new BigDecimal("10000"));
        assertEquals(0, q.number().compareTo(bill.totalUsd()), "q-bill's answer " + q.number() + " vs the model's " + bill.totalUsd());
        assertEquals(0, new BigDecimal("472").compareTo(bill.hosts().get(0).usd()), "the worked example's $472 host");
    }

    @Test
    void theLessonSaysThreeRegionsOfOneSmallHostAlsoPass() throws Exception {
        String json = """
                {"apps": [{"name": "ledger", "minRunning": 2}], "regions": [
                  {"code": "eu-west-1", "zones": [{"id": "euw1-az1", "datacenters": [{"id": "d1", "hosts": [
                    {"id": "h1", "hypervisor": "type1", "cores": 4, "memoryGiB": 16, "storageGiB": 100,
                     "vms": [{"id": "l1", "vcpus": 4, "memoryGiB": 8, "diskGiB": 40, "app": "ledger"}]}]}]}]},
                  {"code": "eu-central-1", "zones": [{"id": "euc1-az1", "datacenters": [{"id": "d2", "hosts": [
                    {"id": "h2", "hypervisor": "type1", "cores": 4, "memoryGiB": 16, "storageGiB": 100,
                     "vms": [{"id": "l2", "vcpus": 4, "memoryGiB": 8, "diskGiB": 40, "app": "ledger"}]}]}]}]},
                  {"code": "eu-west-3", "zones": [{"id": "euw3-az1", "datacenters": [{"id": "d3", "hosts": [
                    {"id": "h3", "hypervisor": "type1", "cores": 4, "memoryGiB": 16, "storageGiB": 100,
                     "vms": [{"id": "l3", "vcpus": 4, "memoryGiB": 8, "diskGiB": 40, "app": "ledger"}]}]}]}]}]}""";
        Layout three = cloudlab.sim.document.LayoutReader.read(json, cloudlab.sim.document.Documents.Format.JSON, "", RegionCatalog.builtIn());
        GradeResult r = LEDGER.grade(three);
        assertTrue(r.passed(), r.toString());
        assertFalse(r.checks().get(2).message().contains("dearest"), "under the limit the message names no culprit");
    }
}

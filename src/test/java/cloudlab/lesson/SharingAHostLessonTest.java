package cloudlab.lesson;

import cloudlab.sim.Command;
import cloudlab.sim.History;
import cloudlab.sim.RegionCatalog;
import cloudlab.sim.Vm;
import cloudlab.sim.time.VmLoad;
import cloudlab.sim.grade.GradeResult;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The lesson "Sharing a host fairly" as shipped: its predict questions' answers come from the
 * engine and match what the lesson's prose works out by hand, and its challenge's reference
 * solution passes while each known-wrong design fails for the reason the lesson gives.
 */
class SharingAHostLessonTest {
    static final Course COURSE = Course.load(Path.of("lessons").toAbsolutePath(), RegionCatalog.builtIn());
    static final Lesson LESSON = COURSE.lesson("sharing-a-host-fairly");
    static final LessonChallenge CHALLENGE = COURSE.challenge("shop-steal-under-ten");

    static Question question(String id) {
        return LESSON.quiz().questions().stream().filter(q -> q.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void theSharesQuestionHasTheAnswersItsExplanationWorksOut() {
        assertTrue(COURSE.problems().isEmpty(), COURSE.problems().toString());
        List<BigDecimal> answers = question("q-predict-shares").variants().stream().map(Question::number).toList();
        assertEquals(List.of(new BigDecimal("22.2"), new BigDecimal("7.4"), BigDecimal.ZERO), answers);
        assertEquals(new BigDecimal("41.7"), question("q-predict-batch").number());
    }

    /** The same load with other shares or limit, as the Run page's "Set load" sends it. */
    static Command load(History h, String vm, int shares, double limit) {
        VmLoad l = h.state().workload().of(h.state().node(vm, Vm.class));
        return new Command.SetVmLoad(vm, new VmLoad(l.cpu(), l.activeMemoryGiB(), shares, l.reservation(), limit));
    }

    @Test
    void theTryItTicksForALimitThenForSharesWithTheLimitBack() {
        Segment.Sandbox b = LESSON.sandboxes().get(0);
        History h = History.from(b.layout(), List.of(), 0);
        assertEquals(0, b.task().standing(h).done());
        h.submit(load(h, "batch", 8000, 2));
        assertEquals(1, b.task().standing(h).done());
        h.submit(load(h, "batch", 8000, 8));
        h.submit(load(h, "web-1", 12000, 4));
        assertEquals(1, b.task().standing(h).done(), "web-2 still waits during the sale");
        h.submit(load(h, "web-2", 12000, 4));
        assertTrue(b.task().standing(h).complete());
    }

    @Test
    void theSolutionCapsTheBatchJobsAndPasses() {
        GradeResult r = CHALLENGE.grade(CHALLENGE.solution());
        assertTrue(r.passed(), r.toString());
        assertEquals(Map.of("maxStealPercent", "at second 0, web-1 on host-1 waited 11.1 % of the CPU it wanted (at most 10 %): it wanted 3"
                + " cores and got 2.667; the VMs of host-1 wanted 11 cores, 8 were theirs to share"), NewChallengesTest.failures(CHALLENGE, CHALLENGE.start()));
    }

    @Test
    void bothShopServersOnOneHostWaitLonger() {
        Map<String, String> f = NewChallengesTest.failures(CHALLENGE, NewChallengesTest.wrong(CHALLENGE, "both shop VMs on one host"));
        assertEquals(List.of("maxStealPercent"), List.copyOf(f.keySet()));
        assertTrue(f.get("maxStealPercent").contains("waited 33.3 %"), f.get("maxStealPercent"));
    }

    @Test
    void stoppingTheBatchJobsTakesTheReportsDown() {
        Map<String, String> f = NewChallengesTest.failures(CHALLENGE, NewChallengesTest.wrong(CHALLENGE, "batch jobs stopped"));
        assertEquals(List.of("appAvailable"), List.copyOf(f.keySet()));
    }

    @Test
    void aThirdHostIsOneTooMany() {
        Map<String, String> f = NewChallengesTest.failures(CHALLENGE, NewChallengesTest.wrong(CHALLENGE, "a third host for the batch"));
        assertEquals(Map.of("maxHosts", "3 hosts (at most 2)"), f);
    }

    @Test
    void sharesOnOneHostLeaveTheOtherShopServerWaiting() {
        Map<String, String> f = NewChallengesTest.failures(CHALLENGE, NewChallengesTest.wrong(CHALLENGE, "shares on one host only"));
        assertEquals(List.of("maxStealPercent"), List.copyOf(f.keySet()));
        assertTrue(f.get("maxStealPercent").contains("web-2 on host-2"), f.get("maxStealPercent"));
    }
}

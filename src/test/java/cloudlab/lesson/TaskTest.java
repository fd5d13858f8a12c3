package cloudlab.lesson;

import cloudlab.sim.Command;
import cloudlab.sim.History;
import cloudlab.sim.InputException;
import cloudlab.sim.RegionCatalog;
import cloudlab.sim.VmSpec;
import cloudlab.sim.time.Profile;
import cloudlab.sim.time.VmLoad;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A lesson sandbox's guided task: read from the block, ticked over the sandbox's history in order. */
class TaskTest {
    static final String FRONT = """
            ---
            title: Tasks
            summary: A lesson with a task.
            teaches:
              - follow steps
            minutes: 5
            sources:
              - {title: A source, publisher: A publisher, url: "https://example.org/s", read: "2026-12"}
            ---

            """;

    static final String LAYOUT = """
            layout:
              apps:
                - {name: notes, minRunning: 1}
              regions:
                - code: us-east-1
                  zones:
                    - id: use1-az1
                      datacenters:
                        - id: dc1
                          hosts:
                            - {id: h1, hypervisor: type1, cores: 4, memoryGiB: 10, storageGiB: 100, vms: [{id: n1, vcpus: 1, memoryGiB: 4, diskGiB: 10, app: notes}]}
            """;

    static Segment.Sandbox block(String steps) throws InputException {
        String text = FRONT + "```sandbox\ntitle: Try it\n" + steps + LAYOUT + "```\n";
        return LessonReader.read(text, "01-tasks.md", null, RegionCatalog.builtIn()).sandboxes().get(0);
    }

    static final String FAIL_THEN_RESTORE = """
            steps:
              - do: "Fail use1-az1."
                when: {failed: use1-az1, down: notes}
              - do: "Restore it."
                when: {nothingFailed: true, appAvailable: notes}
            find: "A zone takes its VMs with it."
            """;

    static List<Boolean> ticks(Task task, History h) {
        return task.standing(h).steps().stream().map(Task.StepState::done).toList();
    }

    @Test
    void stepsTickInOrderAsTheHistoryGoesThroughThem() throws InputException {
        Segment.Sandbox b = block(FAIL_THEN_RESTORE);
        History h = History.from(b.layout(), List.of(), 0);
        assertEquals(List.of(false, false), ticks(b.task(), h), "the start state already has notes available, but step 1 comes first");
        h.submit(new Command.Fail("use1-az1"));
        assertEquals(List.of(true, false), ticks(b.task(), h));
        h.submit(new Command.Restore("use1-az1"));
        Task.Standing s = b.task().standing(h);
        assertEquals(List.of(true, true), ticks(b.task(), h), "the failure stays ticked after the restore: it happened");
        assertTrue(s.complete());
        assertEquals(2, s.done());
        assertEquals("A zone takes its VMs with it.", s.finding());
        assertNull(s.bill(), "no bill unless the task asks for one");
    }

    @Test
    void undoingPastAStepTakesItsTickBack() throws InputException {
        Segment.Sandbox b = block(FAIL_THEN_RESTORE);
        History h = History.from(b.layout(), List.of(), 0);
        h.submit(new Command.Fail("use1-az1"));
        h.submit(new Command.Restore("use1-az1"));
        h.undo();
        assertEquals(List.of(true, false), ticks(b.task(), h));
        h.undo();
        assertEquals(List.of(false, false), ticks(b.task(), h));
    }

    @Test
    void fullAndHostConditionsReadTheHostAsItIsNow() throws InputException {
        Segment.Sandbox b = block("""
                bill: true
                steps:
                  - do: "Fill h1 with 1-vCPU, 2 GiB VMs."
                    when: {full: {host: h1, vm: {vcpus: 1, memoryGiB: 2, diskGiB: 10}}, vmsOn: {host: h1, atLeast: 3}}
                  - do: "Set memoryOvercommit to 1.5."
                    when: {host: {id: h1, memoryOvercommit: 1.5}}
                """);
        History h = History.from(b.layout(), List.of(), 0);
        h.submit(new Command.AddVm("a", VmSpec.of(1, 2, 10), "h1", null));
        assertEquals(List.of(false, false), ticks(b.task(), h), "one more still fits (8 GiB offered, 6 used)");
        h.submit(new Command.AddVm("b", VmSpec.of(1, 2, 10), "h1", null));
        assertEquals(List.of(true, false), ticks(b.task(), h));
        assertTrue(b.task().standing(h).bill().contains("$219.5"), "4 cores × $48 + 10 GiB × $2.75: " + b.task().standing(h).bill());
    }

    @Test
    void aVmConditionReadsItsSharesAndLimitWithTheDefaultsOfAVmThatSetsNone() throws InputException {
        Segment.Sandbox b = block("""
                steps:
                  - do: "Limit n1 to half a core."
                    when: {vm: {id: n1, limit: 0.5}}
                  - do: "Give n1 back its whole vCPU and 3000 shares."
                    when: {vm: {id: n1, shares: 3000, limit: 1}}
                """);
        History h = History.from(b.layout(), List.of(), 0);
        assertEquals(List.of(false, false), ticks(b.task(), h), "n1 declares no load: its limit is its 1 vCPU");
        h.submit(new Command.SetVmLoad("n1", new VmLoad(Profile.Constant.IDLE, 0, 1000, 0, 0.5)));
        assertEquals(List.of(true, false), ticks(b.task(), h));
        h.submit(new Command.SetVmLoad("n1", new VmLoad(Profile.Constant.IDLE, 0, 2000, 0, 1)));
        assertEquals(List.of(true, false), ticks(b.task(), h), "the limit is back but the shares are not 3000");
        h.submit(new Command.SetVmLoad("n1", new VmLoad(Profile.Constant.IDLE, 0, 3000, 0, 1)));
        assertEquals(List.of(true, true), ticks(b.task(), h));
    }

    @Test
    void aVmConditionNamesWhatItChecks() {
        InputException e = assertThrows(InputException.class, () -> block("""
                steps:
                  - do: "Do it."
                    when: {vm: {id: n1}}
                """));
        assertTrue(e.getMessage().contains("steps[0].when.vm") && e.getMessage().contains("shares, reservation, limit"), e.getMessage());
    }

    @Test
    void anUnknownConditionNamesTheFieldAndWhatIsKnown() {
        InputException e = assertThrows(InputException.class, () -> block("""
                steps:
                  - do: "Do it."
                    when: {teleported: h1}
                """));
        assertTrue(e.getMessage().contains("steps[0].when") && e.getMessage().contains("teleported")
                && e.getMessage().contains("vmsOn") && e.getMessage().contains("survivesZoneFailure"), e.getMessage());
    }

    @Test
    void aFindingWithoutStepsIsRefused() {
        InputException e = assertThrows(InputException.class, () -> block("find: \"Something.\"\n"));
        assertTrue(e.getMessage().contains("find") && e.getMessage().contains("steps"), e.getMessage());
    }

    @Test
    void checkLessonsAsksEverySandboxForATaskThatIsNotDoneAtTheStart(@TempDir Path folder) throws IOException {
        Files.writeString(folder.resolve("01-no-task.md"), FRONT + "```sandbox\ntitle: Try it\n" + LAYOUT + "```\n");
        Files.writeString(folder.resolve("02-done-already.md"), FRONT + "```sandbox\ntitle: Try it\nsteps:\n  - do: \"Keep notes up.\"\n"
                + "    when: {appAvailable: notes}\n" + LAYOUT + "```\n");
        List<String> problems = Course.load(folder, RegionCatalog.builtIn()).checkTasks();
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("01-no-task.md: sandbox 0 (Try it): steps: missing"), problems.get(0));
        assertTrue(problems.get(1).startsWith("02-done-already.md: sandbox 0 (Try it): steps[0] already holds"), problems.get(1));
    }
}

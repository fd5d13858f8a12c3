package cloudlab.web;

import cloudlab.lesson.Task;
import cloudlab.page.SandboxDrawings;
import cloudlab.page.SandboxPage;
import cloudlab.sandbox.ChallengeChecks;
import cloudlab.sandbox.CommandForm;
import cloudlab.sandbox.Sandbox;
import cloudlab.sandbox.SandboxView;
import cloudlab.sandbox.SandboxView.Message;
import cloudlab.sandbox.Sandboxes;
import cloudlab.sim.Layout;
import cloudlab.sim.grade.Challenge;
import cloudlab.sim.grade.GradeResult;
import cloudlab.workshop.Working;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Many states of the sandbox page, made by the real code paths (sandboxes stored and acted on, the
 * view and the drawings as the handler makes them): an empty sandbox, a built-up one with users, a
 * failed zone, a zone warning and undone steps, a workshop's; each with a message after every form,
 * a refusal with odd typed values, a failure injected, a share link; and a challenge and a guided
 * task at each standing.
 */
final class SandboxStates {
    /** A state: its name, and the page its parts are written from. */
    record State(String name, SandboxPage page) {
    }

    static final String CSRF = "tok-<&>\"'";
    private final Services services;
    private final ChallengeChecks checks;
    private final Sandboxes sandboxes;
    private final List<State> out = new ArrayList<>();

    SandboxStates(Services services) {
        this.services = services;
        this.sandboxes = services.sandboxes();
        this.checks = cloudlab.quiz.ChallengeResults.checks(services.course(), services.progress(),
                (learnerId, lesson) -> Working.place(services.course().course(), services.workshops().working(learnerId), lesson).scope());
    }

    /**
     * The states of sandboxes made of the test's own layouts, with challenges and guided tasks
     * standing as the test says (so that they stay the same whatever the course's lessons say):
     * what the golden markup pins.
     */
    static List<State> own(Services services) {
        SandboxStates states = new SandboxStates(services);
        states.own(services.progress().newLearner().learner().id());
        return states.out;
    }

    private void own(String ada) {
        Sandbox empty = sandboxes.createBlank(ada, "Empty <sandbox> & \"quotes\"");
        views("empty", empty, true);
        Sandbox built = built(ada, Sandbox.Origin.BLANK);
        views("built", built, true);
        views("workshop", built(ada, Sandbox.Origin.WORKSHOP), false);
        standings("built", built);
    }

    /** The challenge at each standing (unchecked, passed, failed with a goal holding for no credit, invalid) and the guided task at each. */
    private void standings(String name, Sandbox s) {
        SandboxView v = SandboxView.of(s, checks, null, Message.ok("Checked <it>"), "check", Map.of(), null, null);
        Challenge c = new Challenge("own", "Three <zones> & \"more\"", null, List.of());
        List<String> goals = List.of("At least 3 zones <in> one region", "Apps available & \"up\"", "No more than 4 hosts");
        GradeResult.CheckResult pass = new GradeResult.CheckResult("minZones", null, true, "3 zones <ok>");
        GradeResult.CheckResult fail = new GradeResult.CheckResult("appsAvailable", null, false, "shop is down & needs 2");
        GradeResult.CheckResult vacuous = new GradeResult.CheckResult("maxHosts", null, true, "no hosts to judge", true);
        List<GradeResult> checks = Arrays.asList(null, new GradeResult("own", true, 1.0, List.of(pass, pass, pass)),
                new GradeResult("own", false, 2 / 3.0, List.of(pass, fail, vacuous)), new GradeResult("own", false, 0.125, List.of(fail, fail, vacuous)),
                new GradeResult("own", false, 0.5, List.of(pass, fail)), GradeResult.invalid("own", "zone eu-west-1z is not <real>"));
        for (int i = 0; i < checks.size(); i++) {
            SandboxView with = new SandboxView(v.sandbox(), v.state(), v.report(), v.ws(), v.message(), v.saidFor(), c, goals, checks.get(i), v.lesson(),
                    v.shareUrl(), v.catalog(), v.zoneWarnings());
            out.add(new State(name + " challenge " + i, page(s, with, null)));
        }
        List<Task.StepState> steps = List.of(new Task.StepState(1, "Add <a> VM & see", true, "Use \"Add a VM\""), new Task.StepState(2, "Fill the host", false, "Keep <adding>"),
                new Task.StepState(3, "Fail it", false, null));
        List<Task.StepState> done = steps.stream().map(st -> new Task.StepState(st.number(), st.text(), true, st.hint())).toList();
        List<Task.Standing> tasks = List.of(new Task.Standing(steps, false, null, null), new Task.Standing(steps, false, "What you find <here>", "$1888 a month & more"),
                new Task.Standing(done, true, "Seven VMs fit; memory runs out first.", "$2832"), new Task.Standing(List.of(), true, null, null));
        SandboxView plain = SandboxView.of(s, this.checks, new SandboxView.Link("/lessons/own", "Own <lesson> & co"), null, null, Map.of(), null, null);
        for (int i = 0; i < tasks.size(); i++) out.add(new State(name + " task " + i, page(s, plain, tasks.get(i))));
    }

    /** A sandbox with places, hosts, apps, VMs running and stopped, users, a failed zone, a zone warning, undone steps. */
    private Sandbox built(String learner, Sandbox.Origin origin) {
        Layout blank = sandboxes.createBlank(learner, "blank").history().state();
        Sandbox s = sandboxes.create(learner, "Built <up> & 'more'", origin, origin == Sandbox.Origin.WORKSHOP ? "w1" : null, blank);
        act(s, "op", "add-region", "code", "eu-west-1");
        act(s, "op", "add-region", "code", "us-east-1");
        act(s, "op", "add-zone", "region", "eu-west-1", "id", "euw1-az1");
        act(s, "op", "add-zone", "region", "eu-west-1", "id", "eu-west-1z");
        act(s, "op", "add-zone", "region", "us-east-1", "id", "use1-az1");
        act(s, "op", "add-datacenter", "zone", "euw1-az1", "id", "dc1");
        act(s, "op", "add-datacenter", "zone", "use1-az1", "id", "dc2");
        act(s, "op", "add-host", "datacenter", "dc1", "id", "h1", "hypervisor", "type1", "cores", "16", "memoryGiB", "64", "storageGiB", "1000");
        act(s, "op", "add-host", "datacenter", "dc2", "id", "h2", "hypervisor", "type2", "cores", "8", "memoryGiB", "32", "storageGiB", "500",
                "cpuOvercommit", "2", "memoryOvercommit", "1.5");
        act(s, "op", "add-app", "name", "shop", "minRunning", "2");
        act(s, "op", "add-app", "name", "blog");
        act(s, "op", "add-vm", "id", "web-1", "vcpus", "2", "memoryGiB", "4", "diskGiB", "20", "host", "h1", "app", "shop");
        act(s, "op", "add-vm", "id", "web-2", "vcpus", "2", "memoryGiB", "4", "diskGiB", "20", "host", "h2", "app", "shop");
        act(s, "op", "add-vm", "id", "db-1", "vcpus", "4", "memoryGiB", "8", "diskGiB", "100", "host", "h1", "state", "stopped");
        act(s, "op", "place-user", "name", "oslo", "lat", "59.9", "lon", "10.7");
        act(s, "op", "place-user", "name", "sydney <au>", "lat", "-33.87", "lon", "151.21");
        act(s, "op", "fail", "id", "use1-az1");
        act(s, "op", "add-vm", "id", "tmp-1", "vcpus", "1", "memoryGiB", "1", "diskGiB", "1", "host", "h1");
        act(s, "op", "add-vm", "id", "tmp-2", "vcpus", "1", "memoryGiB", "1", "diskGiB", "1", "host", "h1");
        sandboxes.undo(learner, s.id());
        sandboxes.undo(learner, s.id());
        return get(s);
    }

    private void act(Sandbox s, String... pairs) {
        Map<String, List<String>> form = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) form.put(pairs[i], List.of(pairs[i + 1]));
        try {
            sandboxes.act(s.learnerId(), s.id(), CommandForm.parse(form));
        } catch (cloudlab.sim.InputException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private Sandbox get(Sandbox s) {
        return sandboxes.get(s.learnerId(), s.id());
    }

    /** The sandbox plain, and (when {@code every}) after each form with a notice, a refusal with odd values typed, a failure, a share link. */
    private void views(String name, Sandbox s, boolean every) {
        view(name, s, null, null, Map.of(), null, null);
        view(name + " shared", s, null, null, Map.of(), null, "http://lab.example/shared/a<b>&c\"d");
        view(name + " host h2", s, null, null, Map.of(), "h2", null);
        if (!every) {
            view(name + " ok add-vm", s, Message.ok("Added web-9 on h1 <first-fit>"), "add-vm", Map.of("id", "web-9"), null, null);
            return;
        }
        Map<String, String> odd = new LinkedHashMap<>();
        for (String f : List.of("id", "name", "vcpus", "memoryGiB", "diskGiB", "app", "host", "policy", "state", "datacenter", "hypervisor", "cores",
                "storageGiB", "cpuOvercommit", "memoryOvercommit", "lat", "lon", "code", "customCode", "region", "zone")) {
            odd.put(f, f + " <typed> & \"q\" 'a'");
        }
        for (String form : Arrays.asList("add-vm", "add-host", "change-host", "migrate-vm", "add-region", "add-zone", "add-datacenter", "app", "user",
                "break", "tree", "history", "check", "head", "no-such")) {
            view(name + " ok " + form, s, Message.ok("Done <it> & \"that\""), form, odd, null, null);
            view(name + " refused " + form, s, Message.bad("Refused: <no> room & 'such'"), form, odd, null, null);
            view(name + " failed " + form, s, new Message("Failed use1-az1 <zone>", "fail"), form, Map.of("id", "use1-az1"), null, null);
            view(name + " warned " + form, s, Message.warn("Careful <now>"), form, Map.of(), null, null);
        }
        view(name + " add-vm choices", s, Message.bad("no"), "add-vm", Map.of("state", "stopped", "policy", "best-fit", "host", "h2", "app", "shop"), null, null);
        view(name + " add-vm spread", s, Message.ok("yes"), "add-vm", Map.of("policy", "spread", "app", "blog"), null, null);
        view(name + " add-host type2", s, Message.bad("no"), "add-host", Map.of("hypervisor", "type2", "datacenter", "dc2"), null, null);
        view(name + " change-host h2", s, Message.bad("no"), "change-host", Map.of("id", "h2", "cores", "99"), null, null);
    }

    private void view(String name, Sandbox s, Message message, String form, Map<String, String> typed, String host, String shareUrl) {
        SandboxView v = SandboxView.of(s, checks, null, message, form, typed, host, shareUrl);
        out.add(new State(name, page(s, v, SandboxPages.task(services, s))));
    }

    private static SandboxPage page(Sandbox s, SandboxView v, Task.Standing task) {
        return new SandboxPage(v, new SandboxDrawings(v.state(), v.report()), "/sandboxes/" + s.id(), CSRF, task);
    }
}

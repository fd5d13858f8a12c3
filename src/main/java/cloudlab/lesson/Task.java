package cloudlab.lesson;

import cloudlab.sim.Capacity;
import cloudlab.sim.Cost;
import cloudlab.sim.History;
import cloudlab.sim.Host;
import cloudlab.sim.Layout;
import cloudlab.sim.Num;
import cloudlab.sim.Report;
import cloudlab.sim.Simulator;
import cloudlab.sim.Vm;
import cloudlab.sim.VmSpec;
import cloudlab.sim.grade.Goal;
import cloudlab.sim.grade.Grader;
import cloudlab.sim.time.VmLoad;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The guided task of a lesson sandbox: its "Try it" as a short list of steps, each with the
 * conditions that make it true, and what the learner should find at the end. The steps are
 * checked on the learner's own sandbox, on the states its history went through, in order: a
 * step ticks once its conditions all held at some state no earlier than the one that ticked the
 * step before it. So "fail the zone, then restore it" ticks both steps, and undoing past a step
 * takes its tick back. With {@code bill}, the learner also reads what the layout's hosts cost a
 * month in the lab's cost model ({@link Cost#monthly}), for tasks about money.
 */
public record Task(List<Step> steps, String finding, boolean bill) {
    public Task {
        steps = List.copyOf(steps);
    }

    /** One step: what to do, the conditions that say it is done (all of them), and a hint (may be null). */
    public record Step(String text, List<Condition> when, String hint) {
        public Step {
            when = List.copyOf(when);
        }

        boolean holds(Layout state, Supplier<Report> report) {
            for (Condition c : when) if (!c.holds(state, report)) return false;
            return true;
        }
    }

    /** Where a learner stands: each step with whether it is done, and whether all are. */
    public record Standing(List<StepState> steps, boolean complete, String finding, String bill) {
        /** How many steps are done. */
        public long done() {
            return steps.stream().filter(StepState::done).count();
        }
    }

    /** A step as the sandbox page shows it: numbered from 1, done or not, with its hint. */
    public record StepState(int number, String text, boolean done, String hint) {
    }

    /** Checks the steps over the states of the history from its start to where the learner is now. */
    public Standing standing(History history) {
        Layout state = history.start();
        int done = advance(0, state);
        for (History.Entry e : history.entries()) {
            if (done == steps.size()) break;
            if (!e.applied()) continue;
            e.events().forEach(state::apply);
            done = advance(done, state);
        }
        List<StepState> out = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            Step s = steps.get(i);
            out.add(new StepState(i + 1, s.text(), i < done, s.hint()));
        }
        return new Standing(out, done == steps.size(), finding, bill ? bill(history.state()) : null);
    }

    private static String bill(Layout state) {
        Cost.Bill b = Cost.monthly(state, BigDecimal.ZERO);
        return "In the lab's cost model, this layout's " + Num.count(b.hosts().size(), "host") + " cost $" + Num.show(b.hostsUsd())
                + " a month (each host: cores × $" + Num.show(Cost.CORE_MONTH_USD) + " + memory GiB × $" + Num.show(Cost.GIB_MONTH_USD) + ").";
    }

    /**
     * Ticks as many further steps as hold in this state, from step {@code done} on. The state is
     * simulated only if a condition asks for the report, so a long history costs little where the
     * next step's first condition is a plain look-up that fails.
     */
    private int advance(int done, Layout state) {
        Report[] simulated = new Report[1];
        Supplier<Report> report = () -> simulated[0] != null ? simulated[0] : (simulated[0] = Simulator.simulate(state));
        while (done < steps.size() && steps.get(done).holds(state, report)) done++;
        return done;
    }

    /**
     * A fact about a sandbox's state that a step waits for. Besides every challenge goal
     * ({@link OfGoal}), a few facts a challenge has no use for but a guided step does.
     */
    public sealed interface Condition {
        boolean holds(Layout state, Supplier<Report> report);

        /** A challenge goal (contract section 5 or the project's) that passes with something to judge. */
        record OfGoal(Goal goal) implements Condition {
            public boolean holds(Layout state, Supplier<Report> report) {
                return Grader.check(goal, state).earnsCredit();
            }
        }

        /** The host holds at least {@code atLeast} VMs, running or stopped. */
        record VmsOn(String host, int atLeast) implements Condition {
            public boolean holds(Layout state, Supplier<Report> report) {
                Host h = state.node(host, Host.class);
                return h != null && h.vms().size() >= atLeast;
            }
        }

        /** The app has at least {@code atLeast} VMs in the layout, running or stopped. */
        record VmsOf(String app, int atLeast) implements Condition {
            public boolean holds(Layout state, Supplier<Report> report) {
                return state.vms().stream().filter(v -> app.equals(v.app())).count() >= atLeast;
            }
        }

        /** The host exists and has no room for one more running VM of this size (R2–R4). */
        record Full(String host, VmSpec vm) implements Condition {
            public boolean holds(Layout state, Supplier<Report> report) {
                Host h = state.node(host, Host.class);
                return h != null && Capacity.room(h, vm) == 0;
            }
        }

        /** The host's hypervisor and overcommit ratios are as given (a null field is not checked). */
        record HostIs(String host, String hypervisor, BigDecimal cpuOvercommit, BigDecimal memoryOvercommit) implements Condition {
            public boolean holds(Layout state, Supplier<Report> report) {
                Host h = state.node(host, Host.class);
                if (h == null) return false;
                return (hypervisor == null || h.hypervisor().word().equals(hypervisor))
                        && (cpuOvercommit == null || h.spec().cpuOvercommit().compareTo(cpuOvercommit) == 0)
                        && (memoryOvercommit == null || h.spec().memoryOvercommit().compareTo(memoryOvercommit) == 0);
            }
        }

        /**
         * The VM's CPU settings are as given (a null field is not checked), counting a VM that
         * declares none as having the defaults: 1,000 shares a vCPU, no reservation, a limit of its vCPUs.
         */
        record VmIs(String vm, Integer shares, BigDecimal reservation, BigDecimal limit) implements Condition {
            public boolean holds(Layout state, Supplier<Report> report) {
                Vm v = state.node(vm, Vm.class);
                if (v == null) return false;
                VmLoad l = state.workload().of(v);
                return (shares == null || l.shares() == shares)
                        && (reservation == null || BigDecimal.valueOf(l.reservation()).compareTo(reservation) == 0)
                        && (limit == null || BigDecimal.valueOf(l.limit()).compareTo(limit) == 0);
            }
        }

        /** The VM sits on that host. */
        record VmOn(String vm, String host) implements Condition {
            public boolean holds(Layout state, Supplier<Report> report) {
                Vm v = state.node(vm, Vm.class);
                return v != null && v.host().id().equals(host);
            }
        }

        /** The VM exists and is running ({@code running} true) or stopped (false). */
        record VmState(String vm, boolean running) implements Condition {
            public boolean holds(Layout state, Supplier<Report> report) {
                Vm v = state.node(vm, Vm.class);
                return v != null && v.running() == running;
            }
        }

        /** The node is failed. */
        record Failed(String id) implements Condition {
            public boolean holds(Layout state, Supplier<Report> report) {
                return state.failed().contains(id);
            }
        }

        /** Nothing is failed. */
        record NothingFailed() implements Condition {
            public boolean holds(Layout state, Supplier<Report> report) {
                return state.failed().isEmpty();
            }
        }

        /** The app is declared and not available. */
        record Down(String app) implements Condition {
            public boolean holds(Layout state, Supplier<Report> report) {
                Report.AppReport a = report.get().app(app);
                return a != null && !a.available();
            }
        }

        /** The user's nearest serving region is that one ({@code region} null: no region serves the user). */
        record ServedFrom(String user, String region) implements Condition {
            public boolean holds(Layout state, Supplier<Report> report) {
                List<Report.UserReport> users = report.get().users();
                if (users == null) return false;
                for (Report.UserReport u : users) {
                    if (!u.name().equals(user)) continue;
                    String from = u.nearestServing() == null ? null : u.nearestServing().region();
                    return region == null ? from == null : region.equals(from);
                }
                return false;
            }
        }
    }
}

package cloudlab.sandbox;

import cloudlab.sim.Layout;
import cloudlab.sim.RegionCatalog;
import cloudlab.sim.Report;
import cloudlab.sim.Simulator;
import cloudlab.sim.grade.Challenge;
import cloudlab.sim.grade.GradeResult;
import cloudlab.sim.grade.Goals;

import java.util.List;
import java.util.Map;

/**
 * Everything the sandbox page reads, apart from the drawings: the sandbox and its state now, the
 * core's report on it, the workspace (table, timeline, forms), the message after the last action
 * and the form it came from, the challenge and how its goals stand, the lesson it belongs to, and
 * the share link just made. {@code saidFor} is the form beside which the message stands alone (a
 * refusal or a failure, when the page draws that form), or "".
 */
public record SandboxView(Sandbox sandbox, Layout state, Report report, Workspace ws, Message message, String saidFor,
                          Challenge challenge, List<String> goals, GradeResult check, Link lesson, String shareUrl,
                          List<RegionCatalog.Entry> catalog, List<String> zoneWarnings) {

    /**
     * A sentence after an action and how it reads: {@code ok} (green), {@code warn}, {@code bad} (a
     * refusal) or {@code fail} (an accepted step that broke something on purpose, a failure injected).
     */
    public record Message(String text, String tone) {
        public static Message ok(String text) {
            return new Message(text, "ok");
        }

        /** What an accepted action came to: a failure it injected reads as a failure, anything else as done. */
        public static Message done(String text, List<cloudlab.sim.Event> events) {
            return events.stream().anyMatch(e -> e instanceof cloudlab.sim.Event.Failed) ? new Message(text, "fail") : ok(text);
        }

        public static Message warn(String text) {
            return new Message(text, "warn");
        }

        public static Message bad(String text) {
            return new Message(text, "bad");
        }

        boolean refusal() {
            return tone.equals("bad");
        }

        /** A refusal or a failure stands beside the form that was used, alone (not also in the banner at the top). */
        boolean besideForm() {
            return refusal() || tone.equals("fail");
        }
    }

    /** A link to a page: where it goes and what it says. */
    public record Link(String href, String title) {
    }

    /**
     * The view of a sandbox. {@code message} is what the last action came to (null on a plain
     * view), {@code form} and {@code typed} the form it came from and what was typed there (null and
     * empty on a plain view), {@code host} the host "Change a host" shows when no form chose one.
     */
    public static SandboxView of(Sandbox s, ChallengeChecks checks, Link lesson, Message message, String form, Map<String, String> typed,
                                 String host, String shareUrl) {
        Layout state = s.history().state();
        Report report = Simulator.simulate(state);
        Challenge challenge = checks.challengeOf(s);
        boolean refused = message != null && message.refusal();
        Workspace ws = Workspace.of(s, report, form, typed, message != null && !refused, host);
        // a refusal or a failure sits beside the form used when the page draws it, else at the top, never lost
        String saidFor = message != null && message.besideForm() && Workspace.formShown(form, state, challenge != null) ? form : "";
        List<String> goals = challenge == null ? List.of() : challenge.goals().stream().map(Goals::describe).toList();
        return new SandboxView(s, state, report, ws, message, saidFor, challenge, goals, checks.standing(s), lesson, shareUrl,
                state.catalog().entries(), state.catalog().zoneProblems(state));
    }

    /** The message unless it is a refusal: in its tone, in the banner or beside the form used (see {@link #banner()}). */
    public String notice() {
        return message == null || message.refusal() ? null : message.text();
    }

    /** The message for the banner at the top: any but a refusal or a failure that stands beside its form ({@code saidFor}). */
    public String banner() {
        return saidFor.isEmpty() ? notice() : null;
    }

    /** The refusal, if the last action was refused. */
    public String error() {
        return message != null && message.refusal() ? message.text() : null;
    }

    public String tone() {
        return message == null ? "ok" : message.tone();
    }

    /** Whether the form of that key was the one just used: its card stays open, success or not. */
    public boolean used(String formKey) {
        return formKey.equals(ws.forms().form());
    }

    public boolean canUndo() {
        return sandbox.history().canUndo();
    }

    public boolean canRedo() {
        return sandbox.history().canRedo();
    }

    /** The name an export of this sandbox downloads under (see {@link Sandbox#fileName}). */
    public String fileName(String extension) {
        return sandbox.fileName(extension);
    }
}

package cloudlab.sandbox;

import cloudlab.sim.Command;
import cloudlab.sim.Layout;

/**
 * Every cap on what a learner may keep, in one place, each with the sentence that refuses it: the
 * field it is about and the limit. Every path that makes or grows a sandbox or a saved layout
 * (a blank sandbox, an import, a copy of a share, a workshop's push and reset, a lesson's sandbox,
 * a step) passes here, so no door is wider than another and the largest sandbox allowed is known:
 * {@link #MAX_HOSTS} hosts holding {@link #MAX_VMS} VMs.
 */
public final class Caps {
    /** The most steps one sandbox keeps, so one learner cannot slow the room. */
    public static final int MAX_COMMANDS = 50_000;
    /**
     * The most hosts one sandbox may hold: several times the largest lesson layout, and small enough that
     * the whole sandbox page (every host drawn, every row of the table) stays under 2 MB. Larger
     * layouts are for the stateless API and the command line, which draw nothing.
     */
    public static final int MAX_HOSTS = 80;
    /** The most VMs one sandbox may hold (ten a host at the cap). */
    public static final int MAX_VMS = 800;
    /** The most sandboxes one learner may keep. */
    public static final int MAX_SANDBOXES = 200;
    /** The largest layout file an import reads (the JSON API's body limit). */
    public static final int MAX_UPLOAD = 1024 * 1024;
    /** The most bytes one learner may keep: start layouts and steps of their sandboxes, and their share links. */
    public static final long MAX_LEARNER_BYTES = 16L * 1024 * 1024;

    private Caps() {
    }

    /** Thrown when a learner reaches a cap; the message names the field and the limit. */
    public static final class Reached extends RuntimeException {
        public Reached(String message) {
            super(message, null, false, false);
        }
    }

    /** Null when a sandbox may start from this layout, else why not. */
    static String layout(Layout layout) {
        int hosts = layout.hosts().size();
        if (hosts > MAX_HOSTS) return "hosts: a sandbox holds at most " + MAX_HOSTS + " hosts (this layout has " + hosts + ")";
        int vms = layout.vms().size();
        if (vms > MAX_VMS) return "vms: a sandbox holds at most " + MAX_VMS + " VMs (this layout has " + vms + ")";
        return null;
    }

    /** Null when the command keeps the sandbox within its caps, else the cap it would pass. */
    static String command(Layout state, Command command) {
        if (command instanceof Command.AddHost && state.hosts().size() >= MAX_HOSTS) {
            return "hosts: a sandbox holds at most " + MAX_HOSTS + " hosts";
        }
        if (command instanceof Command.AddVm && state.vms().size() >= MAX_VMS) return "vms: a sandbox holds at most " + MAX_VMS + " VMs";
        return null;
    }

    /** Null when a sandbox with this many steps may take one more, else why not. */
    static String steps(int steps) {
        return steps >= MAX_COMMANDS ? "steps: a sandbox keeps at most " + MAX_COMMANDS + " steps; start a new sandbox from an export" : null;
    }

    /** Null when a learner with this many sandboxes may make one more, else why not. */
    static String sandboxes(int count) {
        return count >= MAX_SANDBOXES ? "sandboxes: a learner keeps at most " + MAX_SANDBOXES + " sandboxes; delete one first" : null;
    }

    /** Null when a learner keeping {@code kept} bytes of at most {@code cap} may keep {@code more}, else why not. */
    static String storage(long cap, long kept, long more) {
        if (kept + more <= cap) return null;
        return "storage: a learner keeps at most " + mib(cap) + " of sandboxes and shares (you keep " + mib(kept)
                + "); delete a sandbox first";
    }

    private static String mib(long bytes) {
        return bytes >= 1024 * 1024 ? String.format(java.util.Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024))
                : String.format(java.util.Locale.ROOT, "%.1f KiB", bytes / 1024.0);
    }
}

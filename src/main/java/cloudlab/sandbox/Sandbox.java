package cloudlab.sandbox;

import cloudlab.sim.History;

/**
 * A learner's sandbox: who owns it, where it came from (a lesson's sandbox block, a challenge, an
 * import or a copy) and its history, whose state is the replay of the start layout and the
 * commands up to the current position. {@code version} goes up with every change; a page sends
 * back the version it showed, so a repeated or stale undo is refused instead of applied twice.
 */
public record Sandbox(String id, String learnerId, String title, Origin origin, String originRef, History history, int version) {
    /** A sandbox not yet changed (version 0). */
    public Sandbox(String id, String learnerId, String title, Origin origin, String originRef, History history) {
        this(id, learnerId, title, origin, originRef, history, 0);
    }

    /** Where a sandbox came from. */
    public enum Origin { BLANK, LESSON, CHALLENGE, IMPORT, COPY, WORKSHOP }
}

package cloudlab.sandbox;

import cloudlab.sim.History;

/**
 * A learner's sandbox: who owns it, where it came from (a lesson's sandbox block, a challenge, an
 * import or a copy) and its history, whose state is the replay of the start layout and the
 * commands up to the current position.
 */
public record Sandbox(String id, String learnerId, String title, Origin origin, String originRef, History history) {
    /** Where a sandbox came from. */
    public enum Origin { BLANK, LESSON, CHALLENGE, IMPORT, COPY, WORKSHOP }
}

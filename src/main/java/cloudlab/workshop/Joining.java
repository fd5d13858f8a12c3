package cloudlab.workshop;

import java.util.Optional;

/**
 * Joining a workshop: a join code and the name the room will see. Joining again (same browser or
 * resume code) keeps the membership and the sandbox and takes the new name.
 */
public final class Joining {
    private final Workshops workshops;
    private final WorkshopSandboxes sandboxes;
    private final Activity activity;

    Joining(Workshops workshops, WorkshopSandboxes sandboxes, Activity activity) {
        this.activity = activity;
        this.workshops = workshops;
        this.sandboxes = sandboxes;
    }

    /** The workshop a typed code names, if any (case, spaces and dashes do not matter). */
    public Optional<Workshop> workshop(String code) {
        return workshops.byCode(code);
    }

    /** Why this name may not join that workshop (empty: it may), naming the field and the rule. */
    public static Optional<String> refusal(Optional<Workshop> workshop, String name) {
        if (name == null || name.isEmpty() || name.length() > Workshops.MAX_NAME || name.chars().anyMatch(Character::isISOControl)) {
            return Optional.of("name: type the name the room will see you by (1 to " + Workshops.MAX_NAME + " characters)");
        }
        if (workshop.isEmpty()) return Optional.of("code: no workshop has that join code; check it on the screen (6 letters and digits)");
        if (!workshop.get().open()) return Optional.of("code: that workshop has ended; its results are kept, but it takes no new joins");
        return Optional.empty();
    }

    /**
     * Why this reader (a learner's id, or null for one who is no learner yet) may not take this name
     * in the workshop, checked before anyone is made a learner, so that a refused join makes nothing.
     */
    public Optional<String> nameRefusal(Workshop w, String learnerId, String name) {
        return workshops.nameTakenFor(w.id(), learnerId, name) ? Optional.of(new Workshops.NameTaken(name).getMessage()) : Optional.empty();
    }

    /** Joins (or rejoins) the learner; a first join gives them a sandbox from the start layout. */
    public Member join(Workshop w, String learnerId, String name) {
        Member m = workshops.join(w, learnerId, name);
        activity.changed(w.id());
        if (m.sandboxId() != null) return m;
        String sandboxId = sandboxes.give(w, learnerId, sandboxes.start(w), "Workshop sandbox").id();
        return new Member(m.workshopId(), m.learnerId(), m.displayName(), sandboxId, m.joinedAt(), m.lastSeenAt());
    }
}

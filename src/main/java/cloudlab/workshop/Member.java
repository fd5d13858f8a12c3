package cloudlab.workshop;

/** A learner in a workshop, with the name they gave and the sandbox the workshop gave them. */
public record Member(String workshopId, String learnerId, String displayName, String sandboxId, String joinedAt, String lastSeenAt) {
}

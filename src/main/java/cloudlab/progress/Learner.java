package cloudlab.progress;

/** A learner: no sign-up, just an id, a resume code to carry progress elsewhere, and maybe a name. */
public record Learner(String id, String resumeCode, String displayName) {
}

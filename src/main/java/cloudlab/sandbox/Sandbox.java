package cloudlab.sandbox;

import cloudlab.sim.History;
import cloudlab.sim.Layout;
import cloudlab.sim.document.LayoutWriter;

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

    /** A download of the sandbox's state: its file name (the title as a slug), media type and text. */
    public record Export(String fileName, String contentType, String text) {
    }

    /** The state now as a layout document, YAML or JSON, named after the sandbox. */
    public Export export(boolean json) {
        Layout state = history.state();
        return json ? new Export(fileName("json"), "application/json; charset=utf-8", LayoutWriter.toJson(state))
                : new Export(fileName("yaml"), "application/yaml; charset=utf-8", LayoutWriter.toYaml(state));
    }

    /** The name a download of this sandbox gets: its title as a slug, and the extension. */
    public String fileName(String extension) {
        return slug(title) + "." + extension;
    }

    /** Lower-case letters and digits of the title, runs of anything else as one hyphen; "sandbox" when nothing is left. */
    static String slug(String title) {
        String s = java.text.Normalizer.normalize(title == null ? "" : title, java.text.Normalizer.Form.NFKD)
                .replaceAll("\\p{M}+", "").toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (s.length() > 60) s = s.substring(0, 60).replaceAll("-+$", "");
        return s.isEmpty() ? "sandbox" : s;
    }
}

package cloudlab.page;

import cloudlab.diagram.Diagrams;
import cloudlab.lesson.Task;
import cloudlab.sandbox.SandboxView;
import cloudlab.sim.Report;
import cloudlab.sim.grade.GradeResult;

import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;

/**
 * The sandbox page's panels and messages as parts, written here rather than by a template (an
 * action renders several of them, and the template engine's own work cost a sandbox action more
 * than its drawings did): the markup the templates wrote, byte for byte, escaped as they escaped.
 * The forms are {@link SandboxForms}'.
 */
final class SandboxPanels {
    private SandboxPanels() {
    }

    /** The guided task of a lesson sandbox: its steps, ticked as they come true; nothing for another sandbox. */
    static String task(Task.Standing t) {
        if (t == null) return "";
        int steps = t.steps().size();
        Markup m = new Markup(2048).raw("<section class=\"panel panel--task\" id=\"task\" aria-labelledby=\"task-h\">\n  <h2 id=\"task-h\">Your task</h2>\n")
                .raw("  <p class=\"task-status\" id=\"task-status\" role=\"status\">")
                .text(t.complete() ? "All " + steps + " steps done." : t.done() + " of " + steps + " steps done. The lab ticks each step when it comes true here.")
                .raw("</p>\n  ");
        if (t.bill() != null) m.raw("<p class=\"task-bill\" id=\"task-bill\">").text(t.bill()).raw("</p>");
        m.raw("\n  <ol class=\"goals task-steps\">").each(t.steps(), "\n    ", st -> {
            m.raw("<li").attr("data-step", st.number()).attr("data-done", st.done()).attr("class", st.done() ? "is-pass" : null)
                    .raw(">\n      <span class=\"task-tick\" aria-hidden=\"true\">").text(st.done() ? "✓" : "○")
                    .raw("</span>\n      <span>").text(st.text()).raw("</span>\n      <span class=\"visually-hidden\">").text(st.done() ? "(done)" : "(not yet)")
                    .raw("</span>\n      ");
            if (st.hint() != null && !st.done()) m.raw("<details class=\"task-hint\"><summary>Hint</summary><p>").text(st.hint()).raw("</p></details>");
            m.raw("\n    </li>");
        });
        m.raw("\n  </ol>\n  ");
        if (t.finding() != null) {
            m.raw("<details class=\"task-finding\" id=\"task-finding\">\n    <summary>Show what you should find</summary>\n    <p>").text(t.finding())
                    .raw("</p>\n  </details>");
        }
        return m.raw("\n</section>").toString();
    }

    /** The title, counts, apps and failures, and the history's buttons. */
    static String head(SandboxPage p) {
        SandboxView v = p.v();
        Markup m = new Markup(2048).raw("\n  <header class=\"ws-head\">\n    <div>\n      <p class=\"eyebrow\">\n        ");
        if (v.lesson() != null) m.raw("<span><a").attr("href", v.lesson().href()).raw(">").text("Lesson: " + v.lesson().title()).raw("</a> · </span>");
        m.raw("\n        <span>").text(v.challenge() != null ? "Challenge sandbox" : "Sandbox").raw("</span>\n      </p>\n      <h1 class=\"ws-title\">")
                .text(v.sandbox().title()).raw("</h1>\n      <p class=\"ws-counts\">\n        <span>").text(v.state().summary())
                .raw("</span>\n      </p>\n      <p class=\"ws-run\"><a").attr("href", p.at("/run"))
                .raw(" id=\"run-link\">Run for a minute: CPU and memory second by second</a></p>\n      <ul class=\"app-badges\" aria-label=\"Apps\">");
        m.each(v.report().apps(), "\n", a -> m.raw("<li class=\"app-badge ").raw(a.available() ? "is-up" : "is-down").raw("\"").attr("data-app", a.name())
                .raw("><strong>").text(a.name()).raw("</strong> <span>").raw(a.available() ? "available" : "DOWN").raw("</span> <span>")
                .text("(" + a.running() + " of " + a.minRunning() + " needed running)").raw("</span></li>"));
        for (String f : v.report().failed()) {
            m.raw("<li class=\"app-badge is-down\"").attr("data-failed", f).raw("><strong>").text(f).raw("</strong> <span>failed</span></li>");
        }
        m.raw("</ul>\n    </div>\n    \n    <div class=\"ws-history-buttons\" role=\"group\" aria-label=\"History\"><form method=\"post\"").attr("action", p.at("/undo"))
                .raw(">").csrf(p.csrf()).raw("<input type=\"hidden\" name=\"version\"").attr("value", v.sandbox().version()).raw(">");
        historyButton(m, p, !v.canUndo(), "undo", null, "↶ Undo");
        historyButton(m, p, !v.canRedo(), "redo", "/redo", "↷ Redo");
        historyButton(m, p, !v.canUndo(), "reset", "/reset", "Reset");
        return m.raw("</form></div>\n  </header>\n").toString();
    }

    /** A button of the history's form: it posts to its own address ({@code formaction}, null for the form's own) and by htmx. */
    private static void historyButton(Markup m, SandboxPage p, boolean disabled, String id, String formaction, String words) {
        m.raw("<button class=\"button\" type=\"submit\"").attr("id", id).attr("formaction", formaction == null ? null : p.at(formaction))
                .attr("data-hx-post", p.at("/" + id)).flag("disabled", disabled).raw(">").raw(words).raw("</button>");
    }

    /** The message at the top, a refusal that stands nowhere else, and the zones' warnings. */
    static String messages(SandboxPage p) {
        SandboxView v = p.v();
        Markup m = new Markup(512).raw("\n  <div class=\"ws-messages\">\n    ");
        if (v.banner() != null) words(m.raw("<p class=\"notice notice--").text(v.tone()).raw("\" role=\"status\" id=\"notice\">"), p, v.banner()).raw("</p>");
        m.raw("\n    ");
        if (v.error() != null && v.saidFor().isEmpty()) m.raw("<p class=\"notice notice--bad\" role=\"alert\">").text(v.error()).raw("</p>");
        m.each(v.zoneWarnings(), "\n    ", w -> m.raw("<p class=\"notice notice--warn zone-warning\">")
                .text("Allowed here, but not real: " + w + ". A lesson challenge would refuse it.").raw("</p>"));
        return m.raw("\n  </div>\n").toString();
    }

    /** A message's words; a failure the learner injected says so in words as well as in its colour. */
    static Markup words(Markup m, SandboxPage p, String text) {
        return m.raw(p.v().tone().equals("fail"), "<strong>Failure injected: </strong>").text(text);
    }

    /**
     * What a form says after it was used, a part of its own inside its form's part: the refusal
     * beside it, or what it did. It lasts one action: the page asks for it again ({@code data-said}).
     */
    static Markup said(Markup m, SandboxPage p, String key) {
        SandboxView v = p.v();
        m.raw("<div").attr("data-part", "said-" + key).raw(">");
        if (v.error() != null && v.saidFor().equals(key)) m.raw("<p class=\"field-error\" role=\"alert\" data-said>").text(v.error()).raw("</p>");
        if (v.notice() != null && v.used(key)) {
            m.raw("<p class=\"notice form-notice notice--").text(v.tone()).raw("\" data-said").attr("role", v.saidFor().equals(key) ? "status" : null).raw(">");
            words(m, p, v.notice()).raw("</p>");
        }
        return m.raw("</div>");
    }

    /** The challenge, its goals and how they stood at the last check; nothing for a sandbox without one. */
    static String challenge(SandboxPage p) {
        SandboxView v = p.v();
        if (v.challenge() == null) return "\n  \n";
        GradeResult check = v.check();
        boolean invalid = check != null && check.checks().get(0).goal().equals("valid");
        Markup m = new Markup(2048).raw("\n  <section class=\"panel panel--challenge\" id=\"challenge\" aria-labelledby=\"challenge-h\">\n    <h2 id=\"challenge-h\">")
                .text("Challenge: " + v.challenge().title()).raw("</h2>\n    <ol class=\"goals\">");
        List<String> goals = v.goals();
        for (int i = 0; i < goals.size(); i++) {
            GradeResult.CheckResult c = check != null && !invalid && i < check.checks().size() ? check.checks().get(i) : null;
            m.raw("\n      <li").attr("class", c == null ? null : c.passed() ? "is-pass" : "is-fail").raw(">\n        <span>").text(goals.get(i)).raw("</span>\n        ");
            if (c != null) {
                m.raw("<span class=\"goal-result\">\n          <strong>").text(c.passed() ? c.vacuous() != null ? "○ holds, no credit" : "✓ passed" : "✗ not yet")
                        .raw("</strong> — <span>").text(c.message()).raw("</span>\n        </span>");
            }
            m.raw("\n      </li>");
        }
        if (goals.isEmpty()) m.raw("\n      ");
        m.raw("\n    </ol>\n    ");
        if (invalid) m.raw("<p class=\"field-error\" role=\"alert\" id=\"check-invalid\">").text(check.checks().get(0).message()).raw("</p>");
        m.raw("\n    ").postForm(p.at("/check"), "", null).csrf(p.csrf())
                .raw("\n      <button class=\"button button--primary\" type=\"submit\" id=\"check\">Check my design</button>\n      ");
        if (check != null) {
            m.raw("<span class=\"check-score\" id=\"check-score\">").text(check.passed() ? "All goals met — challenge passed!" : "Score: " + percent(check.score()) + "% of the goals")
                    .raw("</span>");
        }
        m.raw("\n    </form>\n    ");
        return said(m, p, "check").raw("\n  </section>\n").toString();
    }

    /** A score as a whole percentage, rounded as {@code #numbers.formatInteger} rounds (half to even). */
    private static String percent(double score) {
        NumberFormat f = NumberFormat.getNumberInstance(Locale.ENGLISH);
        f.setMaximumFractionDigits(0);
        f.setMinimumIntegerDigits(1);
        return f.format(score * 100);
    }

    /** The hosts and their VMs: the key, then a card per host, each a part of its own. */
    static String hosts(SandboxPage p) {
        Diagrams.HostCards h = p.d().hosts();
        Markup m = new Markup(16384).raw("\n    \n    <div class=\"diagram\" tabindex=\"0\" role=\"region\" aria-label=\"Drawing: hosts and VMs\">\n      <div data-part=\"hosts-key\">")
                .raw(h.key()).raw("</div>");
        m.each(h.cards(), "\n      ", c -> m.raw("<div").attr("data-part", "card-" + c.host()).raw(">").raw(c.svg()).raw("</div>"));
        return m.raw("\n    </div>\n").toString();
    }

    /** The map: its ground and the layout's layer, each a part of its own, and the places on it in words. */
    static String map(SandboxPage p) {
        List<String> places = p.d().mapPlaces();
        Markup m = new Markup(16384).raw("\n    \n    <div class=\"diagram diagram--map\" tabindex=\"0\" role=\"region\" aria-label=\"Drawing: world map of regions and users\">\n")
                .raw("      <div data-part=\"map-base\">").raw(p.d().mapBase()).raw("</div>\n      <div data-part=\"map-layer\">").raw(p.d().map())
                .raw("</div>\n    </div>\n    <div data-part=\"map-places\">");
        if (!places.isEmpty()) {
            m.raw("<ul class=\"map-places\" aria-label=\"Places on the map\">");
            for (String place : places) m.raw("<li>").text(place).raw("</li>");
            m.raw("</ul>");
        }
        return m.raw("</div>\n").toString();
    }

    /** The regions, zones and data centers drawn, and the users' round trips. */
    static String infra(SandboxPage p) {
        List<Report.UserReport> users = p.v().report().users();
        Markup m = new Markup(16384).raw("\n    <div class=\"diagram\" tabindex=\"0\" role=\"region\" aria-label=\"Drawing: regions, zones and data centers\">")
                .raw(p.d().infrastructure()).raw("</div>\n    ");
        if (users != null) {
            m.raw("<table class=\"rtt-table\">\n      <caption>Round trips from your users (rule R7: 2 ms + 0.015 ms per km)</caption>\n")
                    .raw("      <thead><tr><th scope=\"col\">User</th><th scope=\"col\">Served by</th><th scope=\"col\">Round trip to each region</th></tr></thead>\n      <tbody>");
            for (Report.UserReport u : users) {
                m.raw("<tr>\n        <th scope=\"row\">").text(u.name()).raw("</th>\n        <td>")
                        .text(u.nearestServing() == null ? "no region serves yet" : u.nearestServing().region() + " (" + u.nearestServing().rttMs() + " ms)")
                        .raw("</td>\n        <td>");
                u.rttMs().forEach((region, ms) -> m.raw("<span class=\"rtt\">").text(region + ": " + ms + " ms").raw("</span>"));
                m.raw("</td>\n      </tr>");
            }
            m.raw("</tbody>\n    </table>");
        }
        return m.raw("\n").toString();
    }

    /** "Break things": what can fail, to fail or restore. */
    static String breakThings(SandboxPage p) {
        List<String> failable = p.v().ws().failable();
        Markup m = new Markup(2048).raw("\n  <section id=\"break\" class=\"panel\" aria-labelledby=\"break-h\">\n    <h2 id=\"break-h\">Break things</h2>\n")
                .raw("    <p class=\"hint\">Fail a host, a data center, a zone or a whole region and see which VMs go down and which apps survive.</p>\n    ");
        if (!failable.isEmpty()) {
            m.postForm(p.at("/do"), " class=\"inline-field\"", "form-fail").csrf(p.csrf())
                    .raw("\n      <input type=\"hidden\" name=\"form\" value=\"break\">\n      <label class=\"visually-hidden\" for=\"fail-id\">What to fail or restore</label>\n")
                    .raw("      <select name=\"id\" id=\"fail-id\">");
            for (String f : failable) m.raw("<option").attr("value", f).raw(">").text(f).raw("</option>");
            m.raw("</select>\n      <button id=\"form-fail-go\" class=\"button button--danger\" type=\"submit\" name=\"op\" value=\"fail\">Fail it</button>\n")
                    .raw("      <button id=\"form-fail-go-2\" class=\"button\" type=\"submit\" name=\"op\" value=\"restore\">Restore it</button>\n    </form>");
        }
        m.raw("\n    ");
        return said(m, p, "break").raw("\n  </section>\n").toString();
    }

    /** "Everything, as a table": a group of rows per host (and per run of places between hosts), each a part of its own. */
    static String tree(SandboxPage p) {
        boolean empty = p.v().ws().rows().isEmpty();
        Markup m = new Markup(16384).raw("\n  <section id=\"tree-view\" class=\"panel\" aria-labelledby=\"tree-h\">\n    <h2 id=\"tree-h\">Everything, as a table</h2>\n    ")
                .raw(empty, "<p class=\"hint\">Nothing here yet. Start by adding a region.</p>").raw("\n    ");
        if (!empty) {
            m.postForm(p.at("/do"), "", "form-tree").raw("\n    ").csrf(p.csrf()).raw("<input type=\"hidden\" name=\"form\" value=\"tree\">\n    <table class=\"tree-table\">\n")
                    .raw("      <thead><tr><th scope=\"col\">Name</th><th scope=\"col\">Kind</th><th scope=\"col\">Details</th><th scope=\"col\">Status</th><th scope=\"col\">Actions</th></tr></thead>");
            // a comment stood between the head and the groups: the whitespace before each group is both lines
            m.each(p.d().rows(p.v().ws().groups()), "\n      \n      ", g -> m.raw("<tbody").attr("data-part", "rows-" + g.id()).raw(">").raw(g.html()).raw("</tbody>"));
            m.raw("\n    </table>\n    </form>");
        }
        m.raw("\n    ");
        return said(m, p, "tree").raw("\n  </section>\n").toString();
    }

    /** The history: a step per line, with one form whose "Go here" buttons send a step's number. */
    static String history(SandboxPage p) {
        Markup m = new Markup(8192).raw("\n  <section id=\"history\" class=\"panel\" aria-labelledby=\"history-h\">\n    <h2 id=\"history-h\">History</h2>\n")
                .raw("    <p class=\"hint\">Every action is a step; Ctrl+Z undoes and Ctrl+Shift+Z redoes (⌘ on a Mac) when you are not typing in a field.\n")
                .raw("      Steps you undo stay below, greyed, for redo or \"Go here\", until you do something new: a new step replaces them.\n")
                .raw("      Your instructor's steps stay whatever you undo.</p>\n    \n    ").postForm(p.at("/step"), "", null).csrf(p.csrf())
                .raw("<input type=\"hidden\" name=\"version\"").attr("value", p.v().sandbox().version()).raw(">\n    <ol class=\"timeline\" start=\"0\">")
                .raw(p.d().steps(p.v().ws().steps())).raw("\n    </ol>\n    </form>\n    ");
        return said(m, p, "history").raw("\n  </section>\n").toString();
    }

    /** Import, export and share; the delete link, unless the sandbox is a workshop's. */
    static String io(SandboxPage p) {
        SandboxView v = p.v();
        Markup m = new Markup(2048).raw("\n  <section id=\"io\" class=\"panel\" aria-labelledby=\"io-h\">\n    <h2 id=\"io-h\">Import, export and share</h2>\n    <p>\n")
                .raw("      <a class=\"button\"").attr("href", p.at("/export.yaml")).raw(" id=\"export-yaml\"").attr("download", v.fileName("yaml")).raw(">Export YAML</a>\n")
                .raw("      <a class=\"button\"").attr("href", p.at("/export.json")).raw(" id=\"export-json\"").attr("download", v.fileName("json")).raw(">Export JSON</a>\n")
                .raw("      <a class=\"button\" href=\"/sandboxes#import\">Import a layout…</a>\n    </p>\n    <form method=\"post\"").attr("action", p.at("/share"))
                .raw(" id=\"share\">").csrf(p.csrf()).raw("\n      <button class=\"button\" type=\"submit\">Make a share link</button>\n    </form>\n    ");
        if (v.shareUrl() != null) {
            m.raw("<div class=\"share-link\">\n      <label for=\"share-url\">Anyone with this link gets their own copy of this state</label>\n      <div class=\"inline-field\">\n")
                    .raw("        <input id=\"share-url\" type=\"url\" readonly").attr("value", v.shareUrl())
                    .raw(">\n        <button class=\"button\" type=\"button\" data-copy=\"share-url\">Copy</button>\n      </div>\n")
                    .raw("      <p class=\"hint\" aria-live=\"polite\" id=\"share-url-copied\"></p>\n      <a").attr("href", v.shareUrl()).raw(" id=\"share-link\">Open the link</a>\n    </div>");
        }
        m.raw("\n    ");
        if (v.sandbox().origin() != cloudlab.sandbox.Sandbox.Origin.WORKSHOP) {
            m.raw("<p><a").attr("href", p.at("/delete")).raw(" id=\"delete\" class=\"danger-link\">Delete this sandbox…</a></p>");
        }
        return m.raw("\n  </section>\n").toString();
    }
}

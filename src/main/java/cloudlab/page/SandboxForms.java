package cloudlab.page;

import cloudlab.sandbox.Workspace;
import cloudlab.sim.Layout;
import cloudlab.sim.Node;

import java.util.Collection;
import java.util.function.Consumer;

/**
 * The sandbox page's forms as parts, written here rather than by a template: the markup the
 * templates wrote, byte for byte, escaped as they escaped. Most are a folding card that posts one
 * action ({@link #card}); "Apps" and "Place users" hold several forms each.
 */
final class SandboxForms {
    private SandboxForms() {
    }

    /** Where the fields of a form card sit, and the whitespace before each of their lines. */
    private static final String LINE = "\n            ";

    /** A form card's settings: its action ({@code key}), words, when it shows and opens, and what it says until it is ready. */
    private record Card(String key, String title, boolean shown, boolean open, boolean ready, String hint, String button, boolean primary) {
    }

    /**
     * A form card: a folding card that posts one action (op = its key), with its fields, its button
     * and what it said. It opens when it was just used or when asked; until it is ready it shows its
     * hint instead. Nothing but the whitespace around it when it is not shown.
     */
    private static String card(SandboxPage p, Card c, Consumer<Markup> fields) {
        Markup m = new Markup(4096).raw("\n      ");
        if (!c.shown()) return m.raw("\n").toString();
        m.raw("<details class=\"form-card\"").attr("open", c.open() || p.v().used(c.key()) ? "open" : null).raw(">\n  <summary>").text(c.title())
                .raw("</summary>\n  ");
        if (!c.ready()) m.raw("<p class=\"hint\">").text(c.hint()).raw("</p>");
        m.raw("\n  ");
        if (c.ready()) {
            m.postForm(p.at("/do"), "", "form-" + c.key()).csrf(p.csrf()).raw("\n    <input type=\"hidden\" name=\"op\"").attr("value", c.key())
                    .raw("><input type=\"hidden\" name=\"form\"").attr("value", c.key()).raw(">\n    ");
            fields.accept(m);
            m.raw("\n    <button").attr("id", "form-" + c.key() + "-go").attr("class", c.primary() ? "button button--primary" : "button").raw(" type=\"submit\">")
                    .text(c.button()).raw("</button>\n    ");
            SandboxPanels.said(m, p, c.key()).raw("\n  </form>");
        }
        return m.raw("\n</details>\n").toString();
    }

    /** An input that starts with what the form typed, else {@code fallback}: {@code <label>words <input name=… before value=… after></label>}. */
    private static Markup input(Markup m, SandboxPage p, String form, String words, String name, String before, String fallback, String after) {
        return m.raw(LINE).raw("<label>").raw(words).raw(" <input name=\"").raw(name).raw("\"").raw(before).attr("value", p.typed(form, name, fallback))
                .raw(after).raw("></label>");
    }

    /** A select's options, one per node, its id as value and words, the one named {@code selected} selected (null for none). */
    private static Markup options(Markup m, Collection<? extends Node> nodes, String selected, String before) {
        return m.each(nodes, before, n -> m.raw("<option").attr("value", n.id()).flag("selected", n.id().equals(selected)).raw(">").text(n.id()).raw("</option>"));
    }

    private static Markup option(Markup m, String value, boolean selected, String words) {
        return m.raw("<option").attr("value", value).flag("selected", selected).raw(">").raw(words).raw("</option>");
    }

    static String addVm(SandboxPage p) {
        Layout state = p.v().state();
        return card(p, new Card("add-vm", "Add a VM", !state.hosts().isEmpty(), false, true, null, "Add VM", true), m -> {
            String f = "add-vm";
            m.raw("<div class=\"grid\">");
            input(m, p, f, "VM id", "id", "", p.v().ws().suggest().get("vm"), " required maxlength=\"64\"");
            input(m, p, f, "vCPUs", "vcpus", " type=\"number\" min=\"1\" max=\"4096\"", "2", " required");
            input(m, p, f, "Memory (GiB)", "memoryGiB", " type=\"number\" min=\"0\" step=\"0.001\"", "4", " required");
            input(m, p, f, "Disk (GiB)", "diskGiB", " type=\"number\" min=\"0\" step=\"0.001\"", "20", " required");
            m.raw(LINE).raw("<label>App <select name=\"app\"><option value=\"\">none</option>").raw(p.d().appOptions(p.typed(f, "app", ""), true))
                    .raw("</select></label>").raw(LINE).raw("<label>State <select name=\"state\"><option value=\"running\">running</option>\n              ");
            option(m, "stopped", p.typed(f, "state", "").equals("stopped"), "stopped").raw("</select></label>");
            m.raw(LINE).raw("<label>Host <select name=\"host\"><option value=\"\">let a policy choose</option>").raw(p.d().hostOptions(p.typed(f, "host", "")))
                    .raw("</select></label>").raw(LINE).raw("<label>Policy <select name=\"policy\">\n              ");
            String policy = p.typed(f, "policy", "first-fit");
            option(m, "first-fit", false, "first-fit: the first host with room").raw("\n              ");
            option(m, "best-fit", policy.equals("best-fit"), "best-fit: the host left with the fewest free vCPUs").raw("\n              ");
            option(m, "spread", policy.equals("spread"), "spread: the zone running the fewest VMs of its app").raw("</select></label>\n          </div>");
        });
    }

    static String addHost(SandboxPage p) {
        Layout state = p.v().state();
        String f = "add-host";
        return card(p, new Card(f, "Add a host", true, state.hosts().isEmpty() && !state.datacenters().isEmpty(), !state.datacenters().isEmpty(),
                "A host lives in a data center. Add a region, a zone and a data center first (below).", "Add host", true), m -> {
            m.raw("<div class=\"grid\">");
            input(m, p, f, "Host id", "id", "", p.v().ws().suggest().get("host"), " required maxlength=\"64\"");
            m.raw(LINE).raw("<label>Data center <select name=\"datacenter\">");
            options(m, state.datacenters(), p.typed(f, "datacenter", ""), "").raw("</select></label>").raw(LINE);
            hostFields(m, new Workspace.Values(p.typed(f, "hypervisor", "type1"), p.typed(f, "cores", "16"), p.typed(f, "memoryGiB", "64"),
                    p.typed(f, "storageGiB", "1000"), p.typed(f, "cpuOvercommit", "1.0"), p.typed(f, "memoryOvercommit", "1.0")));
            m.raw("\n          </div>");
        });
    }

    /** A host's size fields, as "Add a host" and "Change a host" both ask for them. */
    private static void hostFields(Markup m, Workspace.Values v) {
        m.raw(LINE).raw("<label>Hypervisor <select name=\"hypervisor\"><option value=\"type1\">type 1 (bare metal)</option>\n              ");
        option(m, "type2", "type2".equals(v.hypervisor()), "type 2 (hosted)").raw("</select></label>");
        m.raw(LINE).raw("<label>Cores <input name=\"cores\" type=\"number\" min=\"1\" max=\"4096\"").attr("value", v.cores()).raw(" required></label>");
        m.raw(LINE).raw("<label>Memory (GiB) <input name=\"memoryGiB\" type=\"number\" min=\"0\" step=\"0.001\"").attr("value", v.memoryGiB()).raw(" required></label>");
        m.raw(LINE).raw("<label>Storage (GiB) <input name=\"storageGiB\" type=\"number\" min=\"0\" step=\"0.001\"").attr("value", v.storageGiB()).raw(" required></label>");
        m.raw(LINE).raw("<label>CPU overcommit <input name=\"cpuOvercommit\" type=\"number\" min=\"1\" max=\"16\" step=\"0.01\"").attr("value", v.cpuOvercommit()).raw("></label>");
        m.raw(LINE).raw("<label>Memory overcommit <input name=\"memoryOvercommit\" type=\"number\" min=\"1\" max=\"2\" step=\"0.01\"").attr("value", v.memoryOvercommit())
                .raw("></label>\n");
    }

    static String changeHost(SandboxPage p) {
        Layout state = p.v().state();
        return card(p, new Card("change-host", "Change a host (size, hypervisor, overcommit)", !state.hosts().isEmpty(), false, true, null, "Change host", false), m -> {
            Workspace.HostForm hf = p.v().ws().hostForm();
            Workspace.Values was = hf.was();
            m.raw("<div class=\"grid\" id=\"change-host-fields\">").raw(LINE)
                    .raw("<p class=\"hint\">The fields start from the chosen host's values; a field you leave as it is stays as it is.</p>").raw(LINE)
                    .raw("<label>Host <select name=\"id\" id=\"change-host-id\" data-hx-trigger=\"change\"").attr("data-hx-get", p.base()).raw(">");
            options(m, state.hosts(), hf.host(), "\n              ").raw("</select></label>").raw(LINE);
            was(m, "hypervisor", was.hypervisor());
            was(m, "cores", was.cores()).raw(LINE);
            was(m, "memoryGiB", was.memoryGiB());
            was(m, "storageGiB", was.storageGiB()).raw(LINE);
            was(m, "cpuOvercommit", was.cpuOvercommit());
            was(m, "memoryOvercommit", was.memoryOvercommit()).raw(LINE);
            hostFields(m, hf.shown());
            m.raw("\n          </div>");
        });
    }

    /** A hidden field with a host's value the form started from. */
    private static Markup was(Markup m, String field, String value) {
        return m.raw("<input type=\"hidden\" name=\"was-").raw(field).raw("\"").attr("value", value).raw(">");
    }

    static String migrateVm(SandboxPage p) {
        return card(p, new Card("migrate-vm", "Migrate a VM", !p.v().state().vms().isEmpty(), false, true, null, "Migrate", false), m -> m
                .raw("<div class=\"grid\">").raw(LINE).raw("<label>VM <select name=\"id\">").raw(p.d().vmOptions(true)).raw("</select></label>")
                .raw(LINE).raw("<label>To host <select name=\"host\">").raw(p.d().hostOptions()).raw("</select></label>\n          </div>"));
    }

    static String addRegion(SandboxPage p) {
        return card(p, new Card("add-region", "Add a region", true, p.v().state().regions().isEmpty(), true, null, "Add region", true), m -> {
            m.raw("<div class=\"grid\">").raw(LINE).raw("<label>Region <select name=\"code\">");
            m.each(p.v().catalog(), "\n              ", e -> m.raw("<option").attr("value", e.code()).raw(">").text(e.code() + " — " + e.name()).raw("</option>"));
            m.raw("\n              <option value=\"custom\">a custom region (give a code and location)</option></select></label>")
                    .raw(LINE).raw("<label>Custom code <input name=\"customCode\" maxlength=\"64\" placeholder=\"lab-north\"></label>")
                    .raw(LINE).raw("<label>Latitude <input name=\"lat\" type=\"number\" step=\"any\" min=\"-90\" max=\"90\" placeholder=\"59.33\"></label>")
                    .raw(LINE).raw("<label>Longitude <input name=\"lon\" type=\"number\" step=\"any\" min=\"-180\" max=\"180\" placeholder=\"18.07\"></label>\n          </div>");
        });
    }

    static String addZone(SandboxPage p) {
        Layout state = p.v().state();
        return card(p, new Card("add-zone", "Add an availability zone", !state.regions().isEmpty(), state.zones().isEmpty(), true, null, "Add zone", true), m -> {
            m.raw("<div class=\"grid\">").raw(LINE).raw("<label>Region <select name=\"region\">");
            m.each(state.regions(), "", r -> m.raw("<option").attr("value", r.code()).raw(">").text(r.code()).raw("</option>"));
            m.raw("</select></label>");
            input(m, p, "add-zone", "Zone id", "id", "", p.v().ws().suggest().get("zone"), " required maxlength=\"64\"").raw("\n          </div>");
        });
    }

    static String addDatacenter(SandboxPage p) {
        Layout state = p.v().state();
        return card(p, new Card("add-datacenter", "Add a data center", !state.zones().isEmpty(), state.datacenters().isEmpty(), true, null, "Add data center", true),
                m -> {
                    m.raw("<div class=\"grid\">").raw(LINE).raw("<label>Zone <select name=\"zone\">");
                    options(m, state.zones(), null, "").raw("</select></label>");
                    input(m, p, "add-datacenter", "Data center id", "id", "", p.v().ws().suggest().get("datacenter"), " required maxlength=\"64\"")
                            .raw("\n          </div>");
                });
    }

    /** The start of a form of a card that holds several ("Apps", "Place users"): its token, action and form key. */
    private static Markup subForm(Markup m, SandboxPage p, String id, String op, String form) {
        return m.postForm(p.at("/do"), "", id).csrf(p.csrf()).raw("\n          <input type=\"hidden\" name=\"op\" value=\"").raw(op)
                .raw("\"><input type=\"hidden\" name=\"form\" value=\"").raw(form).raw("\">");
    }

    static String apps(SandboxPage p) {
        Layout state = p.v().state();
        Markup m = new Markup(4096).raw("\n      <details class=\"form-card\"").attr("open", p.v().used("app") ? "open" : null)
                .raw(">\n        <summary>Apps and how many VMs each needs</summary>\n        ");
        subForm(m, p, "form-add-app", "add-app", "app").raw("\n          <div class=\"grid\">");
        input(m, p, "app", "App name", "name", "", p.v().ws().suggest().get("app"), " required maxlength=\"64\"")
                .raw(LINE).raw("<label>Needs running <input name=\"minRunning\" type=\"number\" min=\"1\" value=\"1\"></label>\n          </div>")
                .raw("\n          <button id=\"form-add-app-go\" class=\"button\" type=\"submit\">Add app</button>\n        </form>\n        ");
        if (!state.apps().isEmpty()) {
            subForm(m, p, "form-min-running", "set-min-running", "app").raw("\n          <div class=\"grid\">").raw(LINE).raw("<label>App <select name=\"app\">")
                    .raw(p.d().appNeedsOptions()).raw("</select></label>")
                    .raw(LINE).raw("<label>Needs running <input name=\"minRunning\" type=\"number\" min=\"1\" value=\"2\"></label>\n          </div>")
                    .raw("\n          <button id=\"form-min-running-go\" class=\"button\" type=\"submit\">Set</button>\n        </form>");
        }
        m.raw("\n        ");
        if (!state.apps().isEmpty() && !state.vms().isEmpty()) {
            subForm(m, p, "form-tag-vm", "set-vm-app", "app").raw("\n          <div class=\"grid\">").raw(LINE).raw("<label>VM <select name=\"id\">")
                    .raw(p.d().vmOptions(false)).raw("</select></label>")
                    .raw(LINE).raw("<label>Tag with app <select name=\"app\"><option value=\"\">none</option>").raw(p.d().appOptions(null, false))
                    .raw("</select></label>\n          </div>\n          <button id=\"form-tag-vm-go\" class=\"button\" type=\"submit\">Tag VM</button>\n        </form>");
        }
        m.raw("\n    ");
        return SandboxPanels.said(m, p, "app").raw("\n      </details>\n").toString();
    }

    static String users(SandboxPage p) {
        Layout state = p.v().state();
        String f = "user";
        Markup m = new Markup(4096).raw("\n      <details class=\"form-card\"").attr("open", p.v().used(f) ? "open" : null)
                .raw(">\n        <summary>Place users on the map</summary>\n        ");
        subForm(m, p, "form-place-user", "place-user", f).raw("\n          <div class=\"grid\">");
        input(m, p, f, "Name", "name", " required maxlength=\"64\" placeholder=\"sydney\"", "", "");
        input(m, p, f, "Latitude", "lat", " type=\"number\" step=\"any\" min=\"-90\" max=\"90\" required placeholder=\"-33.87\"", "", "");
        input(m, p, f, "Longitude", "lon", " type=\"number\" step=\"any\" min=\"-180\" max=\"180\" required placeholder=\"151.21\"", "", "")
                .raw("\n          </div>\n          <button id=\"form-place-user-go\" class=\"button\" type=\"submit\">Place user</button>\n        </form>\n        ");
        if (!state.users().isEmpty()) {
            m.raw("<ul class=\"chips\">");
            m.each(state.users(), "\n          ", u -> m.raw("<li>\n            <form method=\"post\"").attr("action", p.at("/do")).attr("data-hx-post", p.at("/do")).raw(">")
                    .csrf(p.csrf()).raw("\n              <input type=\"hidden\" name=\"op\" value=\"remove-user\"><input type=\"hidden\" name=\"form\" value=\"user\">")
                    .raw("\n              <input type=\"hidden\" name=\"name\"").attr("value", u.name()).raw(">\n              <span>").text(u.name())
                    .raw("</span>\n              <button class=\"button button--small\" type=\"submit\"").attr("aria-label", "Remove user " + u.name())
                    .raw(">Remove</button>\n            </form>\n          </li>"));
            m.raw("\n        </ul>");
        }
        m.raw("\n    ");
        return SandboxPanels.said(m, p, f).raw("\n      </details>\n").toString();
    }
}

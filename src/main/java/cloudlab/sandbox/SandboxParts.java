package cloudlab.sandbox;

import cloudlab.sim.Event;
import cloudlab.sim.History;
import cloudlab.sim.Host;
import cloudlab.sim.Layout;
import cloudlab.sim.Node;
import cloudlab.sim.Vm;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The parts of the sandbox page, and which of them an action can change: an answer renders only
 * those (and sends, of them, only the ones whose markup changed). The rule is by the kind of each
 * event the action made, one method per kind (the core's visitor), so a new kind of event cannot
 * be left out; a move of the history touches what the steps it undid or redid touch. Of the host
 * cards, an action that neither adds, removes nor renames a host draws only the cards of the hosts
 * its events name ({@link #cardsNamed}); the page keeps the others as it holds them. Of the table's
 * groups of rows, likewise, an action that neither adds, removes nor renames anything the table
 * lists draws only the groups with a row its events name ({@link #rowsNamed}), and an answer that
 * renders the table only for a form's message draws none.
 */
public final class SandboxParts {
    private SandboxParts() {
    }

    /** Each part of the page by name, in page order (each written by {@code page.SandboxPage#part}). */
    public static final Set<String> PARTS = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(List.of("task", "head", "messages", "challenge",
            "hosts-diagram", "f-add-vm", "f-add-host", "f-change-host", "f-migrate-vm", "map", "infra", "f-add-region", "f-add-zone", "f-add-datacenter",
            "f-app", "f-user", "break", "tree", "history", "io")));

    /** Every part: what a move of the history, or a page that holds nothing, needs. */
    public static Set<String> all() {
        return PARTS;
    }

    /** The part that holds a form (by the key its {@code form} field sends), or null for a key the page has no part for. */
    public static String partOf(String form) {
        if (form == null) return null;
        if (form.equals("check")) return "challenge";
        return PARTS.contains("f-" + form) ? "f-" + form : PARTS.contains(form) ? form : null;
    }

    /**
     * The parts an answer renders: those the action {@code touched}, and those the page asks for
     * again ({@code asked}: a form's message is asked for by its own name, {@code said-} and the
     * form's key, and brings its form's part); every part when {@code asked} is null (the page
     * said nothing of what it holds, as a page without the script).
     */
    public static Set<String> toRender(Set<String> touched, Set<String> asked) {
        return toRender(touched, asked, name -> true);
    }

    /**
     * As {@link #toRender(Set, Set)}, where {@code holds} says whether the page holds a part: every
     * host card is drawn when the page asks for the hosts' drawing again or does not hold it.
     */
    public static Set<String> toRender(Set<String> touched, Set<String> asked, java.util.function.Predicate<String> holds) {
        if (asked == null) return all();
        Set<String> out = new LinkedHashSet<>(touched);
        for (String name : asked) {
            String part = name.startsWith("said-") ? partOf(name.substring("said-".length())) : PARTS.contains(name) ? name : null;
            if (part != null) out.add(part);
            if (name.startsWith(CARD)) out.add(name); // a card the page asks for again is drawn
        }
        if (!touched.contains("tree")) out.add(NAMED_ROWS); // the table at most for its message: no row changed
        if (asked.contains("hosts-diagram") || !holds.test("hosts-diagram")) out.remove(NAMED_CARDS);
        if (asked.contains("tree") || !holds.test("tree") || asked.stream().anyMatch(n -> n.startsWith(ROWS))) out.remove(NAMED_ROWS);
        return out;
    }

    /** Whether an answer that renders {@code render} draws the card of that host (else the page keeps the card it holds). */
    public static boolean drawsCard(Set<String> render, String host) {
        return !render.contains(NAMED_CARDS) || render.contains(CARD + host);
    }

    /**
     * Whether an answer that renders {@code render} draws that group of the table's rows: when any
     * of its rows is named (else the page keeps the group it holds).
     */
    public static boolean drawsRows(Set<String> render, Workspace.RowGroup group) {
        if (!render.contains(NAMED_ROWS)) return true;
        for (Workspace.Row r : group.rows()) if (render.contains(ROW + r.id())) return true;
        return false;
    }

    /** In a set of parts: of the host cards, only those named ({@value #CARD} and the host's id) are drawn. */
    static final String NAMED_CARDS = "cards-named";
    static final String CARD = "card-";
    /** In a set of parts: of the table's groups of rows, only those with a row named ({@value #ROW} and its id) are drawn. */
    static final String NAMED_ROWS = "rows-named";
    static final String ROW = "row-";
    /** The name of a group of rows as a part ({@code rows-} and its first row's id), as the template marks it. */
    private static final String ROWS = "rows-";

    /**
     * What a refused action touches: the message, and the form it came from (which keeps what
     * was typed and shows the refusal beside it).
     */
    public static Set<String> refused(String form) {
        Set<String> out = with(Set.of("messages"), form);
        if (out.contains("tree")) out.add(NAMED_ROWS); // the table's form changes only its message
        return out;
    }

    /** What "Check my design" touches: the message and the challenge with its goals. */
    public static Set<String> checked() {
        return Set.of("messages", "challenge");
    }

    /** What picking a host in "Change a host" touches: that form alone, which starts from the host's values. */
    public static Set<String> hostPicked() {
        return Set.of("f-change-host");
    }

    /**
     * What an accepted action touches: its events' parts (see {@link Touches}), the form it came
     * from, and what every step changes (the head with its version and undo buttons, the message,
     * the history, the guided task and the challenge's standing). Every host card is drawn.
     */
    public static Set<String> accepted(List<Event> events, String form) {
        Set<String> out = new LinkedHashSet<>(List.of("head", "messages", "history", "task", "challenge"));
        for (Event e : events) out.addAll(e.accept(TOUCHES));
        return with(out, form);
    }

    /**
     * As {@link #accepted(List, String)}, for an action that took the layout from {@code before} to
     * {@code after}: of the host cards, only those of the hosts its events name are drawn.
     */
    public static Set<String> accepted(List<Event> events, String form, Layout before, Layout after) {
        Set<String> out = accepted(events, form);
        Set<String> hosts = out.contains("hosts-diagram") ? cardsNamed(events, before, after) : null;
        if (hosts != null) {
            out.add(NAMED_CARDS);
            for (String h : hosts) out.add(CARD + h);
        }
        Set<String> rows = out.contains("tree") ? rowsNamed(events, before, after) : null;
        if (rows != null) {
            out.add(NAMED_ROWS);
            for (String r : rows) out.add(ROW + r);
        }
        return out;
    }

    /**
     * What a move of the history touches (undo, redo, "Go here"): the parts of the events of every
     * step it undid or applied again, found by comparing the history {@code before} with the one
     * {@code after}, and what every step changes; every part when they are not the same steps.
     */
    public static Set<String> moved(History before, History after, String form) {
        List<History.Entry> was = before.entries();
        List<History.Entry> now = after.entries();
        if (was.size() != now.size()) return all();
        List<Event> flipped = new java.util.ArrayList<>();
        for (int i = 0; i < was.size(); i++) {
            if (!was.get(i).command().equals(now.get(i).command())) return all();
            if (was.get(i).undone() != now.get(i).undone()) flipped.addAll(now.get(i).events());
        }
        return accepted(flipped, form, before.state(), after.state());
    }

    /**
     * The hosts whose cards the events can change, between the layout {@code before} them and the
     * one {@code after} (the events applied, or for a move of the history, undone): each host the
     * events name, each host under a region, zone or data center they name, and each host that
     * holds, before or after, a VM they name. Null when the events add, remove or rename a host or
     * what holds hosts (the drawing's list of cards changes: every card is drawn).
     */
    static Set<String> cardsNamed(List<Event> events, Layout before, Layout after) {
        Set<String> named = named(events, NAMES);
        if (named == null) return null;
        Set<String> out = new LinkedHashSet<>();
        for (Layout l : List.of(before, after)) {
            for (Host h : l.hosts()) if (hit(h, named)) out.add(h.id());
        }
        return out;
    }

    /**
     * The rows of the table the events can change, between the layout {@code before} them and the
     * one {@code after}: each place or host under (or being) a node the events name, each host that
     * holds, before or after, a VM they name, and those VMs. Null when the events add, remove or
     * rename anything the table lists but a VM, or change what every row says (its groups change:
     * every group is drawn).
     */
    static Set<String> rowsNamed(List<Event> events, Layout before, Layout after) {
        Set<String> named = named(events, ROW_NAMES);
        if (named == null) return null;
        Set<String> out = new LinkedHashSet<>();
        for (Layout l : List.of(before, after)) {
            List<Node> nodes = new java.util.ArrayList<>(l.regions());
            nodes.addAll(l.zones());
            nodes.addAll(l.datacenters());
            nodes.addAll(l.hosts());
            nodes.addAll(l.vms());
            for (Node n : nodes) if (hit(n, named)) out.add(n.id());
        }
        return out;
    }

    /** The ids the events name, by {@code names}; null when one of them changes what every card or row shows. */
    private static Set<String> named(List<Event> events, Names names) {
        Set<String> named = new java.util.HashSet<>();
        for (Event e : events) {
            Set<String> ids = e.accept(names);
            if (ids == null) return null;
            named.addAll(ids);
        }
        return named;
    }

    /** Whether a node is named, sits under a named node, or is a host holding a named VM. */
    private static boolean hit(Node n, Set<String> named) {
        for (Node up = n; up != null; up = up.parent()) if (named.contains(up.id())) return true;
        if (n instanceof Host h) for (Vm vm : h.vms()) if (named.contains(vm.id())) return true;
        return false;
    }

    private static Set<String> with(Collection<String> parts, String form) {
        Set<String> out = new LinkedHashSet<>(parts);
        String used = partOf(form);
        if (used != null) out.add(used);
        return out;
    }

    private static final Touches TOUCHES = new Touches();

    /** The parts one event can change, beyond what every step changes. */
    static final class Touches implements Event.Visitor<Set<String>> {
        /** What shows the places (regions, zones, data centers): their drawing, map, forms, table and what can fail. */
        static final Set<String> PLACES = Set.of("infra", "map", "f-add-region", "f-add-zone", "f-add-datacenter", "f-add-host", "break", "tree");
        /** What shows the hosts: their cards, the forms that list them, the table, what can fail, and the places' host chips. */
        static final Set<String> HOSTS = Set.of("hosts-diagram", "f-add-vm", "f-add-host", "f-change-host", "f-migrate-vm", "infra", "map",
                "break", "tree");
        /** What shows the VMs: their host's card, the forms that list them, what serves the users, and the table. */
        static final Set<String> VMS = Set.of("hosts-diagram", "f-add-vm", "f-migrate-vm", "f-app", "infra", "map", "tree");

        private static Set<String> union(Set<String> a, Set<String> b) {
            Set<String> out = new LinkedHashSet<>(a);
            out.addAll(b);
            return out;
        }

        public Set<String> layoutNamed(Event.LayoutNamed e) {
            return all();
        }

        public Set<String> appAdded(Event.AppAdded e) {
            return Set.of("f-app", "f-add-vm", "infra", "map");
        }

        public Set<String> appMinRunningSet(Event.AppMinRunningSet e) {
            return Set.of("f-app", "infra", "map");
        }

        public Set<String> appRemoved(Event.AppRemoved e) {
            return union(VMS, Set.of("f-app"));
        }

        public Set<String> regionAdded(Event.RegionAdded e) {
            return PLACES;
        }

        public Set<String> regionMoved(Event.RegionMoved e) {
            return PLACES;
        }

        public Set<String> regionRemoved(Event.RegionRemoved e) {
            return union(union(PLACES, HOSTS), VMS);
        }

        public Set<String> zoneAdded(Event.ZoneAdded e) {
            return PLACES;
        }

        public Set<String> zoneRemoved(Event.ZoneRemoved e) {
            return union(union(PLACES, HOSTS), VMS);
        }

        public Set<String> datacenterAdded(Event.DatacenterAdded e) {
            return PLACES;
        }

        public Set<String> datacenterRemoved(Event.DatacenterRemoved e) {
            return union(union(PLACES, HOSTS), VMS);
        }

        public Set<String> hostAdded(Event.HostAdded e) {
            return HOSTS;
        }

        public Set<String> hostChanged(Event.HostChanged e) {
            return HOSTS;
        }

        public Set<String> hostRemoved(Event.HostRemoved e) {
            return union(HOSTS, VMS);
        }

        public Set<String> vmAdded(Event.VmAdded e) {
            return VMS;
        }

        public Set<String> vmResized(Event.VmResized e) {
            return VMS;
        }

        public Set<String> vmRemoved(Event.VmRemoved e) {
            return VMS;
        }

        public Set<String> vmStarted(Event.VmStarted e) {
            return VMS;
        }

        public Set<String> vmStopped(Event.VmStopped e) {
            return VMS;
        }

        public Set<String> vmMigrated(Event.VmMigrated e) {
            return VMS;
        }

        public Set<String> vmAppSet(Event.VmAppSet e) {
            return VMS;
        }

        public Set<String> nodeRenamed(Event.NodeRenamed e) {
            return all();
        }

        public Set<String> failed(Event.Failed e) {
            return Set.of("hosts-diagram", "infra", "map", "tree", "break");
        }

        public Set<String> restored(Event.Restored e) {
            return failed(null);
        }

        public Set<String> userPlaced(Event.UserPlaced e) {
            return Set.of("map", "infra", "f-user");
        }

        public Set<String> userRemoved(Event.UserRemoved e) {
            return userPlaced(null);
        }

        /** A VM's load shows on the run page, not here: only its step in the history. */
        public Set<String> vmLoadSet(Event.VmLoadSet e) {
            return Set.of();
        }

        public Set<String> hostOsLoadSet(Event.HostOsLoadSet e) {
            return Set.of();
        }
    }

    private static final Names NAMES = new Names();
    private static final Names ROW_NAMES = new RowNames();

    /**
     * The ids of hosts, VMs and places an event names, for the host cards it can change: none for an
     * event no card shows (apps, regions moved, places added, users, loads), null for one that
     * changes the list of cards or what every card says.
     */
    static class Names implements Event.Visitor<Set<String>> {
        public Set<String> layoutNamed(Event.LayoutNamed e) {
            return Set.of();
        }

        public Set<String> appAdded(Event.AppAdded e) {
            return Set.of();
        }

        public Set<String> appMinRunningSet(Event.AppMinRunningSet e) {
            return Set.of();
        }

        /** Its VMs lose their app: every card, since the event does not say which VMs had it. */
        public Set<String> appRemoved(Event.AppRemoved e) {
            return null;
        }

        public Set<String> regionAdded(Event.RegionAdded e) {
            return Set.of();
        }

        public Set<String> regionMoved(Event.RegionMoved e) {
            return Set.of();
        }

        public Set<String> regionRemoved(Event.RegionRemoved e) {
            return null;
        }

        public Set<String> zoneAdded(Event.ZoneAdded e) {
            return Set.of();
        }

        public Set<String> zoneRemoved(Event.ZoneRemoved e) {
            return null;
        }

        public Set<String> datacenterAdded(Event.DatacenterAdded e) {
            return Set.of();
        }

        public Set<String> datacenterRemoved(Event.DatacenterRemoved e) {
            return null;
        }

        public Set<String> hostAdded(Event.HostAdded e) {
            return null;
        }

        public Set<String> hostChanged(Event.HostChanged e) {
            return Set.of(e.id());
        }

        public Set<String> hostRemoved(Event.HostRemoved e) {
            return null;
        }

        public Set<String> vmAdded(Event.VmAdded e) {
            return Set.of(e.host(), e.id());
        }

        public Set<String> vmResized(Event.VmResized e) {
            return Set.of(e.id());
        }

        public Set<String> vmRemoved(Event.VmRemoved e) {
            return Set.of(e.id());
        }

        public Set<String> vmStarted(Event.VmStarted e) {
            return Set.of(e.id());
        }

        public Set<String> vmStopped(Event.VmStopped e) {
            return Set.of(e.id());
        }

        public Set<String> vmMigrated(Event.VmMigrated e) {
            return Set.of(e.id(), e.host());
        }

        public Set<String> vmAppSet(Event.VmAppSet e) {
            return Set.of(e.id());
        }

        public Set<String> nodeRenamed(Event.NodeRenamed e) {
            return null;
        }

        public Set<String> failed(Event.Failed e) {
            return Set.of(e.id());
        }

        public Set<String> restored(Event.Restored e) {
            return Set.of(e.id());
        }

        public Set<String> userPlaced(Event.UserPlaced e) {
            return Set.of();
        }

        public Set<String> userRemoved(Event.UserRemoved e) {
            return Set.of();
        }

        public Set<String> vmLoadSet(Event.VmLoadSet e) {
            return Set.of();
        }

        public Set<String> hostOsLoadSet(Event.HostOsLoadSet e) {
            return Set.of();
        }
    }

    /**
     * As {@link Names}, for the table's rows, which list the places as well: a place added changes
     * the table's groups (every group), and a region moved changes its row.
     */
    static final class RowNames extends Names {
        @Override
        public Set<String> regionAdded(Event.RegionAdded e) {
            return null;
        }

        @Override
        public Set<String> regionMoved(Event.RegionMoved e) {
            return Set.of(e.code());
        }

        @Override
        public Set<String> zoneAdded(Event.ZoneAdded e) {
            return null;
        }

        @Override
        public Set<String> datacenterAdded(Event.DatacenterAdded e) {
            return null;
        }
    }
}

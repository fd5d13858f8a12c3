package cloudlab.page;

import cloudlab.diagram.Diagrams;
import cloudlab.sandbox.Workspace;
import cloudlab.sim.App;
import cloudlab.sim.Host;
import cloudlab.sim.Layout;
import cloudlab.sim.RegionCatalog;
import cloudlab.sim.Report;
import cloudlab.sim.Vm;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.util.List;
import java.util.function.Predicate;

/**
 * The drawings of a sandbox page, each drawn only when a part that shows it is rendered (an answer
 * that renders the table alone draws nothing). They leave out what they share, the style sheets,
 * the map's land and the hatch pattern, which the page holds once ({@link #shared()}).
 * {@code report} is the state's own; {@code drawn} says which hosts' cards to draw and {@code rowsDrawn}
 * which groups of the table's rows (the others are kept as the page holds them, {@link Parts#KEPT}).
 */
public record SandboxDrawings(Layout state, Report report, Predicate<String> drawn, Predicate<Workspace.RowGroup> rowsDrawn) {
    /** Everything drawn, as a whole page draws it. */
    public SandboxDrawings(Layout state, Report report) {
        this(state, report, host -> true, group -> true);
    }

    /** A group of the table's rows as its {@code tbody} holds it: its rows, or {@link Parts#KEPT} for a group not drawn. */
    public record Rows(String id, String html) {
    }

    /** The table's groups of rows ({@link TableRows}); a group not drawn is {@link Parts#KEPT}. */
    public List<Rows> rows(List<Workspace.RowGroup> groups) {
        return groups.stream().map(g -> new Rows(g.id(), rowsDrawn.test(g) ? TableRows.html(g) : Parts.KEPT)).toList();
    }

    /** The map's ground per catalog: the same for every layout, drawn once. */
    private static final Cache<RegionCatalog, String> BASES = Caffeine.newBuilder().weakKeys().maximumSize(8).build();

    /** The hosts and their VMs: the key, then a card per host, each a part of its own; a card not drawn is {@link Parts#KEPT}. */
    public Diagrams.HostCards hosts() {
        Diagrams.HostCards c = Diagrams.hostCards(state, report, drawn);
        return new Diagrams.HostCards(c.key(), c.cards().stream() // drawn without what the page shares
                .map(card -> card.svg() == null ? new Diagrams.HostCards.Card(card.host(), Parts.KEPT) : card).toList());
    }

    public String infrastructure() {
        return Diagrams.withoutShared(Diagrams.infrastructure(state, report));
    }

    /** The map's fixed ground, the same whatever the layout does: a part that never travels again once the page holds it. */
    public String mapBase() {
        return BASES.get(state.catalog(), catalog -> Diagrams.withoutShared(Diagrams.mapBase(catalog)));
    }

    /** The layout's layer of the map, drawn over {@link #mapBase()}. */
    public String map() {
        return Diagrams.withoutShared(Diagrams.mapLayer(state, report));
    }

    public List<String> mapPlaces() {
        return Diagrams.mapPlaces(state, report);
    }

    /** The hosts as options, one a line ("Add a VM"), the one named {@code selected} selected. */
    public String hostOptions(String selected) {
        return FormOptions.of(state.hosts(), Host::id, Host::id, selected, FormOptions.LINE);
    }

    /** The hosts as options, on one line ("Migrate a VM"). */
    public String hostOptions() {
        return FormOptions.of(state.hosts(), Host::id, Host::id, null, "");
    }

    /** The apps as options, one a line ("Add a VM") or on one line ({@code line} false), the one named {@code selected} selected. */
    public String appOptions(String selected, boolean line) {
        return FormOptions.of(state.apps(), App::name, App::name, selected, line ? FormOptions.LINE : "");
    }

    /** The apps as options, with how many VMs each needs running. */
    public String appNeedsOptions() {
        return FormOptions.of(state.apps(), App::name, a -> a.name() + " (needs " + a.minRunning() + ")", null, "");
    }

    /** The VMs as options, on one line, with their host when {@code where}. */
    public String vmOptions(boolean where) {
        return FormOptions.of(state.vms(), Vm::id, where ? vm -> vm.id() + " (on " + vm.host().id() + ")" : Vm::id, null, "");
    }

    /** The history's steps ({@link TimelineSteps}). */
    public String steps(List<Workspace.Step> steps) {
        return TimelineSteps.html(steps);
    }

    /** What every drawing shares, for the page to hold once. */
    public static String shared() {
        return Diagrams.sharedDefinitions();
    }
}

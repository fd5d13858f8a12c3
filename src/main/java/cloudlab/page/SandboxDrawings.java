package cloudlab.page;

import cloudlab.diagram.Diagrams;
import cloudlab.sandbox.Workspace;
import cloudlab.sim.Layout;
import cloudlab.sim.RegionCatalog;
import cloudlab.sim.Report;
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
        return new Diagrams.HostCards(Diagrams.withoutShared(c.key()), c.cards().stream()
                .map(card -> new Diagrams.HostCards.Card(card.host(), card.svg() == null ? Parts.KEPT : Diagrams.withoutShared(card.svg()))).toList());
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

    /** What every drawing shares, for the page to hold once. */
    public static String shared() {
        return Diagrams.sharedDefinitions();
    }
}

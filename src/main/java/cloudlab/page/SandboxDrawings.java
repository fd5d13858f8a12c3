package cloudlab.page;

import cloudlab.diagram.Diagrams;
import cloudlab.sim.Layout;

import java.util.List;

/**
 * The drawings of a sandbox page, each drawn only when a part that shows it is rendered (an answer
 * that renders the table alone draws nothing). They leave out what they share, the style sheets
 * and the map's land, which the page holds once ({@link #shared()}).
 */
public record SandboxDrawings(Layout state) {
    /** The hosts and their VMs: the key, then a card per host, each a part of its own. */
    public Diagrams.HostCards hosts() {
        Diagrams.HostCards c = Diagrams.hostCards(state);
        return new Diagrams.HostCards(Diagrams.withoutShared(c.key()),
                c.cards().stream().map(card -> new Diagrams.HostCards.Card(card.host(), Diagrams.withoutShared(card.svg()))).toList());
    }

    public String infrastructure() {
        return Diagrams.withoutShared(Diagrams.infrastructure(state, List.of()));
    }

    /** The map's fixed ground, the same whatever the layout does: a part that never travels again once the page holds it. */
    public String mapBase() {
        return Diagrams.withoutShared(Diagrams.mapBase(state.catalog()));
    }

    /** The layout's layer of the map, drawn over {@link #mapBase()}. */
    public String map() {
        return Diagrams.withoutShared(Diagrams.mapLayer(state));
    }

    public List<String> mapPlaces() {
        return Diagrams.mapPlaces(state, List.of());
    }

    /** What every drawing shares, for the page to hold once. */
    public static String shared() {
        return Diagrams.sharedDefinitions();
    }
}

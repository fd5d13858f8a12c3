package cloudlab.diagram;

import cloudlab.sim.Host;
import cloudlab.sim.Layout;
import cloudlab.sim.Vm;
import cloudlab.sim.time.CpuPolicy;
import cloudlab.sim.time.RunReport;
import cloudlab.sim.time.TimeSimulator;

import java.util.Collection;

/**
 * Server-side SVG diagrams of a layout: the front door of the package. Each method returns one
 * complete, standalone {@code <svg>} element, safe to inline in HTML: every text taken from the
 * layout is XML-escaped, there are no scripts or event handlers, and styles live in a
 * {@code <style>} scoped under the {@code cld} class.
 *
 * <p>What is up, running, failed or available always comes from the core's
 * {@link cloudlab.sim.Simulator#simulate report}; the diagrams only draw it. Every host, VM,
 * region, zone, data center and user carries a {@code data-id} with its id, a class naming
 * its kind and state, and a {@code <title>} tooltip. {@code extraFailed} (null for none) adds
 * failures for this picture only, as {@code simulate --fail} does; callers check the ids first
 * with {@link cloudlab.sim.Simulator#failProblem}.
 *
 * <p>The class {@code failed} means, in the hosts view, a host that is down (for whatever cause);
 * in the infrastructure view and on the map, a node that is itself in the failed list, while
 * nodes under it carry {@code in-blast}. VMs carry {@code running}, {@code stopped} or
 * {@code down} as the report has them.
 */
public final class Diagrams {
    private Diagrams() {
    }

    /**
     * The virtualization view: each host as layers bottom-up (hardware, host OS for type 2,
     * hypervisor, one box per VM), bars of vCPU, memory and disk with the R1 reservation first,
     * and a memory map of the VMs' private slices. A layout without hosts draws "No hosts yet".
     */
    public static String hosts(Layout layout, Collection<String> extraFailed) {
        return HostsView.render(layout, extraFailed).svg();
    }

    /**
     * The virtualization view in pieces, for a page that redraws one host at a time and holds
     * {@link #sharedDefinitions()} (the cards' hatching is its pattern), each drawing already without
     * what that holds (as {@link #withoutShared} leaves it): the key with the whole
     * view's title and description (or "No hosts yet"), then one drawing per host. {@code report}
     * is the layout's own (nothing more failed); a host {@code drawn} does not accept gets a card
     * with no drawing (null), for a page that keeps the one it holds.
     */
    public static HostCards hostCards(Layout layout, cloudlab.sim.Report report, java.util.function.Predicate<String> drawn) {
        return HostsView.cards(layout, report, drawn);
    }

    /** The virtualization view in pieces: its key, then a drawing per host (by the host's id). */
    public record HostCards(String key, java.util.List<Card> cards) {
        /** One host's card, a drawing of its own (null when it was not drawn). */
        public record Card(String host, String svg) {
        }
    }

    /**
     * The infrastructure view: regions, zones, data centers and host chips as nested boxes;
     * failed nodes in red dashes labelled FAILED, everything under them greyed, and a line per
     * app saying whether it is available. A layout without regions draws "No regions yet".
     */
    public static String infrastructure(Layout layout, Collection<String> extraFailed) {
        return InfrastructureView.render(layout, extraFailed).svg();
    }

    /** As {@link #infrastructure(Layout, Collection)}, from the layout's report the caller already has (nothing more failed). */
    public static String infrastructure(Layout layout, cloudlab.sim.Report report) {
        return InfrastructureView.render(Facts.of(layout, report)).svg();
    }

    /**
     * The world map (view box 0 0 1000 500): land, the layout's regions as markers (serving,
     * idle or failed), users with a line to their nearest serving region and its round trip, and,
     * when {@code showCatalog} is true, every other catalog region as a small grey dot.
     */
    public static String map(Layout layout, Collection<String> extraFailed, boolean showCatalog) {
        return MapView.render(layout, extraFailed, showCatalog).svg();
    }

    /**
     * The world map in two drawings of the same size, for a page that draws the fixed part once and
     * redraws the rest: this is the ground (ocean, land, every catalog region as a grey dot, the key),
     * the same for every layout of a catalog; {@link #mapLayer} is drawn over it.
     */
    public static String mapBase(cloudlab.sim.RegionCatalog catalog) {
        return MapView.base(catalog);
    }

    /**
     * The layout's own layer of the world map, transparent, to lay over {@link #mapBase}: its regions
     * (serving, idle or failed), its users and their round trips; its title and description say what
     * the whole map shows.
     */
    public static String mapLayer(Layout layout) {
        return MapView.layer(Facts.of(layout, java.util.List.of())).svg();
    }

    /** As {@link #mapLayer(Layout)}, from the layout's report the caller already has (nothing more failed). */
    public static String mapLayer(Layout layout, cloudlab.sim.Report report) {
        return MapView.layer(Facts.of(layout, report)).svg();
    }

    /**
     * The places of the world map in words, one line each, as their markers' tooltips read: every
     * region of the layout with its state, then every user with their nearest serving region and
     * its round trip. For a list beside the map that reads without it (a phone's narrow screen).
     */
    public static java.util.List<String> mapPlaces(Layout layout, Collection<String> extraFailed) {
        return MapView.places(Facts.of(layout, extraFailed));
    }

    /** As {@link #mapPlaces(Layout, Collection)}, from the layout's report the caller already has (nothing more failed). */
    public static java.util.List<String> mapPlaces(Layout layout, cloudlab.sim.Report report) {
        return MapView.places(Facts.of(layout, report));
    }

    /**
     * For a page that redraws its drawings in place: what they all share, to send once in a hidden
     * SVG of the page: the style sheets of every view, the map's land as {@code #world-land} and the
     * hatching of {@link #hostCards} as {@code #cld-hatch}.
     */
    public static String sharedDefinitions() {
        return "<style>" + Style.BASE + Style.EMPTY + Style.HOSTS + Style.INFRA + Style.MAP + "</style><defs><path id=\"world-land\" d=\""
                + WorldLand.path() + "\"/>" + Svg.hatchPattern() + "</defs>";
    }

    /**
     * A drawing's SVG without what {@link #sharedDefinitions()} holds: its style sheet left out (and the
     * font its root names, which the style gives), the map's land a reference; and without the
     * namespace, which an {@code <svg>} in an HTML page has anyway.
     */
    public static String withoutShared(String svg) {
        String s = svg.replace(WorldLand.element(), "<use class=\"land\" href=\"#world-land\"/>");
        if (s.startsWith(Svg.ROOT)) {
            int font = s.indexOf(Svg.ROOT_FONT);
            boolean inRoot = font >= 0 && font < s.indexOf('>');
            s = "<svg" + (inRoot ? s.substring(Svg.ROOT.length(), font) + s.substring(font + Svg.ROOT_FONT.length()) : s.substring(Svg.ROOT.length()));
        }
        int from = s.indexOf("<style>");
        int to = s.indexOf("</style>");
        return from < 0 || to < from ? s : s.substring(0, from) + s.substring(to + "</style>".length());
    }

    /**
     * One drawing with what it says of itself: the SVG text, its title and description (what a
     * screen reader reads of it, unescaped), its view-box size and the classes of its root
     * element ({@code cld} and the view's own, such as {@code cld-hosts}).
     */
    public record Drawing(String svg, String title, String description, double width, double height, String cssClass) {
    }

    /**
     * A run over time of one host (cloudlab.sim.time): per running VM the cores it wanted and got
     * at each sample, its steal in red, the host's memory with what was ballooned and swapped, and a
     * marker at {@code second} (none when negative). A host with no running VM draws a hint instead.
     */
    public static Drawing timeline(RunReport run, String hostId, long second) {
        return TimelineView.render(run, hostId, second);
    }

    /** The views a lesson, a figure or a question may name. */
    public static final java.util.Set<String> VIEWS = java.util.Set.of("hosts", "infrastructure", "map", "timeline");

    /** How long a {@code timeline} figure runs its layout: a minute, sampled every second, under the fair policy. */
    public static final long FIGURE_SECONDS = 60;

    /**
     * The drawing a view name stands for, as a lesson figure shows it: {@code hosts},
     * {@code infrastructure}, or {@code map} (without the catalog's other regions).
     *
     * @throws IllegalArgumentException for a view not in {@link #VIEWS}
     */
    public static Drawing drawing(String view, Layout layout, Collection<String> extraFailed) {
        return switch (view) {
            case "hosts" -> HostsView.render(layout, extraFailed);
            case "infrastructure" -> InfrastructureView.render(layout, extraFailed);
            case "map" -> MapView.render(layout, extraFailed, false);
            case "timeline" -> TimelineView.render(TimeSimulator.run(layout, FIGURE_SECONDS, 1, CpuPolicy.FAIR), firstBusyHost(layout), -1);
            default -> throw new IllegalArgumentException("view: must be hosts, infrastructure, map or timeline, not " + view);
        };
    }

    /** The first host with a running VM (the one a timeline figure draws), or the first host. */
    private static String firstBusyHost(Layout layout) {
        for (Host h : layout.hosts()) for (Vm vm : h.vms()) if (vm.running()) return h.id();
        return layout.hosts().isEmpty() ? "" : layout.hosts().get(0).id();
    }

    /**
     * The drawing of a question about a failure, which must not show its own answer: the layout
     * as it is before anything fails, with each node in {@code asked} (the ids whose failure the
     * question asks about) outlined in amber dashes and labelled "if this fails?". Nothing is
     * drawn up, down or failed, started VMs read "started" (the layout's setting) rather than
     * "running", and each app shows what it needs and has, with no available/DOWN verdict; the
     * title and description say the same. The map draws the layout without failures.
     *
     * @throws IllegalArgumentException for a view not in {@link #VIEWS}
     */
    public static Drawing question(String view, Layout layout, Collection<String> asked) {
        return switch (view) {
            case "hosts" -> HostsView.render(Facts.question(layout, asked));
            case "infrastructure" -> InfrastructureView.render(Facts.question(layout, asked));
            case "map" -> MapView.render(layout, java.util.List.of(), false);
            // a timeline would draw the answer of a question about steal: the question shows the hosts
            case "timeline" -> HostsView.render(Facts.question(layout, asked));
            default -> throw new IllegalArgumentException("view: must be hosts, infrastructure, map or timeline, not " + view);
        };
    }

    /**
     * Where a point falls on the map, as {x, y} in its view box: equirectangular, longitude
     * −180..180 to x 0..1000 and latitude 90..−90 to y 0..500.
     */
    public static double[] project(double lat, double lon) {
        return MapView.project(lat, lon);
    }
}

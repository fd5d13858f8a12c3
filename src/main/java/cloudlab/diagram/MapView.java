package cloudlab.diagram;

import cloudlab.sim.Layout;
import cloudlab.sim.Location;
import cloudlab.sim.Num;
import cloudlab.sim.Region;
import cloudlab.sim.RegionCatalog;
import cloudlab.sim.Report;
import cloudlab.sim.User;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The world map: land from Natural Earth in an equirectangular projection, the layout's regions
 * (serving, idle or failed), optionally every catalog region, and users with a line to their
 * nearest serving region labelled with its round-trip time (R7). Whole, or in two drawings of the
 * same size that stack: the fixed ground ({@link #base}) and the layout's layer ({@link #layer}).
 */
final class MapView {
    static final double W = 1000;
    static final double H = 500;

    private MapView() {
    }

    /** Equirectangular: lon −180..180 to x 0..1000, lat 90..−90 to y 0..500. */
    static double[] project(double lat, double lon) {
        return new double[] {(lon + 180) / 360 * W, (90 - lat) / 180 * H};
    }

    static double[] project(Location l) {
        return project(l.lat().doubleValue(), l.lon().doubleValue());
    }

    /** A region's marker state: failed, serving (holds a running VM) or idle. */
    private static String state(Facts facts, Region r) {
        if (facts.failedItself(r)) return "failed";
        return facts.serving(r) ? "serving" : "idle";
    }

    static Diagrams.Drawing render(Layout layout, Collection<String> extraFailed, boolean showCatalog) {
        Facts facts = Facts.of(layout, extraFailed);
        Svg s = Svg.start("cld-map", W, H, title(layout), describe(facts, showCatalog), Style.MAP);
        ground(s);
        if (showCatalog) {
            java.util.Set<String> inLayout = new java.util.HashSet<>();
            for (Region r : layout.regions()) inLayout.add(r.code());
            catalog(s, layout.catalog(), inLayout);
        }
        legend(s, showCatalog);
        places(s, facts);
        return s.finish();
    }

    /**
     * The map's fixed ground, for a page that draws it once and lays {@link #layer} over it: ocean,
     * graticule, land, every region of the catalog as a grey dot (a layout's own region covers its
     * dot) and the key.
     */
    static String base(RegionCatalog catalog) {
        Svg s = Svg.start("cld-map map-base", W, H, "World map", "Land, and the " + catalog.entries().size()
                + " regions of the catalog as grey dots.", Style.MAP);
        ground(s);
        catalog(s, catalog, null);
        legend(s, true);
        return s.finish().svg();
    }

    /** The layout's own layer of the map, to lay over {@link #base}: its regions, its users and their round trips. */
    static Diagrams.Drawing layer(Facts facts) {
        Layout layout = facts.layout;
        Svg s = Svg.start("cld-map map-layer", W, H, title(layout), describe(facts, true), Style.MAP);
        places(s, facts);
        return s.finish();
    }

    private static String title(Layout layout) {
        return "World map" + (layout.name() != null ? " of " + layout.name() : "") + ": regions and users";
    }

    private static void ground(Svg s) {
        s.rect(0, 0, W, H, "class", "ocean");
        graticule(s);
        s.raw(WorldLand.element());
    }

    /** The layout's regions (serving, idle or failed) and users, each user with a line to its nearest serving region. */
    private static void places(Svg s, Facts facts) {
        Layout layout = facts.layout;
        Labels labels = new Labels();
        Map<String, double[]> regionXY = new HashMap<>();
        for (Region r : layout.regions()) {
            double[] p = project(r.location());
            regionXY.put(r.code(), p);
            labels.block(p[0] - 9, p[1] - 9, 18, 18);
        }
        for (User u : layout.users()) {
            double[] p = project(u.location());
            labels.block(p[0] - 8, p[1] - 8, 16, 16);
        }

        // lines first, so markers sit on top of them
        List<User> users = new ArrayList<>(layout.users());
        Map<String, Report.UserReport> userReports = new HashMap<>();
        if (facts.report.users() != null) for (Report.UserReport u : facts.report.users()) userReports.put(u.name(), u);
        s.open("g", "class", "rtt-lines");
        for (User u : users) {
            Report.UserReport ur = userReports.get(u.name());
            if (ur == null || ur.nearestServing() == null) continue;
            double[] from = project(u.location());
            double[] to = regionXY.get(ur.nearestServing().region());
            if (to != null) rttLine(s, u, ur.nearestServing(), from, to, labels);
        }
        s.close("g");

        for (Region r : layout.regions()) regionMarker(s, facts, r, regionXY.get(r.code()), labels);
        for (User u : users) userMarker(s, u, userReports.get(u.name()), labels);
    }

    /** "2 regions (us-east-1 serving, eu-west-1 failed). 1 user: sydney is 237.1 ms from us-east-1." */
    static String describe(Facts facts, boolean showCatalog) {
        Layout layout = facts.layout;
        StringBuilder d = new StringBuilder("World map with ");
        List<String> parts = new ArrayList<>();
        for (Region r : layout.regions()) {
            String st = state(facts, r);
            parts.add(r.code() + " " + (st.equals("idle") ? "with no running VM" : st));
        }
        d.append(Num.count(layout.regions().size(), "region"));
        if (!parts.isEmpty()) d.append(" (").append(String.join(", ", parts)).append(')');
        d.append('.');
        if (facts.report.users() != null) {
            d.append(' ').append(Num.count(facts.report.users().size(), "user")).append(':');
            for (Report.UserReport u : facts.report.users()) {
                Report.Nearest n = u.nearestServing();
                d.append(' ').append(u.name()).append(n == null ? " has no serving region"
                        : " is " + ms(n.rttMs()) + " from " + n.region()).append(';');
            }
            d.setLength(d.length() - 1);
            d.append('.');
        }
        if (showCatalog) d.append(" Grey dots: all ").append(layout.catalog().entries().size()).append(" catalog regions.");
        return d.toString();
    }

    /** "42.1 ms": the report's rounded round trip, always with its one decimal. */
    static String ms(BigDecimal rtt) {
        return rtt.setScale(1, RoundingMode.HALF_UP).toPlainString() + " ms";
    }

    private static void graticule(Svg s) {
        StringBuilder d = new StringBuilder();
        for (int lon = -150; lon <= 150; lon += 30) {
            double x = project(0, lon)[0];
            d.append('M').append(Svg.n(x)).append(",0V").append(Svg.n(H));
        }
        for (int lat = -60; lat <= 60; lat += 30) {
            double y = project(lat, 0)[1];
            d.append('M').append("0,").append(Svg.n(y)).append('H').append(Svg.n(W));
        }
        s.leaf("path", "class", "graticule", "d", d.toString());
    }

    /** The catalog's regions as grey dots; those in {@code inLayout} left out (null: the fixed ground, which holds them all). */
    private static void catalog(Svg s, RegionCatalog catalog, java.util.Set<String> inLayout) {
        s.open("g", "class", "catalog");
        for (RegionCatalog.Entry e : catalog.entries()) {
            if (inLayout != null && inLayout.contains(e.code())) continue;
            double[] p = project(e.lat(), e.lon());
            s.open("g", "class", "catalog-region", "data-code", e.code());
            s.title(e.code() + " — " + e.name() + " (" + e.city() + ")" + (inLayout == null ? "" : ", not in this layout"));
            s.circle(p[0], p[1], 3.5);
            s.close("g");
        }
        s.close("g");
    }

    /**
     * Each place on the map in words, as its marker's tooltip says it: the layout's regions, then
     * its users. A list of these stands beside the map where the map is too small to read.
     */
    static List<String> places(Facts facts) {
        Layout layout = facts.layout;
        List<String> out = new ArrayList<>();
        for (Region r : layout.regions()) out.add(regionTip(facts, r));
        Map<String, Report.UserReport> userReports = new HashMap<>();
        if (facts.report.users() != null) for (Report.UserReport u : facts.report.users()) userReports.put(u.name(), u);
        for (User u : layout.users()) out.add(userTip(u, userReports.get(u.name())));
        return out;
    }

    /** "eu-west-1 — Europe (Ireland), Dublin: serving (runs at least one VM)". */
    private static String regionTip(Facts facts, Region r) {
        RegionCatalog.Entry e = facts.layout.catalog().find(r.code());
        String about = e != null ? e.name() + ", " + e.city() : "custom region";
        return r.code() + " — " + about + ": " + switch (state(facts, r)) {
            case "failed" -> "FAILED";
            case "serving" -> "serving (runs at least one VM)";
            default -> "no running VM";
        };
    }

    /** "User dublin at 53.35, -6.26: nearest serving region eu-west-1, 12.3 ms". */
    private static String userTip(User u, Report.UserReport ur) {
        Report.Nearest n = ur == null ? null : ur.nearestServing();
        return "User " + u.name() + " at " + u.location().lat().toPlainString() + ", " + u.location().lon().toPlainString()
                + (n == null ? ": no region serves yet" : ": nearest serving region " + n.region() + ", " + ms(n.rttMs()));
    }

    private static void regionMarker(Svg s, Facts facts, Region r, double[] p, Labels labels) {
        String st = state(facts, r);
        s.open("g", "class", "region " + st + (st.equals("failed") ? "" : " up"), "data-id", r.code());
        s.title(regionTip(facts, r));
        if (st.equals("serving")) s.circle(p[0], p[1], 12, "class", "halo");
        s.circle(p[0], p[1], 7, "class", "marker");
        if (st.equals("failed")) {
            s.line(p[0] - 3.5, p[1] - 3.5, p[0] + 3.5, p[1] + 3.5, "cross");
            s.line(p[0] + 3.5, p[1] - 3.5, p[0] - 3.5, p[1] + 3.5, "cross");
        }
        String label = Svg.fit(r.code(), 170, 12, true);
        labels.place(s, p[0], p[1], 10, label, 12, true, "region-label" + (st.equals("failed") ? " red" : ""));
        s.close("g");
    }

    private static void rttLine(Svg s, User u, Report.Nearest n, double[] from, double[] to, Labels labels) {
        // take the short way round: a line longer than half the map wraps across the date line
        double tx = to[0];
        if (tx - from[0] > W / 2) tx -= W;
        else if (from[0] - tx > W / 2) tx += W;
        s.open("g", "class", "rtt", "data-user", u.name(), "data-region", n.region());
        s.title(u.name() + " → " + n.region() + ": " + ms(n.rttMs()) + " round trip");
        s.line(from[0], from[1], tx, to[1], "rtt-line");
        if (tx != to[0]) s.line(from[0] + (to[0] - tx), from[1], to[0], to[1], "rtt-line");
        double mx = (from[0] + tx) / 2, my = (from[1] + to[1]) / 2;
        if (mx < 0) mx += W;
        if (mx > W) mx -= W;
        String text = ms(n.rttMs());
        double w = Svg.width(text, 11, true) + 10, h = 17;
        // the middle of the line, or nearby along its normal when a marker or label is there
        double len = Math.hypot(tx - from[0], to[1] - from[1]);
        double nx = len == 0 ? 0 : -(to[1] - from[1]) / len, ny = len == 0 ? 1 : (tx - from[0]) / len;
        double[] best = null;
        for (double off : new double[] {0, 16, -16, 28, -28, 42, -42}) {
            double cx = Math.max(w / 2 + 2, Math.min(W - w / 2 - 2, mx + nx * off));
            double cy = Math.max(h / 2 + 2, Math.min(H - 40, my + ny * off));
            double[] box = {cx - w / 2, cy - h / 2, w, h};
            if (best == null) best = box;
            if (labels.free(box)) {
                best = box;
                break;
            }
        }
        s.rect(best[0], best[1], w, h, "rx", "8.5", "class", "rtt-pill");
        s.text(best[0] + w / 2, best[1] + 12.5, "rtt-label mid", text);
        labels.block(best[0], best[1], w, h);
        s.close("g");
    }

    private static void userMarker(Svg s, User u, Report.UserReport ur, Labels labels) {
        double[] p = project(u.location());
        Report.Nearest n = ur == null ? null : ur.nearestServing();
        s.open("g", "class", "user", "data-id", u.name());
        s.title(userTip(u, ur));
        double r = 7;
        s.leaf("path", "class", "diamond", "d", "M" + Svg.n(p[0]) + "," + Svg.n(p[1] - r) + " " + Svg.n(p[0] + r) + ","
                + Svg.n(p[1]) + " " + Svg.n(p[0]) + "," + Svg.n(p[1] + r) + " " + Svg.n(p[0] - r) + "," + Svg.n(p[1]) + "Z");
        labels.place(s, p[0], p[1], 10, Svg.fit(u.name(), 160, 12) + (n == null ? " (no serving region)" : ""), 12,
                false, "user-label");
        s.close("g");
    }

    private static void legend(Svg s, boolean showCatalog) {
        List<String> words = new ArrayList<>(List.of("serving", "no running VM", "failed", "user → nearest serving region"));
        if (showCatalog) words.add("other AWS regions");
        double x = 10, y = H - 32, h = 24, step = 16 + 6 + 14;
        double w = 10;
        for (String word : words) w += step + Svg.width(word, 11);
        s.open("g", "class", "legend");
        s.rect(x, y, w, h, "rx", "6", "class", "legend-box");
        double cy = y + h / 2;
        double cx = x + 16;
        for (String word : words) {
            switch (word) {
                case "serving" -> s.circle(cx, cy, 6, "class", "key-serving");
                case "no running VM" -> s.circle(cx, cy, 6, "class", "key-idle");
                case "failed" -> s.circle(cx, cy, 5, "class", "key-failed");
                case "other AWS regions" -> s.circle(cx, cy, 3.5, "class", "key-catalog");
                default -> s.leaf("path", "class", "diamond", "d", "M" + Svg.n(cx) + "," + Svg.n(cy - 6) + " " + Svg.n(cx + 6)
                        + "," + Svg.n(cy) + " " + Svg.n(cx) + "," + Svg.n(cy + 6) + " " + Svg.n(cx - 6) + "," + Svg.n(cy) + "Z");
            }
            s.text(cx + 10, cy + 4, null, word);
            cx += step + Svg.width(word, 11);
        }
        s.close("g");
    }

    /**
     * Greedy label placement: each label tries right, left, above and below its point and takes
     * the first place that overlaps nothing placed before; when none is free it goes right.
     */
    private static final class Labels {
        private final List<double[]> taken = new ArrayList<>();

        void block(double x, double y, double w, double h) {
            taken.add(new double[] {x, y, w, h});
        }

        boolean free(double[] box) {
            return taken.stream().noneMatch(t -> overlaps(t, box));
        }

        void place(Svg s, double px, double py, double gap, String text, double size, boolean bold, String cls) {
            double w = Svg.width(text, size, bold), h = size + 2;
            double[][] spots = {
                    {px + gap, py + size / 2 - 2, 0},           // right, text-anchor start
                    {px - gap, py + size / 2 - 2, 1},           // left, end
                    {px, py - gap - 2, 2},                      // above, middle
                    {px, py + gap + size, 2},                   // below, middle
            };
            double[] chosen = null;
            double[] chosenBox = null;
            for (double[] spot : spots) {
                double[] box = box(spot, w, h, size);
                if (box[0] < 0 || box[0] + box[2] > W || box[1] < 0 || box[1] + box[3] > H - 34) continue;
                if (taken.stream().noneMatch(t -> overlaps(t, box))) {
                    chosen = spot;
                    chosenBox = box;
                    break;
                }
            }
            if (chosen == null) {
                chosen = px + gap + w > W ? spots[1] : spots[0];
                chosenBox = box(chosen, w, h, size);
            }
            taken.add(chosenBox);
            String anchor = chosen[2] == 0 ? "" : chosen[2] == 1 ? " end" : " mid";
            s.text(chosen[0], chosen[1], cls + anchor, text);
        }

        private static double[] box(double[] spot, double w, double h, double size) {
            double left = spot[2] == 0 ? spot[0] : spot[2] == 1 ? spot[0] - w : spot[0] - w / 2;
            return new double[] {left, spot[1] - size + 1, w, h};
        }

        private static boolean overlaps(double[] a, double[] b) {
            return a[0] < b[0] + b[2] && b[0] < a[0] + a[2] && a[1] < b[1] + b[3] && b[1] < a[1] + a[3];
        }
    }
}

package cloudlab.diagram;

import cloudlab.sim.Datacenter;
import cloudlab.sim.Host;
import cloudlab.sim.Layout;
import cloudlab.sim.Node;
import cloudlab.sim.Num;
import cloudlab.sim.Region;
import cloudlab.sim.RegionCatalog;
import cloudlab.sim.Report;
import cloudlab.sim.Vm;
import cloudlab.sim.Zone;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The infrastructure view: regions hold zones, zones hold data centers, data centers hold hosts.
 * A failed node gets a red dashed outline and a FAILED label; everything under it is greyed,
 * which is the blast radius of the failure. Apps' availability is listed below.
 */
final class InfrastructureView {
    /** The widest drawing: four zones side by side. */
    private static final double MAX_W = 1000;
    /** The narrowest: room for the heading and the key. */
    private static final double MIN_W = 640;
    private static final int MAX_ZONE_COLS = 4;
    private static final double M = 16;
    private static final double HEAD_H = 44;
    private static final double REGION_HEAD = 48;
    private static final double ZONE_HEAD = 32;
    private static final double DC_HEAD = 28;
    private static final double PAD_R = 12;
    private static final double PAD_Z = 10;
    private static final double PAD_D = 8;
    private static final double GAP = 12;
    private static final double MIN_ZONE_W = 220;
    private static final double CHIP_W = 156;
    private static final double CHIP_H = 40;
    private static final double CHIP_GAP = 6;
    private static final double EMPTY_H = 26;
    private static final double LINE_H = 21;

    private InfrastructureView() {
    }

    static Diagrams.Drawing render(Layout layout, Collection<String> extraFailed) {
        return render(Facts.of(layout, extraFailed));
    }

    static Diagrams.Drawing render(Facts facts) {
        Layout layout = facts.layout;
        String title = "Infrastructure" + (layout.name() != null ? " of " + layout.name() : "") + ": regions, zones, data centers, hosts";
        List<Region> regions = new ArrayList<>(layout.regions());
        if (regions.isEmpty()) {
            return Empty.render("cld-infra", title, "No regions yet",
                    "Add a region, then zones, data centers and hosts, to see how they nest.");
        }
        double W = width(regions);
        double inner = W - 2 * M;
        double bodyH = 0;
        for (Region r : regions) bodyH += regionHeight(r, inner) + GAP;
        int legendLines = 2 + Math.max(1, layout.apps().size());
        double height = M + HEAD_H + bodyH + 8 + legendLines * LINE_H + M;

        Svg s = Svg.start("cld-infra", W, height, title, describe(facts), Style.INFRA);
        s.rect(0, 0, W, height, "class", "bg");
        header(s, layout, W, facts.question());
        double y = M + HEAD_H;
        for (Region r : regions) {
            double h = regionHeight(r, inner);
            region(s, facts, r, M, y, inner, h);
            y += h + GAP;
        }
        appLegend(s, facts, y + 8, W);
        return s.finish();
    }

    /** "2 regions, 3 zones, 3 data centers, 4 hosts. Failed: use1-az1 (2 hosts down). shop is DOWN: 1 of 2 needed running." */
    static String describe(Facts facts) {
        Layout layout = facts.layout;
        StringBuilder d = new StringBuilder();
        d.append(Num.count(layout.regions().size(), "region")).append(", ").append(Num.count(layout.zones().size(), "zone"))
                .append(", ").append(layout.datacenters().size()).append(layout.datacenters().size() == 1 ? " data center" : " data centers")
                .append(", ").append(Num.count(layout.hosts().size(), "host")).append('.');
        if (facts.question()) {
            for (Report.AppReport a : facts.report.apps()) d.append(' ').append(appSetting(facts, a)).append('.');
            if (facts.askLine() != null) d.append(' ').append(facts.askLine());
            return d.toString();
        }
        if (facts.failed.isEmpty()) {
            d.append(" Nothing has failed.");
        } else {
            long down = facts.report.hosts().stream().filter(h -> !h.up()).count();
            d.append(" Failed: ").append(String.join(", ", facts.failed)).append(" (").append(Num.count(down, "host"))
                    .append(" down).");
        }
        for (Report.AppReport a : facts.report.apps()) d.append(' ').append(appLine(a)).append('.');
        return d.toString();
    }

    /** "shop: 1 of 2 needed running — DOWN". */
    static String appLine(Report.AppReport a) {
        return a.name() + ": " + a.running() + " of " + a.minRunning() + " needed running — " + (a.available() ? "available" : "DOWN");
    }

    /**
     * As wide as the region with the most zones needs to put them side by side (up to four; more
     * wrap into rows), so that a small layout is drawn small and shown at its natural size.
     */
    static double width(List<Region> regions) {
        int zones = 1;
        for (Region r : regions) zones = Math.max(zones, r.zones().size());
        int cols = Math.min(MAX_ZONE_COLS, zones);
        double need = 2 * M + 2 * PAD_R + cols * MIN_ZONE_W + (cols - 1) * GAP;
        return Math.max(MIN_W, Math.min(MAX_W, need));
    }

    /** "api: needs 2 · 3 VMs started, 1 stopped": what a question's drawing says of an app, no verdict. */
    static String appSetting(Facts facts, Report.AppReport a) {
        int started = 0, stopped = 0;
        for (Vm vm : facts.layout.vms()) {
            if (!a.name().equals(vm.app())) continue;
            if (vm.running()) started++;
            else stopped++;
        }
        return a.name() + ": needs " + a.minRunning() + " · " + Num.count(started, "VM") + " started"
                + (stopped > 0 ? ", " + stopped + " stopped" : "");
    }

    private static void header(Svg s, Layout layout, double W, boolean question) {
        String heading = layout.name() != null ? layout.name() : "Infrastructure";
        // key, right-aligned: what a red dashed box and a grey box mean
        // (a question's drawing shows nothing failed: its key names the outline of what it asks about)
        String[] words = question ? new String[] {"asked about", "host chip"}
                : new String[] {"FAILED", "inside a failure (blast radius)", "host chip"};
        String[] keys = question ? new String[] {"asked-outline", "key-host"} : new String[] {"key-failed", "key-blast", "key-host"};
        double total = 0;
        for (String w : words) total += 32 + Svg.width(w, 12) + 18;
        s.text(M, M + 20, "h", Svg.fit(heading, Math.min(440, W - 2 * M - total), 16, true));
        double x = W - M - total + 18;
        s.open("g", "class", "legend");
        for (int i = 0; i < words.length; i++) {
            s.rect(x, M + 7, 26, 16, "rx", i == words.length - 1 ? "8" : "4", "class", keys[i]);
            s.text(x + 32, M + 20, null, words[i]);
            x += 32 + Svg.width(words[i], 12) + 18;
        }
        s.close("g");
    }

    // ---- measuring ----------------------------------------------------------------------------

    private static int zoneCols(int zones, double avail) {
        int fit = (int) Math.max(1, Math.floor((avail + GAP) / (MIN_ZONE_W + GAP)));
        return Math.max(1, Math.min(zones, fit));
    }

    private static double zoneWidth(int cols, double avail) {
        return (avail - (cols - 1) * GAP) / cols;
    }

    private static int chipsPerRow(double dcWidth) {
        return (int) Math.max(1, Math.floor((dcWidth - 2 * PAD_D + CHIP_GAP) / (CHIP_W + CHIP_GAP)));
    }

    private static double chipWidth(double dcWidth) {
        return Math.min(CHIP_W, dcWidth - 2 * PAD_D);
    }

    private static double dcHeight(Datacenter dc, double w) {
        int n = dc.hosts().size();
        if (n == 0) return DC_HEAD + EMPTY_H + PAD_D;
        int rows = (n + chipsPerRow(w) - 1) / chipsPerRow(w);
        return DC_HEAD + rows * CHIP_H + (rows - 1) * CHIP_GAP + PAD_D;
    }

    private static double zoneHeight(Zone z, double w) {
        if (z.datacenters().isEmpty()) return ZONE_HEAD + EMPTY_H + PAD_Z;
        double h = ZONE_HEAD;
        for (Datacenter dc : z.datacenters()) h += dcHeight(dc, w - 2 * PAD_Z) + GAP / 2;
        return h - GAP / 2 + PAD_Z;
    }

    /** The heights of the rows of zones, each as tall as its tallest zone. */
    private static List<Double> zoneRows(Region r, double w) {
        List<Zone> zones = new ArrayList<>(r.zones());
        double avail = w - 2 * PAD_R;
        int cols = zoneCols(zones.size(), avail);
        double zw = zoneWidth(cols, avail);
        List<Double> rows = new ArrayList<>();
        for (int i = 0; i < zones.size(); i += cols) {
            double h = 0;
            for (int j = i; j < Math.min(zones.size(), i + cols); j++) h = Math.max(h, zoneHeight(zones.get(j), zw));
            rows.add(h);
        }
        return rows;
    }

    private static double regionHeight(Region r, double w) {
        if (r.zones().isEmpty()) return REGION_HEAD + EMPTY_H + PAD_R;
        List<Double> rows = zoneRows(r, w);
        return REGION_HEAD + rows.stream().mapToDouble(Double::doubleValue).sum() + (rows.size() - 1) * GAP + PAD_R;
    }

    // ---- drawing ------------------------------------------------------------------------------

    /** The classes that say whether a node failed itself or sits under a failed one. */
    private static String state(Facts facts, Node n) {
        String cls = "";
        if (facts.failedItself(n)) cls += " failed";
        if (facts.failedAbove(n) != null) cls += " in-blast";
        if (facts.isAsked(n)) cls += " asked";
        return cls;
    }

    /** The tooltip's end: ", FAILED", ", down because use1-az1 failed" or nothing. */
    private static String stateWords(Facts facts, Node n) {
        if (facts.isAsked(n)) return " — asked: if this fails?";
        if (facts.failedItself(n)) return " — FAILED" + (facts.failedAbove(n) != null ? " (inside failed " + facts.failedAbove(n) + ")" : "");
        String above = facts.failedAbove(n);
        return above != null ? " — down because " + above + " failed" : "";
    }

    /** How wide a box's id may be beside its FAILED badge or kind word. */
    private static double headRoom(Facts facts, Node n, double w, String kind, double pad) {
        double right = facts.isAsked(n) ? Svg.width("if this fails?", 12, true) + 12
                : facts.failedItself(n) ? Svg.width("FAILED", 11, true) + 18 + 8
                : Svg.width(kind, 11) + 80 < w ? Svg.width(kind, 11) + 10 : 0;
        return w - 2 * pad - right - 8;
    }

    private static void boxHead(Svg s, Facts facts, Node n, double x, double y, double w, String kind, double baseline) {
        if (facts.isAsked(n)) {
            s.text(x + w - 10, y + baseline, "asked-label end", "if this fails?");
        } else if (facts.failedItself(n)) {
            s.badge(x + w - 8, y + 7, "FAILED");
        } else if (Svg.width(kind, 11) + 80 < w) {
            s.text(x + w - 10, y + baseline, "muted end kind", kind);
        }
    }

    private static void region(Svg s, Facts facts, Region r, double x, double y, double w, double h) {
        RegionCatalog.Entry entry = facts.layout.catalog().find(r.code());
        String about = entry != null ? entry.name() + " · " + entry.city()
                : "custom region at " + r.location().lat().toPlainString() + ", " + r.location().lon().toPlainString();
        s.open("g", "class", "region" + state(facts, r), "data-id", r.code());
        s.title("Region " + r.code() + " (" + about + "): " + Num.count(r.zones().size(), "zone") + stateWords(facts, r));
        s.rect(x, y, w, h, "rx", "12", "class", "box");
        if (facts.isAsked(r)) s.rect(x - 3, y - 3, w + 6, h + 6, "rx", "14", "class", "asked-outline");
        s.text(x + PAD_R, y + 22, "region-code", Svg.fit(r.code(), headRoom(facts, r, w, "region", PAD_R), 15, true));
        s.text(x + PAD_R, y + 39, "muted", Svg.fit(about, w - 2 * PAD_R, 11));
        boxHead(s, facts, r, x, y, w, "region", 22);

        double top = y + REGION_HEAD;
        List<Zone> zones = new ArrayList<>(r.zones());
        if (zones.isEmpty()) {
            s.text(x + PAD_R, top + 16, "muted", "No zones yet");
        } else {
            double avail = w - 2 * PAD_R;
            int cols = zoneCols(zones.size(), avail);
            double zw = zoneWidth(cols, avail);
            List<Double> rows = zoneRows(r, w);
            double zy = top;
            for (int row = 0; row < rows.size(); row++) {
                for (int c = 0; c < cols; c++) {
                    int i = row * cols + c;
                    if (i >= zones.size()) break;
                    zone(s, facts, zones.get(i), x + PAD_R + c * (zw + GAP), zy, zw, rows.get(row));
                }
                zy += rows.get(row) + GAP;
            }
        }
        s.close("g");
    }

    private static void zone(Svg s, Facts facts, Zone z, double x, double y, double w, double h) {
        s.open("g", "class", "zone" + state(facts, z), "data-id", z.id());
        s.title("Availability zone " + z.id() + " in " + z.region().code() + ": "
                + z.datacenters().size() + (z.datacenters().size() == 1 ? " data center" : " data centers") + stateWords(facts, z));
        s.rect(x, y, w, h, "rx", "9", "class", "box");
        if (facts.isAsked(z)) s.rect(x - 3, y - 3, w + 6, h + 6, "rx", "11", "class", "asked-outline");
        s.text(x + PAD_Z, y + 21, "zone-id", Svg.fit(z.id(), headRoom(facts, z, w, "zone", PAD_Z), 13, true));
        boxHead(s, facts, z, x, y, w, "zone", 21);
        double top = y + ZONE_HEAD;
        if (z.datacenters().isEmpty()) {
            s.text(x + PAD_Z, top + 16, "muted", "No data centers yet");
        }
        for (Datacenter dc : z.datacenters()) {
            double dw = w - 2 * PAD_Z;
            double dh = dcHeight(dc, dw);
            datacenter(s, facts, dc, x + PAD_Z, top, dw, dh);
            top += dh + GAP / 2;
        }
        s.close("g");
    }

    private static void datacenter(Svg s, Facts facts, Datacenter dc, double x, double y, double w, double h) {
        s.open("g", "class", "datacenter" + state(facts, dc), "data-id", dc.id());
        s.title("Data center " + dc.id() + " in " + dc.zone().id() + ": " + Num.count(dc.hosts().size(), "host")
                + stateWords(facts, dc));
        s.rect(x, y, w, h, "rx", "7", "class", "box");
        if (facts.isAsked(dc)) s.rect(x - 3, y - 3, w + 6, h + 6, "rx", "9", "class", "asked-outline");
        s.text(x + PAD_D, y + 19, "dc-id", Svg.fit(dc.id(), headRoom(facts, dc, w, "data center", PAD_D), 12, true));
        boxHead(s, facts, dc, x, y - 2, w, "data center", 21);
        double top = y + DC_HEAD;
        List<Host> hosts = new ArrayList<>(dc.hosts());
        if (hosts.isEmpty()) s.text(x + PAD_D, top + 16, "muted", "No hosts yet");
        int per = chipsPerRow(w);
        double cw = chipWidth(w);
        for (int i = 0; i < hosts.size(); i++) {
            double cx = x + PAD_D + (i % per) * (cw + CHIP_GAP);
            double cy = top + (i / per) * (CHIP_H + CHIP_GAP);
            hostChip(s, facts, hosts.get(i), cx, cy, cw);
        }
        s.close("g");
    }

    private static void hostChip(Svg s, Facts facts, Host h, double x, double y, double w) {
        boolean up = facts.up(h);
        int running = 0, stopped = 0, down = 0;
        for (Vm vm : h.vms()) {
            switch (facts.status(vm)) {
                case "running" -> running++;
                case "down" -> down++;
                default -> stopped++;
            }
        }
        String status;
        if (facts.isAsked(h)) status = "if this fails?";
        else if (facts.failedItself(h)) status = "FAILED";
        else if (!up) status = "down";
        else if (h.vms().isEmpty()) status = facts.question() ? "no VMs" : "up · no VMs";
        else status = running + " " + facts.word("running") + (stopped > 0 ? " · " + stopped + " stopped" : "");
        s.open("g", "class", "host" + (up ? " up" : " down") + state(facts, h), "data-id", h.id());
        s.title("Host " + h.id() + " (" + h.hypervisor().word() + "): " + Num.count(h.vms().size(), "VM")
                + (up ? ", " + running + " " + facts.word("running") + ", " + stopped + " stopped"
                : ", " + down + " down, " + stopped + " stopped")
                + stateWords(facts, h));
        s.rect(x, y, w, CHIP_H, "rx", "8", "class", "chip");
        if (facts.isAsked(h)) s.rect(x - 3, y - 3, w + 6, CHIP_H + 6, "rx", "10", "class", "asked-outline");
        s.text(x + 10, y + 17, "chip-label", Svg.fit(h.id() + " · " + Num.count(h.vms().size(), "VM"), w - 18, 12, true));
        s.text(x + 10, y + 32, "chip-status", Svg.fit(status, w - 18, 11, status.equals("FAILED")));
        s.close("g");
    }

    private static void appLegend(Svg s, Facts facts, double y, double W) {
        if (facts.question()) {
            appSettings(s, facts, y, W);
            return;
        }
        s.open("g", "class", "apps");
        s.text(M, y + 14, "b", "Apps (rule R6: available while at least the needed number of VMs run)");
        y += LINE_H;
        if (facts.report.apps().isEmpty()) {
            s.text(M, y + 14, "muted", "No apps declared — give VMs an app to see whether it survives a failure.");
            y += LINE_H;
        }
        for (Report.AppReport a : facts.report.apps()) {
            s.open("g", "class", "app " + (a.available() ? "available" : "unavailable"), "data-app", a.name());
            s.title(appLine(a));
            s.text(M, y + 14, a.available() ? "ok b" : "red b", a.available() ? "✓" : "✕");
            s.text(M + 18, y + 14, a.available() ? "app-line" : "app-line red", Svg.fit(appLine(a), W - 2 * M - 18, 12));
            s.close("g");
            y += LINE_H;
        }
        String failed = facts.failed.isEmpty() ? "Nothing has failed." : "Failed: " + String.join(", ", facts.failed);
        s.text(M, y + 14, facts.failed.isEmpty() ? "muted" : "red", Svg.fit(failed, W - 2 * M, 12));
        s.close("g");
    }

    /** A question's drawing: each app with what it needs and has, no verdict; then what is asked. */
    private static void appSettings(Svg s, Facts facts, double y, double W) {
        s.open("g", "class", "apps");
        s.text(M, y + 14, "b", "Apps (rule R6: how many VMs each needs in service)");
        y += LINE_H;
        if (facts.report.apps().isEmpty()) {
            s.text(M, y + 14, "muted", "No apps declared.");
            y += LINE_H;
        }
        for (Report.AppReport a : facts.report.apps()) {
            s.open("g", "class", "app", "data-app", a.name());
            s.title(appSetting(facts, a));
            s.text(M + 18, y + 14, "app-line", Svg.fit(appSetting(facts, a), W - 2 * M - 18, 12));
            s.close("g");
            y += LINE_H;
        }
        if (facts.askLine() != null) s.text(M, y + 14, "asked-label", Svg.fit(facts.askLine(), W - 2 * M, 12, true));
        s.close("g");
    }
}

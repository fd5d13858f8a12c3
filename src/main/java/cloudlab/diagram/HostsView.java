package cloudlab.diagram;

import cloudlab.sim.Host;
import cloudlab.sim.HostSpec;
import cloudlab.sim.Hypervisor;
import cloudlab.sim.Layout;
import cloudlab.sim.Num;
import cloudlab.sim.Report;
import cloudlab.sim.Vm;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The virtualization view: each host as a stack of layers (hardware, host OS, hypervisor, VMs),
 * with bars of what rules R1–R4 count and a memory map that shows each VM's private slice.
 */
final class HostsView {
    /** Colours for running VMs, blues and teals dark enough to carry white text. */
    static final String[] VM_COLOURS = {"#1565c0", "#00796b", "#3949ab", "#00838f", "#0277bd", "#00695c", "#283593",
            "#006064"};

    private static final double MARGIN = 16;
    private static final double LEGEND_H = 34;
    private static final double CARD_W = 470;
    private static final double GAP = 20;
    private static final double PAD = 14;
    private static final double INNER = CARD_W - 2 * PAD;
    private static final double HEADER = 72;
    private static final int VM_COLS = 3;
    private static final double VM_GAP = 8;
    private static final double VM_W = (INNER - (VM_COLS - 1) * VM_GAP) / VM_COLS;
    private static final double VM_H = 62;
    private static final double NO_VMS_H = 40;
    private static final double LAYER_H = 30;
    private static final double LAYER_GAP = 4;
    private static final double SECTION_GAP = 16;
    private static final double BAR_ROW = 36;
    private static final double BAR_H = 12;
    private static final double STRIP_H = 28;

    private HostsView() {
    }

    static Diagrams.Drawing render(Layout layout, Collection<String> extraFailed) {
        return render(Facts.of(layout, extraFailed));
    }

    static Diagrams.Drawing render(Facts facts) {
        Layout layout = facts.layout;
        List<Host> hosts = layout.hosts();
        String title = "Virtualization view" + (layout.name() != null ? " of " + layout.name() : "");
        if (hosts.isEmpty()) {
            return Empty.render("cld-hosts", title, "No hosts yet",
                    "Add a region, a zone, a data center and a host to see its layers here.");
        }
        // one card a row: the drawing grows in height, never in width, so it keeps its natural
        // size (text at 11 px or more) in a lesson column and scrolls only a little on a phone
        int cols = 1;
        double width = 2 * MARGIN + cols * CARD_W + (cols - 1) * GAP;
        List<Double> rowHeights = new ArrayList<>();
        for (int i = 0; i < hosts.size(); i += cols) {
            double h = 0;
            for (int j = i; j < Math.min(hosts.size(), i + cols); j++) h = Math.max(h, cardHeight(hosts.get(j)));
            rowHeights.add(h);
        }
        double height = MARGIN + LEGEND_H + rowHeights.stream().mapToDouble(Double::doubleValue).sum()
                + (rowHeights.size() - 1) * GAP + MARGIN;

        Svg s = Svg.start("cld-hosts", width, height, title, describe(facts, hosts),
                Style.HOSTS);
        s.rect(0, 0, width, height, "class", "bg");
        legend(s, MARGIN, MARGIN, facts.question());
        double y = MARGIN + LEGEND_H;
        for (int row = 0; row < rowHeights.size(); row++) {
            for (int c = 0; c < cols; c++) {
                int i = row * cols + c;
                if (i >= hosts.size()) break;
                card(s, facts, hosts.get(i), MARGIN + c * (CARD_W + GAP), y, rowHeights.get(row));
            }
            y += rowHeights.get(row) + GAP;
        }
        return s.finish();
    }

    /**
     * The same drawing in pieces a page can redraw one at a time: the key (or "No hosts yet"),
     * then one drawing per host card, in the order and at the size the whole drawing has them.
     * Only the hosts {@code drawn} accepts are drawn (the others' cards are null: the page keeps
     * what it holds); each is drawn for a page holding the shared definitions ({@link Svg#inPage}).
     */
    static Diagrams.HostCards cards(Layout layout, Report report, java.util.function.Predicate<String> drawn) {
        Facts facts = Facts.of(layout, report);
        List<Host> hosts = layout.hosts();
        String title = "Virtualization view" + (layout.name() != null ? " of " + layout.name() : "");
        if (hosts.isEmpty()) return new Diagrams.HostCards(Diagrams.withoutShared(render(facts).svg()), List.of());
        double width = 2 * MARGIN + CARD_W;
        Svg key = Svg.inPage("cld-hosts", width, MARGIN + LEGEND_H, title, describe(facts, hosts));
        key.rect(0, 0, width, MARGIN + LEGEND_H, "class", "bg");
        legend(key, MARGIN, MARGIN, facts.question());
        List<Diagrams.HostCards.Card> cards = new ArrayList<>();
        for (Host h : hosts) {
            if (!drawn.test(h.id())) {
                cards.add(new Diagrams.HostCards.Card(h.id(), null));
                continue;
            }
            double height = cardHeight(h) + GAP;
            Svg s = Svg.inPage("cld-hosts", width, height, "Host " + h.id(), describe(facts, List.of(h)));
            s.rect(0, 0, width, height, "class", "bg");
            card(s, facts, h, MARGIN, 0, cardHeight(h));
            cards.add(new Diagrams.HostCards.Card(h.id(), s.finish().svg()));
        }
        return new Diagrams.HostCards(key.finish().svg(), cards);
    }

    /** "2 hosts, 3 VMs (2 running, 1 down). h1 is down because use1-az1 failed." */
    static String describe(Facts facts, List<Host> hosts) {
        int running = 0, stopped = 0, down = 0, total = 0;
        List<String> downHosts = new ArrayList<>();
        for (Host h : hosts) {
            for (Vm vm : h.vms()) {
                total++;
                switch (facts.status(vm)) {
                    case "running" -> running++;
                    case "down" -> down++;
                    default -> stopped++;
                }
            }
            if (!facts.up(h)) {
                String cause = facts.cause(h);
                downHosts.add(h.id() + " is down because " + (cause == null ? "it failed" : cause + " failed"));
            }
        }
        StringBuilder d = new StringBuilder(Num.count(hosts.size(), "host") + ", " + Num.count(total, "VM"));
        List<String> parts = new ArrayList<>();
        if (running > 0) parts.add(running + " " + facts.word("running"));
        if (stopped > 0) parts.add(stopped + " stopped");
        if (down > 0) parts.add(down + " down");
        if (!parts.isEmpty()) d.append(" (").append(String.join(", ", parts)).append(')');
        d.append('.');
        if (facts.question()) {
            if (facts.askLine() != null) d.append(' ').append(facts.askLine());
            return d.toString();
        }
        int shown = Math.min(5, downHosts.size());
        for (int i = 0; i < shown; i++) d.append(' ').append(downHosts.get(i)).append('.');
        if (downHosts.size() > shown) d.append(" And ").append(downHosts.size() - shown).append(" more hosts are down.");
        if (downHosts.isEmpty()) d.append(" Every host is up.");
        return d.toString();
    }

    /** The key; a question's drawing has nothing down and calls running VMs "started". */
    private static void legend(Svg s, double x, double y, boolean question) {
        s.open("g", "class", "legend");
        double cx = x;
        s.rect(cx, y + 4, 22, 14, "rx", "3", "class", "key-running");
        s.text(cx + 28, y + 15, null, question ? "started" : "running");
        cx += 96;
        s.rect(cx, y + 4, 22, 14, "rx", "3", "class", "key-stopped");
        s.text(cx + 28, y + 15, null, "stopped");
        cx += 90;
        if (!question) {
            s.rect(cx, y + 4, 22, 14, "rx", "3", "class", "key-down");
            s.line(cx + 7, y + 7, cx + 15, y + 15, "cross");
            s.line(cx + 15, y + 7, cx + 7, y + 15, "cross");
            s.text(cx + 28, y + 15, null, "down");
            cx += 82;
        }
        s.reserved(cx, y + 4, 22, 14);
        s.text(cx + 28, y + 15, null, "kept by hypervisor / OS");
        s.close("g");
    }

    private static int vmRows(Host h) {
        return (h.vms().size() + VM_COLS - 1) / VM_COLS;
    }

    private static double vmAreaHeight(Host h) {
        int rows = vmRows(h);
        return rows == 0 ? NO_VMS_H : rows * VM_H + (rows - 1) * VM_GAP;
    }

    private static int layerCount(Host h) {
        return h.hypervisor() == Hypervisor.TYPE2 ? 3 : 2;
    }

    private static double cardHeight(Host h) {
        int layers = layerCount(h);
        return HEADER + vmAreaHeight(h) + LAYER_GAP + layers * LAYER_H + (layers - 1) * LAYER_GAP
                + SECTION_GAP + 3 * BAR_ROW
                + SECTION_GAP + 18 + STRIP_H + 8 + keyLines(h) * KEY_LINE + 14 + PAD;
    }

    private static void card(Svg s, Facts facts, Host host, double x, double y, double height) {
        boolean up = facts.up(host);
        String cause = up ? null : facts.cause(host);
        HostSpec spec = host.spec();
        String hv = host.hypervisor() == Hypervisor.TYPE1 ? "type 1 hypervisor" : "type 2 hypervisor";
        String where = host.zone().region().code() + " › " + host.zone().id() + " › " + host.datacenter().id();

        s.open("g", "class", "host " + host.hypervisor().word() + (up ? " up" : " failed"), "data-id", host.id(),
                "transform", "translate(" + Svg.n(x) + "," + Svg.n(y) + ")");
        s.title(host.id() + ": " + hv + ", " + hardware(spec) + ", " + Num.count(host.vms().size(), "VM") + " — in " + where
                + (facts.question() ? (facts.isAsked(host) ? "; asked: if this fails?" : "")
                : up ? "; up" : "; DOWN because " + (cause == null ? "it" : cause) + " failed"));
        s.rect(0, 0, CARD_W, height, "rx", "10", "class", "card");
        if (facts.isAsked(host)) {
            s.rect(-4, -4, CARD_W + 8, height + 8, "rx", "13", "class", "asked-outline");
            s.text(CARD_W - PAD, 26, "asked-label end", "if this fails?");
        }

        // header: id, where it is, whether it is up
        double idWidth = facts.isAsked(host) ? INNER - 110 : up ? INNER : INNER - 80;
        s.text(PAD, 26, "h", Svg.fit(host.id(), idWidth, 16, true));
        s.text(PAD, 44, "muted", Svg.fit(hv + " · " + where, INNER, 11));
        if (facts.question()) {
            s.text(PAD, 62, null, vmSummary(facts, host));
        } else if (up) {
            s.text(PAD, 62, "ok", "● up · " + vmSummary(facts, host));
        } else {
            s.badge(CARD_W - PAD, 10, "DOWN");
            s.text(PAD, 62, "red b cause", Svg.fit("✕ " + (cause == null ? "down" : cause + " failed") + " — its VMs are down",
                    INNER, 12, true));
        }

        // the stack, top to bottom: VMs, hypervisor, host OS (type 2), hardware
        double top = HEADER;
        List<Vm> vms = new ArrayList<>(host.vms());
        if (vms.isEmpty()) {
            s.rect(PAD, top, INNER, NO_VMS_H, "rx", "6", "class", "placeholder");
            s.text(CARD_W / 2, top + 25, "muted mid", "No VMs on this host yet");
        }
        int colour = 0;
        for (int i = 0; i < vms.size(); i++) {
            Vm vm = vms.get(i);
            double vx = PAD + (i % VM_COLS) * (VM_W + VM_GAP);
            double vy = top + (i / VM_COLS) * (VM_H + VM_GAP);
            String c = vm.running() ? VM_COLOURS[colour++ % VM_COLOURS.length] : null;
            vmBox(s, vm, facts.status(vm), facts.word(facts.status(vm)), c, vx, vy);
        }
        double ly = top + vmAreaHeight(host) + LAYER_GAP;
        Hypervisor h = host.hypervisor();
        if (h == Hypervisor.TYPE1) {
            layer(s, "hypervisor", ly, "type 1 hypervisor", "bare metal · keeps " + keeps(h),
                    "Type 1 hypervisor: runs on the bare hardware and keeps " + keeps(h) + " for itself");
        } else {
            layer(s, "hypervisor", ly, "type 2 hypervisor", "runs as a program on the host OS",
                    "Type 2 hypervisor: a program on the host OS");
            ly += LAYER_H + LAYER_GAP;
            layer(s, "host-os", ly, "host OS keeps " + keeps(h), "hosted",
                    "Host OS: the ordinary operating system under a type 2 hypervisor; it keeps " + keeps(h));
        }
        ly += LAYER_H + LAYER_GAP;
        layer(s, "hardware", ly, hardware(spec), "hardware", "Physical hardware: " + hardware(spec));
        ly += LAYER_H + SECTION_GAP;

        // R1–R4 bars
        Report.HostReport r = facts.host(host);
        bars(s, spec, r, ly);
        ly += 3 * BAR_ROW + SECTION_GAP;

        memoryMap(s, host, facts, up, ly);
        s.close("g");
    }

    /** "2 running, 1 stopped", "no VMs". */
    private static String vmSummary(Facts facts, Host host) {
        if (host.vms().isEmpty()) return "no VMs";
        int running = 0, stopped = 0, down = 0;
        for (Vm vm : host.vms()) {
            switch (facts.status(vm)) {
                case "running" -> running++;
                case "down" -> down++;
                default -> stopped++;
            }
        }
        List<String> parts = new ArrayList<>();
        if (running > 0) parts.add(running + " " + facts.word("running"));
        if (stopped > 0) parts.add(stopped + " stopped");
        if (down > 0) parts.add(down + " down");
        return String.join(", ", parts);
    }

    /** "16 cores · 64 GiB · 1000 GiB". */
    static String hardware(HostSpec spec) {
        return Num.count(spec.cores(), "core") + " · " + Num.show(spec.memoryGiB()) + " GiB · " + Num.show(spec.storageGiB())
                + " GiB";
    }

    /** What R1 has the hypervisor layer keep: "2 GiB", "1 core, 4 GiB". */
    static String keeps(Hypervisor h) {
        String mem = Num.show(h.reservedMemoryGiB()) + " GiB";
        return h.reservedCores() > 0 ? Num.count(h.reservedCores(), "core") + ", " + mem : mem;
    }

    private static void layer(Svg s, String cls, double y, String label, String note, String tip) {
        s.open("g", "class", "layer " + cls);
        s.title(tip);
        s.rect(PAD, y, INNER, LAYER_H, "rx", "5");
        s.text(PAD + 12, y + 20, "b", label);
        if (Svg.width(label, 12, true) + Svg.width(note, 11) + 40 < INNER) s.text(PAD + INNER - 12, y + 20, "note end", note);
        s.close("g");
    }

    private static void vmBox(Svg s, Vm vm, String status, String word, String colour, double x, double y) {
        s.open("g", "class", "vm " + status, "data-id", vm.id());
        s.title(vm.id() + ": " + vm.spec().describe() + (vm.app() != null ? "; app " + vm.app() : "; no app") + "; " + word
                + switch (status) {
                    case "stopped" -> " (stopped VMs use disk but no vCPU or memory)";
                    case "down" -> " (its host is down)";
                    default -> "";
                });
        String c = colour == null ? "#90a4ae" : colour;
        s.rect(x, y, VM_W, VM_H, "rx", "6", "class", "box", "fill", c, "stroke", c);
        s.rect(x, y, 5, VM_H, "class", "stripe", "fill", c);
        s.text(x + 13, y + 19, "b", Svg.fit(vm.id(), VM_W - 40, 12, true));
        s.text(x + 13, y + 36, "small", vm.vcpus() + " vCPU · " + Num.show(vm.memoryGiB()) + " GiB");
        // the status word always shows in full; a long app name gives way
        boolean bold = status.equals("down");
        double room = VM_W - 20 - Svg.width(" · " + word, 11, bold);
        String last = (vm.app() != null ? Svg.fit(vm.app(), room, 11, bold) + " · " : "") + word;
        s.text(x + 13, y + 53, "small state", last);
        double ix = x + VM_W - 14, iy = y + 14;
        switch (status) {
            case "running" -> s.circle(ix, iy, 5, "class", "dot", "fill", c);
            case "stopped" -> {
                s.rect(ix - 5, iy - 5, 3.5, 10, "class", "pause");
                s.rect(ix + 1.5, iy - 5, 3.5, 10, "class", "pause");
            }
            default -> {
                s.line(ix - 5, iy - 5, ix + 5, iy + 5, "cross");
                s.line(ix + 5, iy - 5, ix - 5, iy + 5, "cross");
            }
        }
        s.close("g");
    }

    private static void bars(Svg s, HostSpec spec, Report.HostReport r, double y) {
        Hypervisor h = spec.hypervisor();
        String oc = spec.cpuOvercommit().compareTo(BigDecimal.ONE) != 0 ? " · ×" + Num.show(spec.cpuOvercommit()) + " overcommit" : "";
        String reservedCores = h.reservedCores() > 0 ? " · " + Num.count(h.reservedCores(), "core") + " kept" : "";
        bar(s, y, "vCPU", Num.show(r.vcpus().used()) + " of " + Num.show(r.vcpus().capacity()) + " vCPU used" + reservedCores + oc,
                BigDecimal.valueOf(h.reservedCores()), BigDecimal.valueOf(spec.cores()), r.vcpus());
        String moc = spec.memoryOvercommit().compareTo(BigDecimal.ONE) != 0
                ? " · ×" + Num.show(spec.memoryOvercommit()) + " overcommit" : "";
        bar(s, y + BAR_ROW, "memory", Num.show(r.memoryGiB().used()) + " of " + Num.show(r.memoryGiB().capacity())
                        + " GiB used · " + Num.show(h.reservedMemoryGiB()) + " GiB kept" + moc,
                h.reservedMemoryGiB(), spec.memoryGiB(), r.memoryGiB());
        bar(s, y + 2 * BAR_ROW, "disk", Num.show(r.diskGiB().used()) + " of " + Num.show(r.diskGiB().capacity()) + " GiB used",
                BigDecimal.ZERO, spec.storageGiB(), r.diskGiB());
    }

    /**
     * One bar: the reserved share of the physical total first (R1), then the used share of what
     * is left for VMs, then free. Overcommit stretches what is left, not the reservation.
     */
    private static void bar(Svg s, double y, String label, String value, BigDecimal reserved, BigDecimal physical,
                            Report.Use use) {
        double reservedShare = physical.signum() > 0 ? clamp(reserved.doubleValue() / physical.doubleValue()) : 0;
        double usedShare = use.capacity().signum() > 0 ? clamp(use.used().doubleValue() / use.capacity().doubleValue())
                : (use.used().signum() > 0 ? 1 : 0);
        double rw = INNER * reservedShare;
        double uw = (INNER - rw) * usedShare;
        s.open("g", "class", "bar " + label);
        s.title(label + ": " + value);
        s.text(PAD, y + 12, "b", label);
        s.text(PAD + INNER, y + 12, "small end", Svg.fit(value, INNER - 70, 11));
        double by = y + 18;
        s.rect(PAD, by, INNER, BAR_H, "rx", "2", "class", "track");
        if (rw > 0) {
            s.reserved(PAD, by, rw, BAR_H);
        }
        if (uw > 0) s.rect(PAD + rw, by, uw, BAR_H, "class", "used");
        s.close("g");
    }

    private static double clamp(double v) {
        return Double.isFinite(v) ? Math.max(0, Math.min(1, v)) : 0;
    }

    /** One entry of a memory map's key: a swatch and its words, with where it goes. */
    private record KeyItem(String label, String colour, String cls, double x, int line) {
    }

    private static final double KEY_LINE = 18;

    /** Who keeps the reserved memory on this host. */
    private static String keeper(Host host) {
        return host.hypervisor() == Hypervisor.TYPE2 ? "host OS" : "hypervisor";
    }

    /** The started VMs: those whose memory R3 counts, each with a slice of its own. */
    private static List<Vm> started(Host host) {
        List<Vm> out = new ArrayList<>();
        for (Vm vm : host.vms()) if (vm.running()) out.add(vm);
        return out;
    }

    /** The key under the strip, flowed into lines: the reserved slice, then each VM's slice. */
    private static List<KeyItem> memoryKey(Host host) {
        List<String> labels = new ArrayList<>();
        labels.add(keeper(host) + " " + Num.show(host.hypervisor().reservedMemoryGiB()) + " GiB");
        for (Vm vm : started(host)) labels.add(Svg.fit(vm.id(), 150, 11) + " " + Num.show(vm.memoryGiB()) + " GiB");
        List<KeyItem> out = new ArrayList<>();
        double x = 0;
        int line = 0;
        int colour = 0;
        for (int i = 0; i < labels.size(); i++) {
            double w = 16 + Svg.width(labels.get(i), 11) + 12;
            if (x > 0 && x + w > INNER) {
                x = 0;
                line++;
            }
            String c = i == 0 ? null : VM_COLOURS[colour++ % VM_COLOURS.length];
            out.add(new KeyItem(labels.get(i), c, i == 0 ? "reserved" : "part", x, line));
            x += w;
        }
        return out;
    }

    private static int keyLines(Host host) {
        List<KeyItem> key = memoryKey(host);
        return key.get(key.size() - 1).line() + 1;
    }

    /**
     * The memory map: physical memory split into what the hypervisor (or host OS) keeps, then
     * one private slice per started VM, then what is free, so isolation can be seen.
     */
    private static void memoryMap(Svg s, Host host, Facts facts, boolean up, double y) {
        HostSpec spec = host.spec();
        BigDecimal reserved = spec.hypervisor().reservedMemoryGiB();
        List<Vm> started = started(host);
        BigDecimal promised = BigDecimal.ZERO;
        for (Vm vm : started) promised = promised.add(vm.memoryGiB());
        BigDecimal physical = spec.memoryGiB();
        BigDecimal total = physical.max(reserved.add(promised));
        boolean over = total.compareTo(physical) > 0;
        String caption = "Memory map · " + Num.show(physical) + " GiB physical"
                + (over ? " · overcommitted: " + Num.show(promised) + " GiB promised" : "");
        String who = keeper(host);
        s.open("g", "class", "memory-map");
        s.title("Memory map of " + host.id() + ": " + Num.show(reserved) + " GiB kept by the " + who + ", "
                + (started.isEmpty() ? "no started VMs" : Num.count(started.size(), "private VM slice")));
        s.text(PAD, y + 12, "b small", Svg.fit(caption, INNER, 11, true));
        double sy = y + 18;
        double scale = INNER / total.doubleValue();
        double x = PAD;
        s.rect(PAD, sy, INNER, STRIP_H, "rx", "3", "class", "track");

        double rw = reserved.doubleValue() * scale;
        s.open("g", "class", "slice reserved-slice");
        s.title(who + " keeps " + Num.show(reserved) + " GiB");
        s.reserved(x, sy, rw, STRIP_H);
        sliceLabel(s, x, sy, rw, "slice-dark", who + " " + Num.show(reserved) + " GiB", who);
        s.close("g");
        x += rw;

        int colour = 0;
        for (Vm vm : started) {
            double w = vm.memoryGiB().doubleValue() * scale;
            String c = VM_COLOURS[colour++ % VM_COLOURS.length];
            String status = facts.status(vm);
            s.open("g", "class", "slice vm-slice " + status, "data-vm", vm.id());
            s.title(vm.id() + ": " + Num.show(vm.memoryGiB()) + " GiB of private memory" + (up ? "" : " (host down)"));
            s.rect(x, sy, w, STRIP_H, "class", "part", "fill", c);
            sliceLabel(s, x, sy, w, "slice-light", vm.id() + " " + Num.show(vm.memoryGiB()) + " GiB", vm.id());
            s.close("g");
            x += w;
        }
        double free = PAD + INNER - x;
        if (free > 0.5) {
            BigDecimal freeGiB = physical.subtract(reserved).subtract(promised).max(BigDecimal.ZERO);
            sliceLabel(s, x, sy, free, "slice-free", "free " + Num.show(freeGiB) + " GiB", "free");
        }

        // the key, so that even a slice too thin for its label is named
        double ky = sy + STRIP_H + 8;
        s.open("g", "class", "memory-key" + (up ? "" : " down"));
        for (KeyItem k : memoryKey(host)) {
            double kx = PAD + k.x();
            double top = ky + k.line() * KEY_LINE;
            if (k.colour() == null) s.reserved(kx, top + 1, 11, 11);
            else s.rect(kx, top + 1, 11, 11, "class", k.cls(), "fill", k.colour());
            s.text(kx + 16, top + 11, "small", k.label());
        }
        s.close("g");
        double ny = ky + keyLines(host) * KEY_LINE + 12;
        s.text(PAD, ny, "small muted", up
                ? "Each started VM gets its own private slice; stopped VMs hold none."
                : "The host is down: nothing runs in its memory until it is restored.");
        s.close("g");
    }

    /** The longest of the labels that fits the slice, or none. */
    private static void sliceLabel(Svg s, double x, double y, double w, String cls, String longLabel, String shortLabel) {
        String label = Svg.width(longLabel, 11, true) + 10 <= w ? longLabel
                : Svg.width(shortLabel, 11, true) + 10 <= w ? shortLabel : null;
        if (label != null) s.text(x + w / 2, y + STRIP_H / 2 + 4, cls + " mid", label);
    }
}

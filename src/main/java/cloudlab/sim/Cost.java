package cloudlab.sim;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a layout costs in a month, in US dollars: a teaching model with a few dated prices, not a
 * quote (docs/simulation.md, "What a layout costs"). A host is billed by its size whatever runs on
 * it; an app's writes are copied from the first zone that holds a VM of it to every other zone
 * holding one (running or stopped: a standby receives the data too), and each copied GB is billed at the inter-zone or inter-region price. A pure function of the
 * layout and the volume written.
 */
public final class Cost {
    /** A host's physical core for a month: fitted to m5.large and r5.large on-demand, us-east-1. */
    public static final BigDecimal CORE_MONTH_USD = new BigDecimal("48");
    /** A GiB of a host's memory for a month, fitted to the same two prices. */
    public static final BigDecimal GIB_MONTH_USD = new BigDecimal("2.75");
    /** A GB copied to another zone of the same region: $0.01 out of one zone and $0.01 into the other. */
    public static final BigDecimal INTER_ZONE_USD_PER_GB = new BigDecimal("0.02");
    /** A GB copied to another region: $0.02 out of US and European regions (in is free); dearer elsewhere. */
    public static final BigDecimal INTER_REGION_USD_PER_GB = new BigDecimal("0.02");

    private Cost() {
    }

    /** One line of a bill: what is paid for and its monthly price. */
    public record Line(String what, BigDecimal usd) {
    }

    /** A month's bill: one line per host, one per copy between zones, and the totals. */
    public record Bill(List<Line> hosts, List<Line> copies, BigDecimal hostsUsd, BigDecimal copiesUsd) {
        public Bill {
            hosts = List.copyOf(hosts);
            copies = List.copyOf(copies);
        }

        public BigDecimal totalUsd() {
            return hostsUsd.add(copiesUsd);
        }
    }

    /**
     * A host's price for a month: cores × {@link #CORE_MONTH_USD} + memory × {@link #GIB_MONTH_USD}.
     * The hypervisor does not change the price of the hardware; it changes how much of it guests
     * get (R1), so a type 2 host buys fewer VMs for the same money.
     */
    public static BigDecimal hostMonthlyUsd(HostSpec spec) {
        return CORE_MONTH_USD.multiply(BigDecimal.valueOf(spec.cores())).add(GIB_MONTH_USD.multiply(spec.memoryGiB()));
    }

    /** The price of copying one GB from one zone to another: inter-zone or inter-region. */
    public static BigDecimal copyUsdPerGb(Zone from, Zone to) {
        return from.region() == to.region() ? INTER_ZONE_USD_PER_GB : INTER_REGION_USD_PER_GB;
    }

    /**
     * The layout's monthly bill when each app writes {@code writtenGbPerApp} GB in a month. Every
     * host is billed, up or failed (a failed host is still rented). For each app, the zones holding
     * a VM of it, running or stopped, are taken in document order; the first receives the writes
     * and copies them to each of the others.
     */
    public static Bill monthly(Layout layout, BigDecimal writtenGbPerApp) {
        if (writtenGbPerApp.signum() < 0) throw new IllegalArgumentException("GB written must be 0 or more");
        List<Line> hosts = new ArrayList<>();
        BigDecimal hostsUsd = BigDecimal.ZERO;
        for (Host h : layout.hosts()) {
            BigDecimal usd = hostMonthlyUsd(h.spec());
            hosts.add(new Line(h.id(), usd));
            hostsUsd = hostsUsd.add(usd);
        }
        List<Line> copies = new ArrayList<>();
        BigDecimal copiesUsd = BigDecimal.ZERO;
        for (App app : layout.apps()) {
            List<Zone> zones = zonesHolding(layout, app.name());
            for (int i = 1; i < zones.size(); i++) {
                Zone from = zones.get(0);
                Zone to = zones.get(i);
                BigDecimal usd = writtenGbPerApp.multiply(copyUsdPerGb(from, to));
                copies.add(new Line(app.name() + ": " + from.id() + " → " + to.id(), usd));
                copiesUsd = copiesUsd.add(usd);
            }
        }
        return new Bill(hosts, copies, hostsUsd, copiesUsd);
    }

    /** The zones that hold a VM of the app, running or stopped, in document order (failures not applied). */
    static List<Zone> zonesHolding(Layout layout, String app) {
        Map<Zone, Boolean> zones = new LinkedHashMap<>();
        for (Host h : layout.hosts()) {
            for (Vm vm : h.vms()) if (app.equals(vm.app())) zones.put(h.zone(), true);
        }
        return new ArrayList<>(zones.keySet());
    }

    /** "$1,234.50": dollars with cents and thousands separators. */
    public static String usd(BigDecimal value) {
        return String.format(java.util.Locale.ROOT, "$%,.2f", value.setScale(2, RoundingMode.HALF_UP));
    }

    /**
     * The sentence of a {@code maxMonthlyCost} check: the total, its two parts and the limit;
     * when over, the dearest host and copy are named so the learner knows where to cut.
     */
    public static String sentence(Bill bill, BigDecimal maxUsd) {
        StringBuilder sb = new StringBuilder("costs ").append(usd(bill.totalUsd())).append(" a month (")
                .append(Num.count(bill.hosts().size(), "host")).append(" ").append(usd(bill.hostsUsd()));
        sb.append(", ").append(Num.count(BigDecimal.valueOf(bill.copies().size()), "copy", "copies")).append(" between zones ")
                .append(usd(bill.copiesUsd())).append(")");
        boolean over = bill.totalUsd().compareTo(maxUsd) > 0;
        if (over) {
            Line dearest = dearest(bill.hosts());
            if (dearest != null) sb.append("; the dearest host is ").append(dearest.what()).append(" at ").append(usd(dearest.usd()));
            Line copy = dearest(bill.copies());
            if (copy != null && copy.usd().signum() > 0) sb.append(", the dearest copy ").append(copy.what()).append(" at ").append(usd(copy.usd()));
        }
        return sb.append(" (at most ").append(usd(maxUsd)).append(")").toString();
    }

    private static Line dearest(List<Line> lines) {
        Line best = null;
        for (Line l : lines) if (best == null || l.usd().compareTo(best.usd()) > 0) best = l;
        return best;
    }
}

package cloudlab.bench;

import cloudlab.sim.Layout;
import cloudlab.sim.Report;
import cloudlab.sim.Simulator;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * The heap a big layout holds: used heap after a full GC, before and after building {@code hosts}
 * hosts with {@code vmsPerHost} VMs each (default 10,000 and 10, so 100,000 VMs). Also the heap
 * held while its report is alive, since the simulator's report is the other big object a page or
 * a grade keeps. Run with {@code bench/memory.sh} (optional arguments: hosts, VMs per host).
 */
public final class LayoutMemory {
    private LayoutMemory() {
    }

    public static void main(String[] args) {
        int hosts = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int perHost = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        // warm the classes up on a small layout, so their metadata is not counted
        Simulator.simulate(Layouts.build(100, perHost));
        long before = used();
        Layout layout = Layouts.build(hosts, perHost);
        long afterLayout = used();
        Report report = Simulator.simulate(layout);
        long afterReport = used();
        System.out.printf("layout: %,d hosts, %,d VMs%n", layout.hosts().size(), layout.vms().size());
        System.out.printf("heap held by the layout:            %8.1f MB (%,d bytes per VM)%n", mb(afterLayout - before),
                (afterLayout - before) / Math.max(1, layout.vms().size()));
        System.out.printf("heap held by layout + its report:   %8.1f MB%n", mb(afterReport - before));
        System.out.printf("max heap %.0f MB; JDK %s%n", mb(Runtime.getRuntime().maxMemory()), System.getProperty("java.version"));
        // keep both reachable until measured
        if (report.hashCode() == layout.hashCode()) System.out.print("");
    }

    private static long used() {
        MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 4; i++) {
            System.gc();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return mem.getHeapMemoryUsage().getUsed();
    }

    private static double mb(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }
}

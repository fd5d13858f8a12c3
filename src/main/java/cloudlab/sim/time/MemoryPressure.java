package cloudlab.sim.time;

/**
 * Memory pressure on one host: when its running VMs' memory is more than the physical memory R1
 * leaves (memory overcommit), the hypervisor reclaims. First it inflates balloons in the guests
 * to take back idle memory (what a VM has but is not actively using), in proportion to each VM's
 * idle memory; when even all idle memory is not enough, the active memory that still does not fit
 * is swapped to disk, in proportion to each VM's active memory.
 */
public record MemoryPressure(double physicalGiB, double configuredGiB, double activeGiB,
                             double[] balloonedGiB, double[] swappedGiB) {

    /** The pressure on a host with {@code physicalGiB} for VMs, whose VMs have {@code memory} GiB, {@code active} of it in use. */
    public static MemoryPressure of(double physicalGiB, double[] memory, double[] active) {
        int n = memory.length;
        double configured = 0;
        double used = 0;
        for (int i = 0; i < n; i++) {
            configured += memory[i];
            used += active[i];
        }
        double[] ballooned = new double[n];
        double[] swapped = new double[n];
        double excess = configured - physicalGiB;
        if (excess > 0) {
            double idle = configured - used;
            double balloonShare = idle <= 0 ? 0 : Math.min(1, excess / idle);
            for (int i = 0; i < n; i++) ballooned[i] = (memory[i] - active[i]) * balloonShare;
            double toSwap = used - physicalGiB;
            if (toSwap > 0) for (int i = 0; i < n; i++) swapped[i] = active[i] * toSwap / used;
        }
        return new MemoryPressure(physicalGiB, configured, used, ballooned, swapped);
    }

    public double totalBallooned() {
        double t = 0;
        for (double b : balloonedGiB) t += b;
        return t;
    }

    public double totalSwapped() {
        double t = 0;
        for (double s : swappedGiB) t += s;
        return t;
    }
}

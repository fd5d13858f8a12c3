package cloudlab.sim.time;

/**
 * What a VM asks of its host over time and how the hypervisor should treat it: its CPU demand (in
 * percent of its vCPUs), its active memory (working set, GiB), its {@code shares} (weight against
 * the other VMs of its host), its {@code reservation} (cores it is guaranteed while it wants them)
 * and its {@code limit} (cores it never gets more of).
 */
public record VmLoad(Profile cpu, double activeMemoryGiB, int shares, double reservation, double limit) {
    /** Shares per vCPU when a VM declares none, as ESXi's "normal". */
    public static final int SHARES_PER_VCPU = 1000;

    public VmLoad {
        if (cpu == null) throw new IllegalArgumentException("a load needs a CPU profile");
        if (shares < 1 || reservation < 0 || limit < reservation || activeMemoryGiB < 0) {
            throw new IllegalArgumentException("shares >= 1, 0 <= reservation <= limit, active memory >= 0");
        }
    }

    /** The load in a few words: "CPU 80 %, shares 2000, reservation 1, limit 2, active memory 3 GiB". */
    public String describe() {
        return "CPU " + cpu.describe() + ", shares " + shares + ", reservation " + Profile.show(reservation) + ", limit "
                + Profile.show(limit) + ", active memory " + Profile.show(activeMemoryGiB) + " GiB";
    }

    /** The load of a VM that declares none: idle, no working set, default shares, no reservation, no limit. */
    public static VmLoad idle(int vcpus) {
        return new VmLoad(Profile.Constant.IDLE, 0, SHARES_PER_VCPU * vcpus, 0, vcpus);
    }
}

package cloudlab.sim;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Rules R2–R4 asked of one host and a VM: does it fit, how many like it fit, and if none does, a
 * sentence for a person that names the host, the resource and the two numbers. The rule itself —
 * what a VM asks of each resource, what a host has in use and its capacity — is written once, in
 * {@code need}, {@code used} and {@code capacity}; every question here reads those three.
 */
public final class Capacity {
    private Capacity() {
    }

    /** The three resources the rules count, in the order a refusal names them (R2, then R3, then R4). */
    enum Resource { VCPU, MEMORY, DISK }

    /** What a host has in use: running VMs for vCPU and memory, all VMs for disk. */
    record Used(int vcpus, BigDecimal memoryGiB, BigDecimal diskGiB) {
        static Used of(Host host) {
            return new Used(host.usedVcpus(), host.usedMemoryGiB(), host.usedDiskGiB());
        }

        /** The use without this VM, as when it is resized or started in place. */
        Used without(Vm vm) {
            int cpu = vcpus - (vm.running() ? vm.vcpus() : 0);
            BigDecimal mem = memoryGiB.subtract(vm.running() ? vm.memoryGiB() : BigDecimal.ZERO);
            return new Used(cpu, mem, diskGiB.subtract(vm.diskGiB()));
        }
    }

    /** What one VM asks of a resource: vCPUs and memory only while it runs (R2, R3), disk always (R4). */
    private static BigDecimal need(Resource r, VmSpec vm) {
        return switch (r) {
            case VCPU -> vm.running() ? BigDecimal.valueOf(vm.vcpus()) : BigDecimal.ZERO;
            case MEMORY -> vm.running() ? vm.memoryGiB() : BigDecimal.ZERO;
            case DISK -> vm.diskGiB();
        };
    }

    /** How much of a resource is taken by the given use. */
    private static BigDecimal used(Resource r, Used used) {
        return switch (r) {
            case VCPU -> BigDecimal.valueOf(used.vcpus());
            case MEMORY -> used.memoryGiB();
            case DISK -> used.diskGiB();
        };
    }

    /** The right-hand side of the resource's rule on a host of this spec (R1 reservations taken first). */
    private static BigDecimal capacity(Resource r, HostSpec spec) {
        return switch (r) {
            case VCPU -> spec.vcpuCapacity();
            case MEMORY -> spec.memoryCapacityGiB();
            case DISK -> spec.storageGiB();
        };
    }

    /** What a host of this spec has free of a resource beside the given use. */
    private static BigDecimal free(Resource r, HostSpec spec, Used used) {
        return capacity(r, spec).subtract(used(r, used));
    }

    /** The first resource short for the VM (R2, then R3, then R4), or null when it fits. */
    private static Resource shortOf(HostSpec spec, Used used, VmSpec vm) {
        for (Resource r : Resource.values()) {
            if (free(r, spec, used).compareTo(need(r, vm)) < 0) return r;
        }
        return null;
    }

    /** Whether the VM fits on the host beside what is there; the quiet form of {@link #problem(Host, VmSpec)}. */
    public static boolean fits(Host host, VmSpec vm) {
        return shortOf(host.spec(), Used.of(host), vm) == null;
    }

    /** Null when the VM fits on the host beside what is there, else why not (R2, then R3, then R4). */
    public static String problem(Host host, VmSpec vm) {
        return problem(host, Used.of(host), vm);
    }

    /** Null when the VM fits on the host beside the given use, else why not. */
    static String problem(Host host, Used used, VmSpec vm) {
        HostSpec spec = host.spec();
        Resource r = shortOf(spec, used, vm);
        if (r == null) return null;
        String free = Num.show(free(r, spec, used).max(BigDecimal.ZERO));
        String need = Num.show(need(r, vm));
        Hypervisor h = spec.hypervisor();
        return switch (r) {
            case VCPU -> host.id() + " has " + free + " of the " + Num.count(vm.vcpus(), "vCPU") + " this VM needs"
                    + (h.reservedCores() > 0 ? " (type 2 keeps " + Num.count(h.reservedCores(), "core") + " for the host OS)" : "");
            case MEMORY -> h == Hypervisor.TYPE2
                    ? "type 2 keeps " + Num.show(h.reservedMemoryGiB()) + " GiB for the host OS: " + host.id() + " has " + free
                            + " GiB free, this VM needs " + need
                    : host.id() + " has " + free + " GiB of the " + need + " GiB of memory this VM needs (the hypervisor keeps "
                            + Num.show(h.reservedMemoryGiB()) + " GiB)";
            case DISK -> host.id() + " has " + free + " GiB of the " + need + " GiB of disk this VM needs";
        };
    }

    /** How many more VMs of this spec fit on the host beside what it holds, each resource counted (R2–R4). */
    public static int room(Host host, VmSpec vm) {
        Used used = Used.of(host);
        long n = Integer.MAX_VALUE;
        for (Resource r : Resource.values()) {
            BigDecimal need = need(r, vm);
            if (need.signum() <= 0) continue;
            BigDecimal free = free(r, host.spec(), used);
            n = Math.min(n, free.signum() <= 0 ? 0 : free.divide(need, 0, RoundingMode.FLOOR).min(BigDecimal.valueOf(n)).longValue());
        }
        return (int) n;
    }

    /**
     * Null when the host's VMs as they are would still fit on a host of {@code spec}, else why
     * not (R2, then R3, then R4), for changing a host's size or overcommit.
     */
    public static String resizeProblem(Host host, HostSpec spec) {
        Used used = Used.of(host);
        Resource over = null;
        for (Resource r : Resource.values()) {
            if (used(r, used).compareTo(capacity(r, spec)) > 0) {
                over = r;
                break;
            }
        }
        if (over == null) return null;
        String room = Num.show(capacity(over, spec));
        return switch (over) {
            case VCPU -> host.id() + "'s running VMs use " + Num.count(used.vcpus(), "vCPU") + "; the new size leaves room for " + room;
            case MEMORY -> host.id() + "'s running VMs use " + Num.show(used.memoryGiB()) + " GiB of memory; the new size leaves room for "
                    + room + " GiB";
            case DISK -> host.id() + "'s VMs use " + Num.show(used.diskGiB()) + " GiB of disk; the new size has " + room + " GiB";
        };
    }
}

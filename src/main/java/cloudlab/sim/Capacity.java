package cloudlab.sim;

import java.math.BigDecimal;

/**
 * Rules R2–R4 asked of one host and one VM: does it fit, and if not, a sentence for a person
 * that names the host, the resource and the two numbers.
 */
public final class Capacity {
    private Capacity() {
    }

    /** Null when the VM fits on the host beside what is there, else why not (R2, then R3, then R4). */
    public static String problem(Host host, VmSpec vm) {
        return problem(host, host.spec(), host.usedVcpus(), host.usedMemoryGiB(), host.usedDiskGiB(), vm);
    }

    /**
     * Null when a VM asking for {@code vm} fits beside the given use on a host of this spec,
     * else why not. The VM counts against R2 and R3 only when it runs.
     */
    static String problem(Host host, HostSpec spec, int usedVcpus, BigDecimal usedMemory, BigDecimal usedDisk, VmSpec vm) {
        if (vm.running()) {
            BigDecimal free = spec.vcpuCapacity().subtract(BigDecimal.valueOf(usedVcpus));
            if (free.compareTo(BigDecimal.valueOf(vm.vcpus())) < 0) {
                String note = spec.hypervisor() == Hypervisor.TYPE2 ? " (type 2 keeps 1 core for the host OS)" : "";
                return host.id() + " has " + Num.show(free.max(BigDecimal.ZERO)) + " of the " + Num.count(vm.vcpus(), "vCPU")
                        + " this VM needs" + note;
            }
            BigDecimal freeMem = spec.memoryCapacityGiB().subtract(usedMemory);
            if (freeMem.compareTo(vm.memoryGiB()) < 0) {
                String free2 = Num.show(freeMem.max(BigDecimal.ZERO));
                if (spec.hypervisor() == Hypervisor.TYPE2) {
                    return "type 2 keeps 4 GiB for the host OS: " + host.id() + " has " + free2 + " GiB free, this VM needs "
                            + Num.show(vm.memoryGiB());
                }
                return host.id() + " has " + free2 + " GiB of the " + Num.show(vm.memoryGiB())
                        + " GiB of memory this VM needs (the hypervisor keeps 2 GiB)";
            }
        }
        BigDecimal freeDisk = spec.storageGiB().subtract(usedDisk);
        if (freeDisk.compareTo(vm.diskGiB()) < 0) {
            return host.id() + " has " + Num.show(freeDisk.max(BigDecimal.ZERO)) + " GiB of the " + Num.show(vm.diskGiB())
                    + " GiB of disk this VM needs";
        }
        return null;
    }

    /** Whether the VM fits; the quiet form of {@link #problem(Host, VmSpec)}. */
    public static boolean fits(Host host, VmSpec vm) {
        if (vm.running()) {
            if (host.freeVcpus().compareTo(BigDecimal.valueOf(vm.vcpus())) < 0) return false;
            if (host.freeMemoryGiB().compareTo(vm.memoryGiB()) < 0) return false;
        }
        return host.freeDiskGiB().compareTo(vm.diskGiB()) >= 0;
    }

    /**
     * Null when the host's VMs as they are would still fit on a host of {@code spec}, else why
     * not (R2, then R3, then R4), for changing a host's size or overcommit.
     */
    public static String resizeProblem(Host host, HostSpec spec) {
        if (BigDecimal.valueOf(host.usedVcpus()).compareTo(spec.vcpuCapacity()) > 0) {
            return host.id() + "'s running VMs use " + Num.count(host.usedVcpus(), "vCPU") + "; the new size leaves room for "
                    + Num.show(spec.vcpuCapacity());
        }
        if (host.usedMemoryGiB().compareTo(spec.memoryCapacityGiB()) > 0) {
            return host.id() + "'s running VMs use " + Num.show(host.usedMemoryGiB()) + " GiB of memory; the new size leaves room for "
                    + Num.show(spec.memoryCapacityGiB()) + " GiB";
        }
        if (host.usedDiskGiB().compareTo(spec.storageGiB()) > 0) {
            return host.id() + "'s VMs use " + Num.show(host.usedDiskGiB()) + " GiB of disk; the new size has "
                    + Num.show(spec.storageGiB()) + " GiB";
        }
        return null;
    }
}

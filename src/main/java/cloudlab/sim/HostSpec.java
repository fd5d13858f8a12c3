package cloudlab.sim;

import java.math.BigDecimal;

/** What a host is made of: hypervisor, physical cores, memory, storage and overcommit ratios. */
public record HostSpec(Hypervisor hypervisor, int cores, BigDecimal memoryGiB, BigDecimal storageGiB,
                       BigDecimal cpuOvercommit, BigDecimal memoryOvercommit) {

    public HostSpec {
        if (hypervisor == null || memoryGiB == null || storageGiB == null) {
            throw new IllegalArgumentException("a host needs a hypervisor, memory and storage");
        }
        memoryGiB = Num.canonical(memoryGiB);
        storageGiB = Num.canonical(storageGiB);
        cpuOvercommit = Num.canonical(cpuOvercommit == null ? BigDecimal.ONE : cpuOvercommit);
        memoryOvercommit = Num.canonical(memoryOvercommit == null ? BigDecimal.ONE : memoryOvercommit);
    }

    /** A host with overcommit 1.0 for CPU and memory. */
    public static HostSpec of(Hypervisor hypervisor, int cores, double memoryGiB, double storageGiB) {
        return new HostSpec(hypervisor, cores, BigDecimal.valueOf(memoryGiB), BigDecimal.valueOf(storageGiB), null, null);
    }

    /** Rule R2's right-hand side: {@code (cores - reservedCores) * cpuOvercommit}. */
    public BigDecimal vcpuCapacity() {
        return BigDecimal.valueOf(cores - hypervisor.reservedCores()).multiply(cpuOvercommit);
    }

    /** Rule R3's right-hand side: {@code (memoryGiB - reservedMemoryGiB) * memoryOvercommit}. */
    public BigDecimal memoryCapacityGiB() {
        return memoryGiB.subtract(hypervisor.reservedMemoryGiB()).multiply(memoryOvercommit);
    }
}

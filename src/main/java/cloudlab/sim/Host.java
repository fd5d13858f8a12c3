package cloudlab.sim;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;

/**
 * A physical machine in a data center, running one hypervisor and holding VMs. It keeps running
 * totals of what rules R2–R4 count, so a check never walks its VMs.
 */
public final class Host extends Node {
    final Datacenter datacenter;
    HostSpec spec;
    final LinkedHashMap<String, Vm> vms = new LinkedHashMap<>();
    int usedVcpus;                               // running VMs (R2)
    BigDecimal usedMemoryGiB = BigDecimal.ZERO;  // running VMs (R3)
    BigDecimal usedDiskGiB = BigDecimal.ZERO;    // all VMs (R4)
    cloudlab.sim.time.Profile osLoad;            // a type 2 host's own OS load (time extension), or null

    Host(String id, Datacenter datacenter, HostSpec spec) {
        super(id);
        this.datacenter = datacenter;
        this.spec = spec;
    }

    public Datacenter datacenter() {
        return datacenter;
    }

    public Zone zone() {
        return datacenter.zone;
    }

    public HostSpec spec() {
        return spec;
    }

    public Hypervisor hypervisor() {
        return spec.hypervisor();
    }

    /** The host OS's own load in percent of the cores (a type 2 host only), or null when it declares none. */
    public cloudlab.sim.time.Profile osLoad() {
        return osLoad;
    }

    public Collection<Vm> vms() {
        return Collections.unmodifiableCollection(vms.values());
    }

    public int usedVcpus() {
        return usedVcpus;
    }

    public BigDecimal usedMemoryGiB() {
        return usedMemoryGiB;
    }

    public BigDecimal usedDiskGiB() {
        return usedDiskGiB;
    }

    public BigDecimal vcpuCapacity() {
        return spec.vcpuCapacity();
    }

    public BigDecimal memoryCapacityGiB() {
        return spec.memoryCapacityGiB();
    }

    public BigDecimal storageGiB() {
        return spec.storageGiB();
    }

    public BigDecimal freeVcpus() {
        return vcpuCapacity().subtract(BigDecimal.valueOf(usedVcpus));
    }

    public BigDecimal freeMemoryGiB() {
        return memoryCapacityGiB().subtract(usedMemoryGiB);
    }

    public BigDecimal freeDiskGiB() {
        return spec.storageGiB().subtract(usedDiskGiB);
    }

    void count(Vm vm, int sign) {
        if (vm.running) {
            usedVcpus += sign * vm.vcpus;
            usedMemoryGiB = usedMemoryGiB.add(sign > 0 ? vm.memoryGiB : vm.memoryGiB.negate());
        }
        usedDiskGiB = usedDiskGiB.add(sign > 0 ? vm.diskGiB : vm.diskGiB.negate());
    }

    @Override
    public Kind kind() {
        return Kind.HOST;
    }

    @Override
    public Node parent() {
        return datacenter;
    }
}

package cloudlab.sim;

import java.math.BigDecimal;

/** What a VM asks for: vCPUs, memory, disk, the app it serves (or null) and whether it runs. */
public record VmSpec(int vcpus, BigDecimal memoryGiB, BigDecimal diskGiB, String app, boolean running) {
    public VmSpec {
        if (memoryGiB == null || diskGiB == null) throw new IllegalArgumentException("a VM needs memory and disk");
        memoryGiB = Num.canonical(memoryGiB);
        diskGiB = Num.canonical(diskGiB);
    }

    public static VmSpec of(int vcpus, double memoryGiB, double diskGiB) {
        return new VmSpec(vcpus, BigDecimal.valueOf(memoryGiB), BigDecimal.valueOf(diskGiB), null, true);
    }

    public VmSpec withApp(String newApp) {
        return new VmSpec(vcpus, memoryGiB, diskGiB, newApp, running);
    }

    public VmSpec withRunning(boolean newRunning) {
        return new VmSpec(vcpus, memoryGiB, diskGiB, app, newRunning);
    }

    /** "2 vCPUs, 4 GiB memory, 20 GiB disk". */
    public String describe() {
        return Num.count(vcpus, "vCPU") + ", " + Num.show(memoryGiB) + " GiB memory, " + Num.show(diskGiB) + " GiB disk";
    }
}

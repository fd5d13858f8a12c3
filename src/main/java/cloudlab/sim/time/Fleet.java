package cloudlab.sim.time;

import cloudlab.sim.Host;
import cloudlab.sim.Layout;
import cloudlab.sim.Vm;

import java.util.ArrayList;
import java.util.List;

/**
 * A layout and its workload laid out flat for a run: per host its cores, its hypervisor's reserved
 * cores, its host OS load and its memory pressure; per running VM on an up host its vCPUs, shares,
 * reservation, limit and CPU profile. A host's VMs sit side by side, from {@code start[h]} to
 * {@code start[h + 1] - 1}, so a second of one host is one pass over a slice of plain arrays.
 */
final class Fleet {
    final List<Host> hosts;
    final boolean[] up;
    final double[] cores;
    final double[] reservedCores;
    final Profile[] hostOs;
    final MemoryPressure[] memory;
    final int[] start;
    final List<Vm> vms = new ArrayList<>();
    final double[] vcpus;
    final double[] weight;
    final double[] reservation;
    final double[] limit;
    final Profile[] cpu;

    Fleet(Layout layout, Workload workload) {
        hosts = layout.hosts();
        int hostCount = hosts.size();
        up = new boolean[hostCount];
        cores = new double[hostCount];
        reservedCores = new double[hostCount];
        hostOs = new Profile[hostCount];
        memory = new MemoryPressure[hostCount];
        start = new int[hostCount + 1];
        for (int h = 0; h < hostCount; h++) {
            Host host = hosts.get(h);
            up[h] = layout.isUp(host);
            cores[h] = host.spec().cores();
            reservedCores[h] = host.hypervisor().reservedCores();
            start[h] = vms.size();
            if (!up[h]) continue;
            hostOs[h] = workload.hostOs(host);
            for (Vm vm : host.vms()) if (vm.running()) vms.add(vm);
        }
        start[hostCount] = vms.size();
        int n = vms.size();
        vcpus = new double[n];
        weight = new double[n];
        reservation = new double[n];
        limit = new double[n];
        cpu = new Profile[n];
        double[] activeGiB = new double[n];
        for (int i = 0; i < n; i++) {
            Vm vm = vms.get(i);
            VmLoad load = workload.of(vm);
            vcpus[i] = vm.vcpus();
            weight[i] = load.shares();
            reservation[i] = load.reservation();
            limit[i] = load.limit();
            cpu[i] = load.cpu();
            activeGiB[i] = load.activeMemoryGiB();
        }
        for (int h = 0; h < hostCount; h++) {
            if (!up[h]) continue;
            Host host = hosts.get(h);
            int off = start[h];
            int k = start[h + 1] - off;
            double[] mem = new double[k];
            double[] act = new double[k];
            for (int i = 0; i < k; i++) {
                mem[i] = vms.get(off + i).memoryGiB().doubleValue();
                act[i] = activeGiB[off + i];
            }
            double physical = host.spec().memoryGiB().subtract(host.hypervisor().reservedMemoryGiB()).doubleValue();
            memory[h] = MemoryPressure.of(physical, mem, act);
        }
    }

    int hostCount() {
        return hosts.size();
    }

    int vmCount() {
        return vms.size();
    }

    /** Cores a VM ballooned (GiB), by its index in this fleet. */
    double ballooned(int h, int i) {
        return memory[h].balloonedGiB()[i - start[h]];
    }

    double swapped(int h, int i) {
        return memory[h].swappedGiB()[i - start[h]];
    }
}

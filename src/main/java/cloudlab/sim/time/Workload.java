package cloudlab.sim.time;

import cloudlab.sim.Host;
import cloudlab.sim.Vm;

import java.util.Map;

/**
 * The time side of a layout document: each VM's {@link VmLoad} and each type 2 host's own OS
 * load (percent of its cores), by id. Anything not named here is idle.
 */
public record Workload(Map<String, VmLoad> vms, Map<String, Profile> hostOs) {
    /** No VM loaded, no host OS busy. */
    public static final Workload NONE = new Workload(Map.of(), Map.of());

    public Workload {
        vms = Map.copyOf(vms);
        hostOs = Map.copyOf(hostOs);
    }

    /** The VM's load as declared, or idle. */
    public VmLoad of(Vm vm) {
        VmLoad l = vms.get(vm.id());
        return l != null ? l : VmLoad.idle(vm.vcpus());
    }

    /** The host OS's load, or null where the host declares none. */
    public Profile hostOs(Host host) {
        return hostOs.get(host.id());
    }
}

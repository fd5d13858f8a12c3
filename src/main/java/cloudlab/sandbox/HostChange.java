package cloudlab.sandbox;

import cloudlab.sim.Command;
import cloudlab.sim.Host;
import cloudlab.sim.HostSpec;
import cloudlab.sim.Hypervisor;
import cloudlab.sim.Layout;

import java.math.BigDecimal;

/**
 * "Change a host" as the learner filled it in: each field is the new value, or null where the
 * learner left it as it was. A field left alone keeps the host's own value, so changing only the
 * hypervisor of an 8-core host leaves it 8 cores.
 */
public record HostChange(String host, Hypervisor hypervisor, Integer cores, BigDecimal memoryGiB, BigDecimal storageGiB,
                         BigDecimal cpuOvercommit, BigDecimal memoryOvercommit) {

    /** The command for the state as it is: the host's spec with the changed fields put in. */
    public Command command(Layout state) {
        Host h = state.node(host, Host.class);
        if (h == null) return new Command.ChangeHost(host, null); // the core says there is no such host
        HostSpec now = h.spec();
        return new Command.ChangeHost(host, new HostSpec(
                hypervisor != null ? hypervisor : now.hypervisor(),
                cores != null ? cores : now.cores(),
                memoryGiB != null ? memoryGiB : now.memoryGiB(),
                storageGiB != null ? storageGiB : now.storageGiB(),
                cpuOvercommit != null ? cpuOvercommit : now.cpuOvercommit(),
                memoryOvercommit != null ? memoryOvercommit : now.memoryOvercommit()));
    }
}

package cloudlab.bench;

import cloudlab.sim.Event;
import cloudlab.sim.HostSpec;
import cloudlab.sim.Hypervisor;
import cloudlab.sim.Layout;
import cloudlab.sim.VmSpec;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Benchmark layouts: hosts spread over 4 regions x 5 zones, ten VMs to a host. */
final class Layouts {
    static final String[] REGIONS = {"us-east-1", "eu-west-1", "ap-southeast-2", "sa-east-1"};
    static final int ZONES = 5;

    private Layouts() {
    }

    /** {@code hosts} type 1 hosts of 32 cores, 128 GiB, 2000 GiB; with {@code vmsPerHost} shop VMs each. */
    static Layout build(int hosts, int vmsPerHost) {
        Layout l = Layout.empty();
        l.apply(new Event.AppAdded("shop", 1000));
        int zones = REGIONS.length * ZONES;
        int h = 0;
        int v = 0;
        HostSpec spec = HostSpec.of(Hypervisor.TYPE1, 32, 128, 2000);
        VmSpec vm = new VmSpec(2, BigDecimal.valueOf(4), BigDecimal.valueOf(20), "shop", true);
        for (int r = 0; r < REGIONS.length; r++) {
            l.apply(new Event.RegionAdded(REGIONS[r], null));
            for (int z = 0; z < ZONES; z++) {
                String zone = REGIONS[r] + "-z" + z;
                l.apply(new Event.ZoneAdded(REGIONS[r], zone));
                l.apply(new Event.DatacenterAdded(zone, zone + "-dc"));
                int inZone = hosts / zones + ((r * ZONES + z) < hosts % zones ? 1 : 0);
                for (int i = 0; i < inZone; i++) {
                    String id = "h" + h++;
                    l.apply(new Event.HostAdded(zone + "-dc", id, spec));
                    for (int k = 0; k < vmsPerHost; k++) l.apply(new Event.VmAdded(id, "v" + v++, vm));
                }
            }
        }
        return l;
    }

    /** {@code n} shop VMs of 2 vCPUs, 4 GiB, 20 GiB disk. */
    static List<VmSpec> vms(int n) {
        List<VmSpec> out = new ArrayList<>(n);
        VmSpec vm = new VmSpec(2, BigDecimal.valueOf(4), BigDecimal.valueOf(20), "shop", true);
        for (int i = 0; i < n; i++) out.add(vm);
        return out;
    }
}

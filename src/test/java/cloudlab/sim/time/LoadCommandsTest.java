package cloudlab.sim.time;

import cloudlab.sim.Command;
import cloudlab.sim.Decision;
import cloudlab.sim.History;
import cloudlab.sim.HostSpec;
import cloudlab.sim.Hypervisor;
import cloudlab.sim.Layout;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Load set by commands: the decider keeps the same rules as the document reader, and the load follows its VM. */
class LoadCommandsTest {
    static History noisy() throws Exception {
        return History.from(TimeLayouts.read(TimeLayouts.NOISY), java.util.List.of(), 0);
    }

    @Test
    void aResizeBelowTheLoadsLimitIsRefusedUntilTheLoadChanges() throws Exception {
        History h = noisy();
        h.submit(new Command.SetVmLoad("web-1", new VmLoad(new Profile.Constant(60), 12, 4000, 1, 4)));
        Decision d = h.submit(new Command.ResizeVm("web-1", 2, new BigDecimal(16), new BigDecimal(20)));
        assertEquals("web-1: limit must be a number from 0 to 2 with at most 3 digits after the point (got 4) (cores, up to its vCPUs)"
                + " after the resize; change its load first", d.refusal());
    }

    @Test
    void aVmTakesItsLoadAlongWhenItMovesAndIsRenamed() throws Exception {
        History h = noisy();
        assertTrue(h.submit(new Command.AddHost("dc1", "h2", HostSpec.of(Hypervisor.TYPE1, 16, 64, 1000))).accepted());
        assertTrue(h.submit(new Command.MigrateVm("crunch", "h2")).accepted());
        assertTrue(h.submit(new Command.Rename("crunch", "cruncher")).accepted());
        Layout l = h.state();
        assertEquals(2000, l.workload().of(l.node("cruncher", cloudlab.sim.Vm.class)).shares());
        // alone on 16 cores, the cruncher gets all 8 vCPUs it wants
        assertEquals(0, TimeSimulator.summarise(l, 30, CpuPolicy.FAIR).vms().get(2).meanStealPercent().signum());
    }

    @Test
    void aReservationIsAdmittedOnlyWhileTheCoresAreThere() throws Exception {
        History h = noisy();
        assertTrue(h.submit(new Command.SetVmLoad("web-1", new VmLoad(new Profile.Constant(60), 12, 4000, 4, 4))).accepted());
        assertTrue(h.submit(new Command.StopVm("web-2")).accepted());
        assertTrue(h.submit(new Command.SetVmLoad("web-2", new VmLoad(new Profile.Constant(60), 8, 4000, 4, 4))).accepted(),
                "a stopped VM reserves nothing yet");
        assertTrue(h.submit(new Command.SetVmLoad("crunch", new VmLoad(new Profile.Constant(100), 8, 2000, 1, 8))).accepted());
        Decision start = h.submit(new Command.StartVm("web-2"));
        assertEquals("host h1: reservations of running VMs add up to 9 cores, available 8 (a hypervisor starts a VM only while the"
                + " cores it reserves are there)", start.refusal());
    }

    @Test
    void aHostOsLoadBelongsToAType2HostAndGoesWhenItBecomesType1() throws Exception {
        History h = noisy();
        Profile busy = new Profile.Constant(30);
        assertEquals("h1: only a type2 host runs a host OS; a type1 hypervisor runs on the bare metal",
                h.submit(new Command.SetHostOsLoad("h1", busy)).refusal());
        HostSpec type2 = new HostSpec(Hypervisor.TYPE2, 8, new BigDecimal(34), new BigDecimal(1000), new BigDecimal(3), new BigDecimal("1.5"));
        assertTrue(h.submit(new Command.ChangeHost("h1", type2)).accepted());
        assertTrue(h.submit(new Command.SetHostOsLoad("h1", busy)).accepted());
        assertEquals(busy, h.state().hosts().get(0).osLoad());
        HostSpec type1 = new HostSpec(Hypervisor.TYPE1, 8, new BigDecimal(34), new BigDecimal(1000), new BigDecimal(2), new BigDecimal("1.5"));
        assertTrue(h.submit(new Command.ChangeHost("h1", type1)).accepted());
        assertNull(h.state().hosts().get(0).osLoad());
    }

    @Test
    void theWorkloadIsBuiltOnceAndFollowsEveryChangeOfTheLayout() throws Exception {
        History h = noisy();
        Layout l = h.state();
        Workload before = l.workload();
        assertSame(before, l.workload(), "asked twice without a change, the same workload");
        VmLoad busy = new VmLoad(new Profile.Constant(90), 12, 4000, 1, 2);
        assertTrue(h.submit(new Command.SetVmLoad("web-1", busy)).accepted());
        assertEquals(busy, h.state().workload().of(h.state().node("web-1", cloudlab.sim.Vm.class)),
                "the load set by the command, not the one cached before it");
        assertTrue(h.submit(new Command.Rename("web-1", "front-1")).accepted());
        assertEquals(busy, h.state().workload().of(h.state().node("front-1", cloudlab.sim.Vm.class)));
    }
}

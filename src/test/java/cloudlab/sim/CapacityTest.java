package cloudlab.sim;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one fit rule (R2–R4): "does it fit", "why not" and "how many fit" always agree. */
class CapacityTest {
    static Host host(Hypervisor h, int cores, int memory, int storage) {
        Layout l = Layout.empty();
        l.apply(new Event.RegionAdded("eu-west-1", null));
        l.apply(new Event.ZoneAdded("eu-west-1", "z"));
        l.apply(new Event.DatacenterAdded("z", "d"));
        l.apply(new Event.HostAdded("d", "h1", HostSpec.of(h, cores, memory, storage)));
        return l.node("h1", Host.class);
    }

    @Property(tries = 300)
    void fitsProblemAndRoomAgree(@ForAll @IntRange(min = 2, max = 16) int cores, @ForAll @IntRange(min = 5, max = 64) int memory,
                                 @ForAll @IntRange(min = 0, max = 200) int storage, @ForAll boolean type2,
                                 @ForAll @IntRange(min = 1, max = 8) int vcpus, @ForAll @IntRange(min = 1, max = 16) int vmMemory,
                                 @ForAll @IntRange(min = 0, max = 80) int disk, @ForAll boolean running) {
        Host h = host(type2 ? Hypervisor.TYPE2 : Hypervisor.TYPE1, cores, memory, storage);
        VmSpec vm = new VmSpec(vcpus, BigDecimal.valueOf(vmMemory), BigDecimal.valueOf(disk), null, running);
        boolean fits = Capacity.fits(h, vm);
        assertEquals(fits, Capacity.problem(h, vm) == null);
        assertEquals(fits, Capacity.room(h, vm) >= 1, "room " + Capacity.room(h, vm));
    }

    @Test
    void aType2HostsMessagesTakeTheReservationFromTheHypervisor() {
        Host h = host(Hypervisor.TYPE2, 4, 8, 100);
        assertEquals("h1 has 3 of the 4 vCPUs this VM needs (type 2 keeps 1 core for the host OS)",
                Capacity.problem(h, VmSpec.of(4, 1, 1)));
        assertEquals("type 2 keeps 4 GiB for the host OS: h1 has 4 GiB free, this VM needs 5", Capacity.problem(h, VmSpec.of(1, 5, 1)));
        assertEquals("h1 has 100 GiB of the 101 GiB of disk this VM needs", Capacity.problem(h, VmSpec.of(1, 1, 101)));
        Host t1 = host(Hypervisor.TYPE1, 4, 8, 100);
        assertEquals("h1 has 6 GiB of the 7 GiB of memory this VM needs (the hypervisor keeps 2 GiB)", Capacity.problem(t1, VmSpec.of(1, 7, 1)));
    }

    @Test
    void roomCountsTheScarcestResourceAndAStoppedVmAsksOnlyForDisk() {
        Host h = host(Hypervisor.TYPE1, 8, 34, 100);
        assertEquals(4, Capacity.room(h, VmSpec.of(2, 4, 10)), "8 vCPUs bind before 32 GiB and 100 GiB");
        assertEquals(10, Capacity.room(h, VmSpec.of(2, 4, 10).withRunning(false)), "a stopped VM takes only disk");
        assertTrue(Capacity.fits(h, VmSpec.of(8, 32, 100)));
        assertFalse(Capacity.fits(h, VmSpec.of(9, 1, 1)));
        assertNull(Capacity.resizeProblem(h, HostSpec.of(Hypervisor.TYPE2, 2, 5, 0)));
    }
}

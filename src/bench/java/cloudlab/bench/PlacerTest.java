package cloudlab.bench;

import cloudlab.sim.Capacity;
import cloudlab.sim.Event;
import cloudlab.sim.Host;
import cloudlab.sim.HostSpec;
import cloudlab.sim.Hypervisor;
import cloudlab.sim.Layout;
import cloudlab.sim.Placement;
import cloudlab.sim.VmSpec;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The fast placer makes exactly the choices of {@link Placement#choose}, one VM after another. */
class PlacerTest {
    /** A random layout: 1–3 zones of 1–2 data centers with 0–5 hosts each, some VMs, maybe a failure. */
    @Provide
    Arbitrary<Layout> layouts() {
        return Arbitraries.longs().map(seed -> {
            java.util.Random r = new java.util.Random(seed);
            Layout l = Layout.empty();
            l.apply(new Event.AppAdded("a", 1));
            l.apply(new Event.AppAdded("b", 1));
            l.apply(new Event.RegionAdded("us-east-1", null));
            int zones = 1 + r.nextInt(3);
            int host = 0;
            int vm = 0;
            for (int z = 0; z < zones; z++) {
                l.apply(new Event.ZoneAdded("us-east-1", "z" + z));
                int dcs = 1 + r.nextInt(2);
                for (int d = 0; d < dcs; d++) {
                    l.apply(new Event.DatacenterAdded("z" + z, "z" + z + "d" + d));
                    int hosts = r.nextInt(6);
                    for (int h = 0; h < hosts; h++) {
                        Hypervisor hv = r.nextBoolean() ? Hypervisor.TYPE1 : Hypervisor.TYPE2;
                        HostSpec spec = new HostSpec(hv, 2 + r.nextInt(15), BigDecimal.valueOf(8 + r.nextInt(56)),
                                BigDecimal.valueOf(100 + r.nextInt(900)), new BigDecimal(r.nextBoolean() ? "1.0" : "1.5"), BigDecimal.ONE);
                        String id = "h" + host++;
                        l.apply(new Event.HostAdded("z" + z + "d" + d, id, spec));
                        int vms = r.nextInt(3);
                        for (int v = 0; v < vms; v++) {
                            VmSpec s = new VmSpec(1, BigDecimal.ONE, BigDecimal.TEN, r.nextBoolean() ? "a" : null, r.nextInt(4) > 0);
                            if (Capacity.fits(l.node(id, Host.class), s)) l.apply(new Event.VmAdded(id, "v" + vm++, s));
                        }
                    }
                }
            }
            if (host > 0 && r.nextInt(3) == 0) l.apply(new Event.Failed(r.nextBoolean() ? "z0" : "h0"));
            return l;
        });
    }

    @Provide
    Arbitrary<List<VmSpec>> vms() {
        Arbitrary<VmSpec> vm = Combinators.combine(Arbitraries.integers().between(1, 6), Arbitraries.integers().between(1, 24),
                        Arbitraries.integers().between(0, 300), Arbitraries.of("a", "b", "none"), Arbitraries.integers().between(0, 4))
                .as((c, m, d, app, running) -> new VmSpec(c, BigDecimal.valueOf(m).movePointLeft(m % 3 == 0 ? 1 : 0),
                        BigDecimal.valueOf(d), app.equals("none") ? null : app, running > 0));
        return vm.list().ofMinSize(1).ofMaxSize(40);
    }

    @Property(tries = 300)
    void placesLikeChooseOneAfterAnother(@ForAll("layouts") Layout layout, @ForAll("vms") List<VmSpec> vms,
                                         @ForAll Placement.Policy policy) {
        Placer placer = new Placer(layout);
        Layout slow = layout.copy();
        int n = 0;
        for (VmSpec vm : vms) {
            Host fast = placer.place(vm, policy);
            Placement.Choice choice = Placement.choose(slow, vm, policy);
            String expected = choice.host() == null ? null : choice.host().id();
            assertEquals(expected, fast == null ? null : fast.id(), "VM " + n + " " + vm + " by " + policy);
            if (choice.host() != null) slow.apply(new Event.VmAdded(choice.host().id(), "new-" + n, vm));
            n++;
        }
    }

    @Test
    void placesNothingWhenThereAreNoUpHosts() {
        Layout l = Layout.empty();
        assertNull(new Placer(l).place(VmSpec.of(1, 1, 1), Placement.Policy.FIRST_FIT));
    }

    @Test
    void aLargeLayoutTakesAHundredThousandVms() {
        Layout l = Layout.empty();
        l.apply(new Event.RegionAdded("us-east-1", null));
        List<VmSpec> vms = new ArrayList<>();
        for (int z = 0; z < 4; z++) {
            l.apply(new Event.ZoneAdded("us-east-1", "z" + z));
            l.apply(new Event.DatacenterAdded("z" + z, "d" + z));
            for (int h = 0; h < 2500; h++) l.apply(new Event.HostAdded("d" + z, "h" + z + "-" + h, HostSpec.of(Hypervisor.TYPE1, 32, 130, 2000)));
        }
        for (int i = 0; i < 100_000; i++) vms.add(VmSpec.of(2, 4, 20));
        for (Placement.Policy p : Placement.Policy.values()) {
            List<Host> placed = new Placer(l).placeAll(vms, p);
            assertEquals(100_000, placed.stream().filter(java.util.Objects::nonNull).count(), p.word());
        }
    }
}

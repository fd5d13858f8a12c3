package cloudlab.sim.time;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the fair policy promises on any host, whatever its VMs want. */
class FairPolicyProperties {
    private static final double EPS = 1e-7;

    /** One VM: vCPUs, demand (percent of them), shares, reservation and limit (shares of its vCPUs). */
    record Want(int vcpus, double percent, int shares, double reservationShare, double limitShare) {
        double demand() {
            return vcpus * percent / 100;
        }

        double limit() {
            return Math.max(0.001, vcpus * limitShare);
        }

        double reservation() {
            return Math.min(limit(), vcpus * reservationShare);
        }
    }

    record Host(double capacity, List<Want> vms) {
        double[] weight() {
            return vms.stream().mapToDouble(Want::shares).toArray();
        }

        double[] cap() {
            return vms.stream().mapToDouble(w -> Math.min(w.demand(), w.limit())).toArray();
        }

        double[] floor() {
            double[] cap = cap();
            double[] f = new double[cap.length];
            for (int i = 0; i < f.length; i++) f[i] = Math.min(vms.get(i).reservation(), cap[i]);
            return f;
        }

        double[] allocate() {
            double[] out = new double[vms.size()];
            CpuPolicy.FAIR.allocate(capacity, 0, vms.size(), weight(), floor(), cap(), out);
            return out;
        }
    }

    @Provide
    Arbitrary<Host> hosts() {
        Arbitrary<Want> want = Combinators.combine(
                Arbitraries.integers().between(1, 16),
                Arbitraries.doubles().between(0, 100).ofScale(1),
                Arbitraries.integers().between(1, 20_000),
                Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(3, Arbitraries.just(0.0)),
                        net.jqwik.api.Tuple.of(1, Arbitraries.doubles().between(0, 1).ofScale(2))),
                Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(3, Arbitraries.just(1.0)),
                        net.jqwik.api.Tuple.of(1, Arbitraries.doubles().between(0.05, 1).ofScale(2)))
        ).as(Want::new);
        return Combinators.combine(Arbitraries.integers().between(1, 64), want.list().ofMinSize(1).ofMaxSize(40))
                .as((cores, vms) -> new Host(cores, vms));
    }

    @Property(tries = 300)
    void noVmGetsMoreThanItsDemandOrLimit(@ForAll("hosts") Host host) {
        double[] got = host.allocate();
        for (int i = 0; i < got.length; i++) {
            Want w = host.vms().get(i);
            assertTrue(got[i] >= -EPS, "negative share");
            assertTrue(got[i] <= w.demand() + EPS, "VM " + i + " got " + got[i] + " for a demand of " + w.demand());
            assertTrue(got[i] <= w.limit() + EPS, "VM " + i + " got " + got[i] + " over its limit " + w.limit());
        }
    }

    @Property(tries = 300)
    void reservationsAreMetWhenTheyFit(@ForAll("hosts") Host host) {
        double[] floor = host.floor();
        double sum = 0;
        for (double f : floor) sum += f;
        if (sum > host.capacity()) return;
        double[] got = host.allocate();
        for (int i = 0; i < got.length; i++) assertTrue(got[i] >= floor[i] - EPS, "VM " + i + " got " + got[i] + " below its reservation " + floor[i]);
    }

    @Property(tries = 300)
    void theWholeHostIsUsedWhileDemandRemains(@ForAll("hosts") Host host) {
        double wanted = 0;
        for (double c : host.cap()) wanted += c;
        double used = 0;
        for (double g : host.allocate()) used += g;
        assertEquals(Math.min(wanted, host.capacity()), used, 1e-6 * Math.max(1, wanted));
    }

    @Property(tries = 300)
    void equalWeightsAndDemandsGetEqualShares(@ForAll("hosts") Host host, @ForAll("hosts") Host twin) {
        // the first VM of `host`, repeated: every copy must get the same
        Want w = host.vms().get(0);
        Host same = new Host(twin.capacity(), java.util.Collections.nCopies(twin.vms().size() + 1, w));
        double[] got = same.allocate();
        for (double g : got) assertEquals(got[0], g, EPS);
        // and two equal VMs among others get the same too
        List<Want> mixed = new java.util.ArrayList<>(twin.vms());
        mixed.add(w);
        mixed.add(0, w);
        double[] out = new Host(twin.capacity(), mixed).allocate();
        assertEquals(out[0], out[out.length - 1], EPS);
    }

    @Property(tries = 300)
    void withoutReservationsTheRoundsAgreeWithTheLevelSearch(@ForAll("hosts") Host host) {
        int n = host.vms().size();
        double[] none = new double[n];
        double[] cap = host.cap();
        double wanted = 0;
        for (double c : cap) wanted += c;
        if (wanted <= host.capacity()) return;   // both give every VM its cap
        double[] rounds = new double[n];
        double[] search = new double[n];
        CpuPolicy.fill(host.capacity(), 0, n, host.weight(), cap, rounds);
        CpuPolicy.level(host.capacity(), 0, n, host.weight(), none, cap, search);
        for (int i = 0; i < n; i++) assertEquals(search[i], rounds[i], 1e-7 * Math.max(1, search[i]), "VM " + i);
    }
}

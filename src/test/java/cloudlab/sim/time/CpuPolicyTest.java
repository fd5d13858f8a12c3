package cloudlab.sim.time;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/** The two ways a host divides its cores, on hosts small enough to work out by hand. */
class CpuPolicyTest {
    private static final double EPS = 1e-9;

    private static double[] fair(double capacity, double[] weight, double[] floor, double[] cap) {
        double[] out = new double[cap.length];
        CpuPolicy.FAIR.allocate(capacity, 0, cap.length, weight, floor, cap, out);
        return out;
    }

    @Test
    void whatFitsIsGivenInFull() {
        assertArrayEquals(new double[] {1, 2.5}, fair(8, new double[] {1, 1}, new double[] {0, 0}, new double[] {1, 2.5}), EPS);
    }

    @Test
    void aSmallDemandIsMetAndTheRestIsSplitByShares() {
        // 8 cores; web-1 wants 2.4, web-2 3.6, crunch 8 with a quarter of their shares: the water rises until
        // web-1 and web-2 are full, crunch takes the 2 cores left
        double[] got = fair(8, new double[] {4000, 4000, 2000}, new double[] {0, 0, 0}, new double[] {2.4, 3.6, 8});
        assertArrayEquals(new double[] {2.4, 3.6, 2}, got, EPS);
        // with equal shares, two hungry VMs split what the light one leaves
        got = fair(8, new double[] {1, 1, 1}, new double[] {0, 0, 0}, new double[] {1, 8, 8});
        assertArrayEquals(new double[] {1, 3.5, 3.5}, got, EPS);
        // shares 3:1 split 8 cores 6:2 between two hungry VMs
        got = fair(8, new double[] {3000, 1000}, new double[] {0, 0}, new double[] {8, 8});
        assertArrayEquals(new double[] {6, 2}, got, EPS);
    }

    @Test
    void aReservationIsKeptAgainstHeavierShares() {
        // b has a tenth of a's shares but reserves 3 cores
        double[] got = fair(4, new double[] {10, 1}, new double[] {0, 3}, new double[] {4, 4});
        assertArrayEquals(new double[] {1, 3}, got, EPS);
    }

    @Test
    void reservationsThatNoLongerFitShrinkAlike() {
        double[] got = fair(3, new double[] {1, 1}, new double[] {2, 2}, new double[] {4, 4});
        assertArrayEquals(new double[] {1.5, 1.5}, got, EPS);
    }

    @Test
    void proportionalScalesEveryRequestByTheSameFactorAndIgnoresShares() {
        double[] out = new double[3];
        CpuPolicy.PROPORTIONAL.allocate(8, 0, 3, new double[] {4000, 4000, 2000}, new double[] {0, 0, 0}, new double[] {2.4, 3.6, 8}, out);
        double f = 8 / 14.0;
        assertArrayEquals(new double[] {2.4 * f, 3.6 * f, 8 * f}, out, EPS);
    }

    @Test
    void onlyTheSliceOfItsHostIsTouched() {
        double[] out = {-1, -1, -1, -1};
        CpuPolicy.FAIR.allocate(2, 1, 2, new double[] {1, 1, 1, 1}, new double[4], new double[] {9, 2, 2, 9}, out);
        assertArrayEquals(new double[] {-1, 1, 1, -1}, out, EPS);
    }
}

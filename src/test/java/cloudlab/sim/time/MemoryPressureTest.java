package cloudlab.sim.time;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Ballooning takes idle memory first; only active memory that still does not fit is swapped. */
class MemoryPressureTest {
    @Test
    void whatFitsIsLeftAlone() {
        MemoryPressure m = MemoryPressure.of(32, new double[] {16, 16}, new double[] {16, 16});
        assertEquals(0, m.totalBallooned());
        assertEquals(0, m.totalSwapped());
    }

    @Test
    void idleMemoryIsBalloonedInProportionToWhatEachLeavesIdle() {
        // 40 GiB given out on 32: 8 to take back from 4 + 8 idle = 12 idle
        MemoryPressure m = MemoryPressure.of(32, new double[] {16, 16, 8}, new double[] {12, 8, 8});
        assertArrayEquals(new double[] {8.0 / 3, 16.0 / 3, 0}, m.balloonedGiB(), 1e-9);
        assertEquals(0, m.totalSwapped());
    }

    @Test
    void activeMemoryBeyondTheHostIsSwappedAfterEveryIdleByteIsBallooned() {
        // active 36 on 32: all 4 idle GiB ballooned, 4 active GiB swapped in proportion (24:12)
        MemoryPressure m = MemoryPressure.of(32, new double[] {28, 12}, new double[] {24, 12});
        assertArrayEquals(new double[] {4, 0}, m.balloonedGiB(), 1e-9);
        assertArrayEquals(new double[] {8.0 / 3, 4.0 / 3}, m.swappedGiB(), 1e-9);
    }
}

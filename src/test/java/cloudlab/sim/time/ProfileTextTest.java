package cloudlab.sim.time;

import cloudlab.sim.InputException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A profile typed in the sandbox's load form, and written back into it. */
class ProfileTextTest {
    @Test
    void everyKindReadsBackAsItWasWritten() throws InputException {
        for (String line : new String[] {"75", "25 from 0, 75 from 20", "30/90/45.5 every 10", "wave 10-90 every 60 seed 3",
                "bursts 0-100 every 40 seed 7", "random 5-50 every 10 seed 0"}) {
            assertEquals(line, ProfileText.format(ProfileText.parse(line, "cpuDemand")));
        }
        assertEquals(new Profile.Constant(40), ProfileText.parse(" 40 % ", "cpuDemand"));
        assertEquals(30, ProfileText.parse("30/90 every 10", "cpuDemand").at(9));
        assertEquals(90, ProfileText.parse("30/90 every 10", "cpuDemand").at(10));
    }

    @Test
    void aLineThatBreaksARuleSaysWhich() {
        assertEquals("cpuDemand: must be a number from 0 to 100 with at most 3 digits after the point (got 120)",
                assertThrows(InputException.class, () -> ProfileText.parse("120", "cpuDemand")).getMessage());
        assertEquals("cpuDemand: the first step starts at second 0 (write \"… from 0\")",
                assertThrows(InputException.class, () -> ProfileText.parse("25 from 5, 75 from 20", "cpuDemand")).getMessage());
        assertEquals("cpuDemand: steps go forward in time: 10 is not after 20",
                assertThrows(InputException.class, () -> ProfileText.parse("25 from 0, 75 from 20, 50 from 10", "cpuDemand")).getMessage());
        assertEquals("cpuDemand: the low percent must be at most the high one (90 is above 10)",
                assertThrows(InputException.class, () -> ProfileText.parse("wave 90-10 every 60", "cpuDemand")).getMessage());
    }
}

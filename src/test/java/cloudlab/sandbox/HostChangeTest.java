package cloudlab.sandbox;

import cloudlab.sim.Command;
import cloudlab.sim.HostSpec;
import cloudlab.sim.Hypervisor;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** "Change a host" changes what the learner changed and nothing else. */
class HostChangeTest {
    @Test
    void aFieldLeftAsItWasKeepsTheHostsValue() throws Exception {
        var state = WorkspaceTest.sandbox().history().state();
        Command.ChangeHost c = (Command.ChangeHost) new HostChange("h2", Hypervisor.TYPE2, null, null, null, new BigDecimal("2"), null)
                .command(state);
        assertEquals(new HostSpec(Hypervisor.TYPE2, 4, new BigDecimal("12"), new BigDecimal("250"), new BigDecimal("2"), BigDecimal.ONE),
                c.spec(), "only the hypervisor and the CPU overcommit change; h2 keeps its 4 cores, 12 GiB and 250 GiB");
    }

    @Test
    void anUnknownHostIsLeftForTheCoreToRefuse() throws Exception {
        var state = WorkspaceTest.sandbox().history().state();
        Command.ChangeHost c = (Command.ChangeHost) new HostChange("nope", null, 4, null, null, null, null).command(state);
        assertEquals("nope", c.id());
        assertNull(c.spec());
    }
}

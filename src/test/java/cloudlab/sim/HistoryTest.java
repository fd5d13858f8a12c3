package cloudlab.sim;

import cloudlab.sim.document.LayoutWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A sandbox's history: accepted commands, undo, redo and replay. */
class HistoryTest {
    static final List<Command> STEPS = List.of(
            new Command.AddApp("shop", null),
            new Command.AddRegion("us-east-1", null),
            new Command.AddZone("us-east-1", "z1"),
            new Command.AddDatacenter("z1", "dc1"),
            new Command.AddHost("dc1", "h1", HostSpec.of(Hypervisor.TYPE1, 4, 8, 100)),
            new Command.AddVm("web-1", VmSpec.of(2, 2, 10).withApp("shop"), "h1", null));

    static History built() {
        History h = new History(RegionCatalog.builtIn());
        for (Command c : STEPS) assertTrue(h.submit(c).accepted(), c.toString());
        return h;
    }

    static ObjectNode tree(History h) {
        return LayoutWriter.toTree(h.state());
    }

    @Test
    void acceptedCommandsAreRecordedWithTheirEvents() {
        History h = built();
        assertEquals(STEPS.size(), h.position());
        assertEquals(STEPS, h.entries().stream().map(History.Entry::command).toList());
        assertEquals(List.of(new Event.ZoneAdded("us-east-1", "z1")), h.entries().get(2).events());
    }

    @Test
    void undoRestoresTheStateBeforeAndRedoReappliesIt() {
        History h = built();
        ObjectNode full = tree(h);
        assertTrue(h.undo());
        assertEquals(0, h.state().node("h1", Host.class).usedVcpus());
        assertTrue(h.state().node("web-1") == null);
        assertTrue(h.redo());
        assertEquals(full, tree(h));
        assertEquals(2, h.state().node("h1", Host.class).usedVcpus());
    }

    @Test
    void undoAtTheStartAndRedoAtTheEndDoNothing() {
        History h = new History(RegionCatalog.builtIn());
        assertFalse(h.undo());
        assertFalse(h.redo());
        assertFalse(built().redo());
    }

    @Test
    void aNewCommandAfterUndoDropsWhatCouldHaveBeenRedone() {
        History h = built();
        h.undo();
        h.undo();
        assertTrue(h.submit(new Command.AddZone("us-east-1", "z2")).accepted());
        assertEquals(STEPS.size() - 1, h.entries().size());
        assertFalse(h.canRedo());
        assertEquals(List.of("z1", "z2"), h.state().zones().stream().map(Zone::id).toList());
    }

    @Test
    void moveToAnyStepGivesTheStateAfterThatManyCommands() {
        History h = built();
        h.moveTo(3);
        assertEquals(List.of("z1"), h.state().zones().stream().map(Zone::id).toList());
        assertTrue(h.state().hosts().isEmpty());
        h.moveTo(STEPS.size());
        assertEquals(1, h.state().vms().size());
        assertThrows(IllegalArgumentException.class, () -> h.moveTo(STEPS.size() + 1));
    }

    @Test
    void aHistoryOfEntriesReplaysThemAll() {
        History h = built();
        History again = History.of(RegionCatalog.builtIn(), h.entries());
        assertEquals(tree(h), tree(again));
        assertEquals(STEPS.size(), again.position());
    }
}

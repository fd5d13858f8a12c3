package cloudlab.sandbox;

import cloudlab.sim.Event;
import cloudlab.sim.Location;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which parts of the sandbox page an action can change, so that an answer renders only those. */
class SandboxPartsTest {
    @Test
    void aRefusalTouchesItsMessageAndTheFormItCameFromAlone() {
        assertEquals(Set.of("messages", "f-add-vm"), SandboxParts.refused("add-vm"));
        assertEquals(Set.of("messages", "tree"), SandboxParts.refused("tree"));
        assertEquals(Set.of("messages"), SandboxParts.refused("no-such-form"), "a form the page has no part for adds nothing");
    }

    @Test
    void aStartedVmTouchesTheDrawingsTheTableAndTheFormsThatListVmsButNotThePlacesOrUsers() {
        Set<String> parts = SandboxParts.accepted(List.of(new Event.VmStarted("vm-1")), "tree");
        assertTrue(parts.containsAll(Set.of("hosts-diagram", "tree", "map", "infra", "f-migrate-vm", "head", "history", "task", "messages")), parts.toString());
        assertFalse(parts.contains("f-user") || parts.contains("f-add-region") || parts.contains("io"), parts.toString());
    }

    @Test
    void aPlacedUserTouchesTheMapAndItsRoundTripsButNoHost() {
        Set<String> parts = SandboxParts.accepted(List.of(new Event.UserPlaced("oslo", new Location(new java.math.BigDecimal("59.9"), new java.math.BigDecimal("10.7")))), "user");
        assertTrue(parts.containsAll(Set.of("map", "infra", "f-user")), parts.toString());
        assertFalse(parts.contains("hosts-diagram") || parts.contains("tree"), parts.toString());
    }

    @Test
    void aRemovedZoneTakesItsHostsAndVmsWithItAndARenameTouchesEverything() {
        Set<String> parts = SandboxParts.accepted(List.of(new Event.ZoneRemoved("az1")), "tree");
        assertTrue(parts.containsAll(Set.of("hosts-diagram", "f-add-vm", "f-change-host", "f-add-zone", "f-add-host", "break")), parts.toString());
        assertEquals(SandboxParts.all(), SandboxParts.accepted(List.of(new Event.NodeRenamed("h1", "web")), null));
    }

    @Test
    void anUndoTouchesWhatTheStepItTookBackTouchedAndARedoTheSame() {
        cloudlab.sim.History h = cloudlab.sim.History.of(cloudlab.sim.RegionCatalog.builtIn(), List.of());
        assertTrue(h.submit(new cloudlab.sim.Command.PlaceUser("oslo", new Location(new java.math.BigDecimal("59.9"), new java.math.BigDecimal("10.7")))).accepted());
        cloudlab.sim.History before = cloudlab.sim.History.from(h.start(), h.entries(), h.position());
        assertTrue(h.undo());
        Set<String> undone = SandboxParts.moved(before, h, "head");
        assertTrue(undone.containsAll(Set.of("map", "infra", "f-user", "head", "history", "messages")), undone.toString());
        assertFalse(undone.contains("hosts-diagram") || undone.contains("tree") || undone.contains("io"), "the user's step drew no host: " + undone);
        cloudlab.sim.History undoneHistory = cloudlab.sim.History.from(h.start(), h.entries(), h.position());
        assertTrue(h.redo());
        assertEquals(undone, SandboxParts.moved(undoneHistory, h, "head"));
        assertEquals(Set.of("head", "messages", "history", "task", "challenge"), SandboxParts.moved(h, h, "head"), "nothing moved: what every step shows");
        assertEquals(SandboxParts.all(), SandboxParts.moved(before, cloudlab.sim.History.of(cloudlab.sim.RegionCatalog.builtIn(), List.of()), "head"),
                "another list of steps: every part");
    }

    @Test
    void aFormKeyNamesItsPart() {
        assertEquals("f-add-vm", SandboxParts.partOf("add-vm"));
        assertEquals("challenge", SandboxParts.partOf("check"));
        assertEquals("break", SandboxParts.partOf("break"));
        assertNull(SandboxParts.partOf("head-of-page"));
        assertNull(SandboxParts.partOf(null));
    }
}

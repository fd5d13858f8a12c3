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
        Set<String> tree = SandboxParts.refused("tree");
        assertTrue(tree.containsAll(Set.of("messages", "tree")) && tree.size() == 3, tree.toString());
        Workspace.RowGroup group = new Workspace.RowGroup("h1", List.of(new Workspace.Row(3, "host", "h1", "h1", "", "up", false, false, true, null)));
        assertFalse(SandboxParts.drawsRows(tree, group), "a refusal in the table changes its message, no row");
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

    /** Applies the events to a copy of the layout: the state after them. */
    static cloudlab.sim.Layout after(cloudlab.sim.Layout before, Event... events) {
        cloudlab.sim.Layout out = before.copy();
        for (Event e : events) out.apply(e);
        return out;
    }

    @Test
    void anActionDrawsOnlyTheCardsOfTheHostsItsEventsName() {
        cloudlab.sim.Layout two = cloudlab.sim.Layouts.yaml(cloudlab.sim.Layouts.SHOP_OVER_TWO_ZONES);
        Event stop = new Event.VmStopped("web-2");
        assertEquals(Set.of("h2"), SandboxParts.cardsNamed(List.of(stop), two, after(two, stop)), "a VM's host");
        Event fail = new Event.Failed("az1");
        assertEquals(Set.of("h1"), SandboxParts.cardsNamed(List.of(fail), two, after(two, fail)), "the hosts under a failed zone");
        assertEquals(Set.of("h1", "h2"), SandboxParts.cardsNamed(List.of(new Event.Failed("eu-west-1")), two, after(two, new Event.Failed("eu-west-1"))));
        Event move = new Event.VmMigrated("web-1", "h2");
        assertEquals(Set.of("h1", "h2"), SandboxParts.cardsNamed(List.of(move), two, after(two, move)), "where the VM was and where it went");
        Event gone = new Event.VmRemoved("web-1");
        assertEquals(Set.of("h1"), SandboxParts.cardsNamed(List.of(gone), two, after(two, gone)), "a removed VM's host, found before it went");
        Event user = new Event.UserPlaced("oslo", new Location(new java.math.BigDecimal("59.9"), new java.math.BigDecimal("10.7")));
        assertEquals(Set.of(), SandboxParts.cardsNamed(List.of(user), two, after(two, user)), "no card shows users");
        assertNull(SandboxParts.cardsNamed(List.of(new Event.HostRemoved("h2")), two, two), "a host gone changes the list of cards: every card");
        assertNull(SandboxParts.cardsNamed(List.of(new Event.NodeRenamed("h1", "web")), two, two));
    }

    @Test
    void theCardsAnAnswerDrawsAreThoseNamedUnlessThePageNeedsTheWholeDrawing() {
        cloudlab.sim.Layout two = cloudlab.sim.Layouts.yaml(cloudlab.sim.Layouts.SHOP_OVER_TWO_ZONES);
        Event stop = new Event.VmStopped("web-2");
        Set<String> touched = SandboxParts.accepted(List.of(stop), "tree", two, after(two, stop));
        Set<String> render = SandboxParts.toRender(touched, Set.of());
        assertTrue(SandboxParts.drawsCard(render, "h2") && !SandboxParts.drawsCard(render, "h1"), render.toString());
        assertTrue(SandboxParts.drawsCard(SandboxParts.toRender(touched, Set.of("hosts-diagram")), "h1"), "the drawing asked for again: every card");
        assertTrue(SandboxParts.drawsCard(SandboxParts.toRender(touched, Set.of(), name -> false), "h1"), "a page without the drawing: every card");
        assertTrue(SandboxParts.drawsCard(SandboxParts.toRender(touched, null), "h1"), "a page without the script: every card");
        assertTrue(SandboxParts.drawsCard(SandboxParts.toRender(touched, Set.of("card-h1")), "h1"), "a card asked for again is drawn");
        assertTrue(SandboxParts.drawsCard(SandboxParts.accepted(List.of(stop), "tree"), "h1"), "without the layouts, every card");
    }

    @Test
    void theRowsAnAnswerDrawsAreTheGroupsWithARowNamedUnlessTheTableChangesItsGroups() {
        cloudlab.sim.Layout two = cloudlab.sim.Layouts.yaml(cloudlab.sim.Layouts.SHOP_OVER_TWO_ZONES);
        Event stop = new Event.VmStopped("web-2");
        assertEquals(Set.of("web-2", "h2"), SandboxParts.rowsNamed(List.of(stop), two, after(two, stop)), "a VM and its host");
        Event fail = new Event.Failed("eu-west-1");
        Set<String> failed = SandboxParts.rowsNamed(List.of(fail), two, after(two, fail));
        assertTrue(failed.containsAll(Set.of("eu-west-1", "h1", "h2", "web-2")), "everything under a failed region: " + failed);
        Event move = new Event.VmMigrated("web-2", "h1");
        assertTrue(SandboxParts.rowsNamed(List.of(move), two, after(two, move)).containsAll(Set.of("h1", "h2")), "where the VM was and where it went");
        assertNull(SandboxParts.rowsNamed(List.of(new Event.ZoneAdded("eu-west-1", "z9")), two, two), "a place added changes the table's groups");
        assertNull(SandboxParts.rowsNamed(List.of(new Event.HostRemoved("h2")), two, two));
        assertEquals(Set.of(), SandboxParts.rowsNamed(List.of(new Event.UserRemoved("ana")), two, two), "no row shows users");

        Set<String> render = SandboxParts.toRender(SandboxParts.accepted(List.of(stop), "add-vm", two, after(two, stop)), Set.of());
        Workspace.RowGroup h1 = new Workspace.RowGroup("h1", List.of(new Workspace.Row(3, "host", "h1", "h1", "", "up", false, false, true, null)));
        Workspace.RowGroup h2 = new Workspace.RowGroup("h2", List.of(new Workspace.Row(3, "host", "h2", "h2", "", "up", false, false, true, null)));
        assertTrue(SandboxParts.drawsRows(render, h2) && !SandboxParts.drawsRows(render, h1), render.toString());
        assertTrue(SandboxParts.drawsRows(SandboxParts.toRender(SandboxParts.accepted(List.of(stop), "add-vm", two, after(two, stop)), Set.of(), n -> false), h1),
                "a page without the table: every group");
        assertTrue(SandboxParts.drawsRows(SandboxParts.toRender(SandboxParts.accepted(List.of(stop), "add-vm"), null), h1), "a page without the script: every group");
        Set<String> userAdded = SandboxParts.toRender(SandboxParts.accepted(List.of(new Event.UserRemoved("ana")), "user"), Set.of("said-tree"));
        assertTrue(userAdded.contains("tree") && !SandboxParts.drawsRows(userAdded, h1), "the table rendered for its message alone draws no row");
    }
}

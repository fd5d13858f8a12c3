package cloudlab.sim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A sandbox's life as accepted commands, each with the events it yielded and who gave it: the
 * learner or their instructor. The state is the fold of the events of every entry that is not
 * undone. Only learner entries can be undone, and the undone ones are always the learner's latest
 * (a suffix of the learner's entries): undo marks the latest applied learner entry undone, redo
 * clears the mark of the earliest undone one, and a new learner command drops the undone ones.
 * Instructor entries are never undone and never drop anything, so the learner's redo survives
 * them; a move that would leave an instructor entry no longer accepted by the core is refused.
 */
public final class History {
    /** Who gave a command. */
    public enum Actor {
        LEARNER, INSTRUCTOR
    }

    /** One accepted command, what it yielded, who gave it, and whether the learner has undone it. */
    public record Entry(Command command, List<Event> events, Actor actor, boolean undone) {
        public Entry {
            events = List.copyOf(events);
            if (actor == null) actor = Actor.LEARNER;
            if (undone && actor == Actor.INSTRUCTOR) throw new IllegalArgumentException("an instructor's step cannot be undone");
        }

        /** A learner's applied step. */
        public Entry(Command command, List<Event> events) {
            this(command, events, Actor.LEARNER, false);
        }

        public boolean instructor() {
            return actor == Actor.INSTRUCTOR;
        }

        public boolean applied() {
            return !undone;
        }

        Entry marked(boolean undone) {
            return undone == this.undone ? this : new Entry(command, events, actor, undone);
        }
    }

    private final RegionCatalog catalog;
    private final List<Event> base;
    private final List<Entry> entries = new ArrayList<>();
    private Layout state;

    /** An empty history over an empty layout. */
    public History(RegionCatalog catalog) {
        this(catalog, List.of());
    }

    private History(RegionCatalog catalog, List<Event> base) {
        this.catalog = catalog;
        this.base = List.copyOf(base);
        this.state = Layout.replay(catalog, this.base);
    }

    /** A history that replays the given entries, all of them applied. */
    public static History of(RegionCatalog catalog, List<Entry> entries) {
        return from(Layout.replay(catalog, List.of()), entries, entries.size());
    }

    /**
     * A history that starts from a layout (step 0) and holds the given entries, the learner's
     * entries from index {@code position} on undone (see {@link #position()}); the entries' own
     * marks are replaced by that.
     */
    public static History from(Layout start, List<Entry> entries, int position) {
        if (position < 0 || position > entries.size()) throw new IllegalArgumentException("no step " + position + " in a history of " + entries.size());
        History h = new History(start.catalog(), LayoutCommands.eventsFor(start));
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            h.entries.add(e.instructor() ? e : e.marked(i >= position));
        }
        for (Entry e : h.entries) if (e.applied()) e.events().forEach(h.state::apply); // over the start the constructor replayed
        return h;
    }

    /** Decides the learner's command against the current state; an accepted one is applied and recorded. */
    public Decision submit(Command command) {
        return submit(Actor.LEARNER, command);
    }

    /**
     * Decides a command given by that actor. A learner's accepted command drops the steps the
     * learner had undone; an instructor's keeps them for the learner's redo. An instructor may
     * restore only what an instructor failed in this history ({@link #instructorFailed()}), so a
     * node the learner failed stays failed.
     */
    public Decision submit(Actor actor, Command command) {
        if (actor == Actor.INSTRUCTOR && command instanceof Command.Restore r && state.failed().contains(r.id())
                && !instructorFailed().contains(r.id())) {
            return Decision.refuse(r.id() + " was failed by the learner, not by the instructor, so it stays failed");
        }
        Decision d = Decider.decide(state, command);
        if (d.accepted()) {
            if (actor == Actor.LEARNER) entries.removeIf(Entry::undone);
            entries.add(new Entry(command, d.events(), actor, false));
            d.events().forEach(state::apply);
        }
        return d;
    }

    /** Takes back the learner's latest applied step; false when there is none or an instructor's step depends on it. */
    public boolean undo() {
        int k = lastApplied();
        return k >= 0 && moveTo(k);
    }

    /** Applies again the learner's step that the last undo took back; false when there is none or it clashes with an instructor's step. */
    public boolean redo() {
        int k = firstUndone();
        return k >= 0 && moveTo(k + 1);
    }

    /**
     * Moves the learner to step {@code n}: their entries before index {@code n} applied, the rest
     * undone; instructor entries stay applied wherever they are. Returns false, changing nothing,
     * when an instructor entry would no longer be accepted by the core over the new state (say,
     * it failed a zone that the learner's undone step had added).
     */
    public boolean moveTo(int n) {
        if (n < 0 || n > entries.size()) throw new IllegalArgumentException("no step " + n + " in a history of " + entries.size());
        List<Entry> marked = new ArrayList<>(entries.size());
        int first = -1;
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            Entry m = e.instructor() ? e : e.marked(i >= n);
            if (m != e && first < 0) first = i;
            marked.add(m);
        }
        if (first < 0) return true;
        Layout next = Layout.replay(catalog, base);
        for (int i = 0; i < marked.size(); i++) {
            Entry e = marked.get(i);
            if (e.undone()) continue;
            if (i > first && e.instructor()) {
                Decision d = Decider.decide(next, e.command());
                if (!d.accepted() || !d.events().equals(e.events())) return false;
            }
            e.events().forEach(next::apply);
        }
        entries.clear();
        entries.addAll(marked);
        state = next;
        return true;
    }

    /** The layout the history starts from (step 0), rebuilt afresh. */
    public Layout start() {
        return Layout.replay(catalog, base);
    }

    /** The state now. It belongs to this history: copy it before changing it elsewhere. */
    public Layout state() {
        return state;
    }

    /**
     * The learner's step: the number of entries up to and including the learner's latest applied
     * one (0 when none is applied). {@code moveTo(position())} changes nothing.
     */
    public int position() {
        return lastApplied() + 1;
    }

    /** The number of entries applied now, the learner's and the instructor's. */
    public int applied() {
        int n = 0;
        for (Entry e : entries) if (e.applied()) n++;
        return n;
    }

    public List<Entry> entries() {
        return Collections.unmodifiableList(entries);
    }

    public boolean canUndo() {
        return lastApplied() >= 0;
    }

    public boolean canRedo() {
        return firstUndone() >= 0;
    }

    /**
     * The nodes that are failed now because an instructor failed them (and nobody restored them
     * since, under whatever name they have now): what the instructor's Restore may bring back. A node the learner failed is not here.
     */
    public Set<String> instructorFailed() {
        Set<String> out = new LinkedHashSet<>();
        for (Entry e : entries) {
            if (e.undone()) continue;
            for (Event ev : e.events()) {
                if (ev instanceof Event.Failed f && e.instructor()) out.add(f.id());
                else if (ev instanceof Event.Restored r) out.remove(r.id());
                else if (ev instanceof Event.NodeRenamed r && out.remove(r.id())) out.add(r.newId());
            }
        }
        out.retainAll(state.failed());
        return out;
    }

    private int lastApplied() {
        for (int i = entries.size() - 1; i >= 0; i--) {
            Entry e = entries.get(i);
            if (!e.instructor() && e.applied()) return i;
        }
        return -1;
    }

    private int firstUndone() {
        for (int i = 0; i < entries.size(); i++) if (entries.get(i).undone()) return i;
        return -1;
    }
}

package cloudlab.sim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A sandbox's life as accepted commands, each with the events it yielded. The state is the fold
 * of the events of the first {@link #position()} entries; undo and redo move that position, and a
 * new command after an undo drops the entries that could have been redone.
 */
public final class History {
    /** One accepted command and what it yielded. */
    public record Entry(Command command, List<Event> events) {
        public Entry {
            events = List.copyOf(events);
        }
    }

    private final RegionCatalog catalog;
    private final List<Event> base;
    private final List<Entry> entries = new ArrayList<>();
    private int position;
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
     * A history that starts from a layout (step 0) and holds the given entries, the first
     * {@code position} of them applied.
     */
    public static History from(Layout start, List<Entry> entries, int position) {
        History h = new History(start.catalog(), LayoutCommands.eventsFor(start));
        h.entries.addAll(entries);
        h.moveTo(position);
        return h;
    }

    /** Decides the command against the current state; an accepted one is applied and recorded. */
    public Decision submit(Command command) {
        Decision d = Decider.decide(state, command);
        if (d.accepted()) {
            entries.subList(position, entries.size()).clear();
            entries.add(new Entry(command, d.events()));
            d.events().forEach(state::apply);
            position++;
        }
        return d;
    }

    /** Takes back the last applied command (all of its events); false when there is none. */
    public boolean undo() {
        if (position == 0) return false;
        moveTo(position - 1);
        return true;
    }

    /** Applies again the command that the last undo took back; false when there is none. */
    public boolean redo() {
        if (position == entries.size()) return false;
        entries.get(position).events().forEach(state::apply);
        position++;
        return true;
    }

    /** Moves to the state after the first {@code n} commands (0 is the start layout). */
    public void moveTo(int n) {
        if (n < 0 || n > entries.size()) throw new IllegalArgumentException("no step " + n + " in a history of " + entries.size());
        if (n >= position) {
            for (int i = position; i < n; i++) entries.get(i).events().forEach(state::apply);
        } else {
            state = Layout.replay(catalog, base);
            for (int i = 0; i < n; i++) entries.get(i).events().forEach(state::apply);
        }
        position = n;
    }

    /** The layout the history starts from (step 0), rebuilt afresh. */
    public Layout start() {
        return Layout.replay(catalog, base);
    }

    /** The state now. It belongs to this history: copy it before changing it elsewhere. */
    public Layout state() {
        return state;
    }

    public int position() {
        return position;
    }

    public List<Entry> entries() {
        return Collections.unmodifiableList(entries);
    }

    public boolean canUndo() {
        return position > 0;
    }

    public boolean canRedo() {
        return position < entries.size();
    }
}

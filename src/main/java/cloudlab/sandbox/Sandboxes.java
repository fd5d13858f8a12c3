package cloudlab.sandbox;

import cloudlab.common.Tokens;
import cloudlab.sim.Command;
import cloudlab.sim.Decision;
import cloudlab.sim.Event;
import cloudlab.sim.History;
import cloudlab.sim.InputException;
import cloudlab.sim.Layout;
import cloudlab.sim.Num;
import cloudlab.sim.RegionCatalog;
import cloudlab.sim.document.Documents;
import cloudlab.sim.document.Json;
import cloudlab.sim.document.LayoutReader;
import cloudlab.sim.document.LayoutWriter;
import cloudlab.store.Database;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.fasterxml.jackson.core.type.TypeReference;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Learners' sandboxes, kept as event logs in the database. Every change goes through the core's
 * decider ({@link History#submit}); an accepted command and its events are appended in one
 * transaction, a refused one writes nothing. A learner only ever sees their own sandboxes.
 */
public final class Sandboxes {
    private static final String ALPHABET = "abcdefghjkmnpqrstvwxyz23456789";
    private static final TypeReference<List<Event>> EVENTS = new TypeReference<>() { };

    private final Database db;
    private final RegionCatalog catalog;
    private final ConcurrentHashMap<String, Object> locks = new ConcurrentHashMap<>();
    /**
     * The most weight of parsed logs kept in memory, a log weighing one for itself and one for each
     * host and VM of its start layout and each event of its steps: about 50 MB at the worst. A
     * lesson sandbox weighs a few dozen, the largest sandbox allowed about 72,000, so a few huge
     * sandboxes push out others' logs instead of filling the heap.
     */
    static final long CACHED_WEIGHT = 100_000;
    /** Parsed logs of recently used sandboxes, by id; valid while the database's version matches. */
    private final Cache<String, Log> logs;

    /** A sandbox's start layout and parsed steps at one version; immutable, so any thread may replay it. */
    record Log(int version, Layout start, List<History.Entry> entries) {
        /** What the log costs to keep: itself, the start layout's hosts and VMs, and every event of its steps. */
        int weight() {
            long w = 1L + start.hosts().size() + start.vms().size();
            for (History.Entry e : entries) w += e.events().size();
            return (int) Math.min(Integer.MAX_VALUE, w);
        }
    }

    /** The most bytes one learner may keep ({@link Caps#MAX_LEARNER_BYTES}; smaller in tests). */
    private final long learnerBytes;

    public Sandboxes(Database db, RegionCatalog catalog) {
        this(db, catalog, CACHED_WEIGHT, Caps.MAX_LEARNER_BYTES);
    }

    /** As above, keeping parsed logs up to the given weight and letting a learner keep up to {@code learnerBytes}. */
    Sandboxes(Database db, RegionCatalog catalog, long cachedWeight, long learnerBytes) {
        this.db = db;
        this.catalog = catalog;
        this.learnerBytes = learnerBytes;
        // eviction runs on the caller's thread, so the bound holds when a put returns
        this.logs = Caffeine.newBuilder().maximumWeight(cachedWeight).weigher((String id, Log log) -> log.weight())
                .executor(Runnable::run).build();
    }

    /** The weight of the parsed logs kept now. */
    long cachedWeight() {
        return logs.policy().eviction().orElseThrow().weightedSize().orElseThrow();
    }

    /** A line of a learner's list of sandboxes. */
    public record Summary(String id, String title, Sandbox.Origin origin, String originRef, int steps, String updatedAt) {
    }

    /** Thrown when a learner asks for a sandbox that is not theirs (or does not exist): the same answer for both. */
    public static final class NotFound extends RuntimeException {
        public NotFound() {
            super("no such sandbox", null, false, false);
        }
    }

    /** Thrown when a learner asks for a step the sandbox's history does not have; the message gives the range. */
    public static final class NoSuchStep extends IllegalArgumentException {
        public NoSuchStep(int steps) {
            super("step: must be from 0 to " + steps);
        }
    }

    /**
     * A new sandbox of the learner's from a start layout, within every cap of {@link Caps}.
     *
     * @throws Caps.Reached when the learner keeps as many sandboxes or bytes as they may, or the
     *                      layout holds more than a sandbox may (nothing is made)
     */
    public Sandbox create(String learnerId, String title, Sandbox.Origin origin, String originRef, Layout start) {
        String id = "s" + randomText(12);
        String now = Database.now();
        String tooBig = Caps.layout(start);
        if (tooBig != null) throw new Caps.Reached(tooBig);
        String layout = LayoutWriter.toJson(start);
        long bytes = size(layout);
        db.transaction(c -> {
            String full = Caps.sandboxes((int) count(c, "SELECT COUNT(*) FROM sandboxes WHERE learner_id = ?", learnerId));
            if (full == null) full = Caps.storage(learnerBytes, kept(c, learnerId), bytes);
            if (full != null) throw new Caps.Reached(full);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO sandboxes (id, learner_id, title, origin_kind, origin_ref, "
                    + "start_layout, position, created_at, updated_at, bytes) VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?, ?)")) {
                ps.setString(1, id);
                ps.setString(2, learnerId);
                ps.setString(3, title);
                ps.setString(4, origin.name());
                ps.setString(5, originRef);
                ps.setString(6, layout);
                ps.setString(7, now);
                ps.setString(8, now);
                ps.setLong(9, bytes);
                ps.executeUpdate();
            }
            return null;
        });
        return new Sandbox(id, learnerId, title, origin, originRef, History.from(start, List.of(), 0));
    }

    /** The longest title a sandbox keeps. */
    static final int MAX_TITLE = 120;

    /** A new empty sandbox; a blank title becomes "My sandbox", a long one is cut to {@value #MAX_TITLE} characters. */
    public Sandbox createBlank(String learnerId, String title) {
        return create(learnerId, title(title, "My sandbox"), Sandbox.Origin.BLANK, null, Layout.empty());
    }

    /**
     * A new sandbox from a layout document (YAML or JSON, told by the file name or the text),
     * named after the layout; a document that breaks a rule is refused with the reason and nothing is made.
     */
    public Sandbox importLayout(String learnerId, String text, String fileName) throws InputException {
        if (text == null || text.isBlank()) throw new InputException("layout: paste a layout document (YAML or JSON) or choose a file");
        Layout layout;
        try {
            layout = LayoutReader.read(text, Documents.formatOf(fileName, text), "", catalog);
        } catch (InputException e) {
            throw new InputException("layout: " + e.getMessage());
        }
        return create(learnerId, title(layout.name(), "Imported layout"), Sandbox.Origin.IMPORT, null, layout);
    }

    /** As {@link #importLayout}, from an uploaded file of at most {@link Caps#MAX_UPLOAD} bytes of UTF-8 text. */
    public Sandbox importFile(String learnerId, java.io.InputStream file, String fileName) throws InputException {
        String text;
        try (file) {
            byte[] bytes = file.readNBytes(Caps.MAX_UPLOAD + 1);
            if (bytes.length > Caps.MAX_UPLOAD) throw new InputException("file: the layout is over 1 MiB");
            text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            text = null; // the upload broke off: asked again, as for an empty one
        }
        return importLayout(learnerId, text, fileName);
    }

    /**
     * The learner's sandbox from that origin (a lesson's block, a challenge): the latest one, or a
     * new one from {@code start} the first time or when {@code fresh}. Opening is idempotent: under
     * one lock per learner, so eight parallel clicks make one sandbox; and a fresh one is made only
     * while the latest is still {@code seen} (the one the learner's page knew, null for none, or
     * any when {@code seen} is {@link #ANY_SANDBOX}), so a double-clicked "start again" makes one.
     */
    public String open(String learnerId, Sandbox.Origin origin, String originRef, String title, Layout start, boolean fresh, String seen) {
        synchronized (lock("open " + learnerId)) {
            String latest = latest(learnerId, origin, originRef).orElse(null);
            boolean again = fresh && (ANY_SANDBOX.equals(seen) || java.util.Objects.equals(seen, latest));
            return latest != null && !again ? latest : create(learnerId, title, origin, originRef, start.copy()).id();
        }
    }

    /** As {@link #open(String, Sandbox.Origin, String, String, Layout, boolean, String)}, a fresh one made whatever the latest is. */
    public String open(String learnerId, Sandbox.Origin origin, String originRef, String title, Layout start, boolean fresh) {
        return open(learnerId, origin, originRef, title, start, fresh, ANY_SANDBOX);
    }

    /** For {@link #open}: make a fresh sandbox whichever is the latest. */
    public static final String ANY_SANDBOX = "*";

    /**
     * Deletes the learner's sandbox and its steps; its share links then say it was deleted. A
     * workshop's sandbox belongs to the room and is refused ({@link Caps.Reached} says why).
     */
    public void delete(String learnerId, String sandboxId) {
        synchronized (lock(sandboxId)) {
            db.transaction(c -> {
                lockRow(c, sandboxId);
                Sandbox s = loadVersioned(c, learnerId, sandboxId).sandbox();
                if (s.origin() == Sandbox.Origin.WORKSHOP) {
                    throw new Caps.Reached("this sandbox belongs to your workshop; your instructor can reset it, but it cannot be deleted");
                }
                for (String sql : List.of("DELETE FROM sandbox_commands WHERE sandbox_id = ?",
                        "UPDATE shared_layouts SET layout = '', withdrawn = 1 WHERE sandbox_id = ?", "DELETE FROM sandboxes WHERE id = ?")) {
                    try (PreparedStatement ps = c.prepareStatement(sql)) {
                        ps.setString(1, sandboxId);
                        ps.executeUpdate();
                    }
                }
                return null;
            });
            logs.invalidate(sandboxId);
        }
        locks.remove(sandboxId);
    }

    /** The learner's most recently changed sandbox, if they have one: where "continue where you left off" leads. */
    public Optional<Summary> mostRecent(String learnerId) {
        List<Summary> all = of(learnerId);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    private static String title(String title, String fallback) {
        String t = title == null || title.isBlank() ? fallback : title.strip();
        return t.length() > MAX_TITLE ? t.substring(0, MAX_TITLE) : t;
    }

    /** The learner's sandbox with that id; {@link NotFound} when it is someone else's or missing. */
    public Sandbox get(String learnerId, String sandboxId) {
        return db.read(c -> load(c, learnerId, sandboxId));
    }

    /** The learner's latest sandbox from that origin (a lesson block, a challenge), if any. */
    public Optional<String> latest(String learnerId, Sandbox.Origin origin, String originRef) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM sandboxes WHERE learner_id = ? AND origin_kind = ? "
                    + "AND origin_ref = ? ORDER BY created_at DESC")) {
                ps.setString(1, learnerId);
                ps.setString(2, origin.name());
                ps.setString(3, originRef);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }

    public List<Summary> of(String learnerId) {
        return db.read(c -> {
            List<Summary> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, title, origin_kind, origin_ref, position, updated_at "
                    + "FROM sandboxes WHERE learner_id = ? ORDER BY updated_at DESC")) {
                ps.setString(1, learnerId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Summary(rs.getString(1), rs.getString(2), Sandbox.Origin.valueOf(rs.getString(3)), rs.getString(4),
                                rs.getInt(5), rs.getString(6)));
                    }
                }
            }
            return out;
        });
    }

    /**
     * Decides the command against the sandbox's state; an accepted one is stored (dropping any
     * steps that an undo had taken back) and applied. The decision says why when it is refused.
     */
    public Decision submit(String learnerId, String sandboxId, Command command) {
        return act(learnerId, sandboxId, state -> command).decision();
    }

    /**
     * What an action came to: the command made from it, the core's decision on that command, how
     * many undone steps it dropped, and the sandbox as the accepted step left it, at its new version
     * (null when refused), so that the answer needs no second read.
     */
    public record Outcome(Command command, Decision decision, int dropped, Sandbox after) {
        public boolean accepted() {
            return decision.accepted();
        }

        /**
         * The sentence for the learner: why it was refused, or what it did (and for a placed VM, where
         * and why), and which undone steps it dropped, since redo can no longer bring them back.
         */
        public String message() {
            if (!decision.accepted()) return decision.refusal();
            String done = Describe.outcome(command, decision.events());
            return dropped == 0 ? done : done + ". This new step replaced " + Num.count(dropped, "undone step")
                    + " that redo could have brought back; they are gone from the history";
        }
    }

    /** How many of the learner's steps are undone now: what redo could bring back, and what a new step drops. */
    private static int undone(History h) {
        int n = 0;
        for (History.Entry e : h.entries()) if (e.undone()) n++;
        return n;
    }

    /**
     * As {@link #submit}, for an action whose command depends on the state (such as "change only
     * what the learner changed"): {@code action} makes the command from the state now, under the
     * sandbox's lock, so nobody's step can come between reading and deciding.
     */
    public Outcome act(String learnerId, String sandboxId, Function<Layout, Command> action) {
        return act(learnerId, sandboxId, History.Actor.LEARNER, action);
    }

    /**
     * Decides a command the learner's instructor gives in their sandbox (chaos): stored as the
     * instructor's step, which the learner's undo passes over and which keeps the learner's redo.
     */
    public Decision instruct(String learnerId, String sandboxId, Command command) {
        return act(learnerId, sandboxId, History.Actor.INSTRUCTOR, state -> command).decision();
    }

    private Outcome act(String learnerId, String sandboxId, History.Actor actor, Function<Layout, Command> action) {
        synchronized (lock(sandboxId)) {
            Command[] made = new Command[1];
            Loaded[] written = new Loaded[1];
            int[] dropped = new int[1];
            Decision decision = db.transaction(c -> {
                lockRow(c, sandboxId);
                Loaded loaded = loadVersioned(c, learnerId, sandboxId);
                Sandbox s = loaded.sandbox();
                History h = s.history();
                String full = Caps.steps(h.entries().size());
                if (full != null) return Decision.refuse(full);
                Command command = action.apply(h.state());
                made[0] = command;
                full = Caps.command(h.state(), command);
                if (full != null) return Decision.refuse(full);
                int before = h.position();
                int undone = actor == History.Actor.LEARNER ? undone(h) : 0;
                boolean hasUndone = before < h.entries().size();
                Decision d = h.submit(actor, command);
                if (!d.accepted()) return d;
                Step step = new Step(json(command), events(d.events()));
                boolean drops = actor == History.Actor.LEARNER && hasUndone;
                long freed = drops ? undoneSize(c, sandboxId, before) : 0;
                full = Caps.storage(learnerBytes, kept(c, learnerId) - freed, step.size());
                if (full != null) return Decision.refuse(full); // nothing written: the transaction ends without a change
                if (drops) dropUndone(c, sandboxId, before, freed);
                append(c, sandboxId, actor, step);
                setPosition(c, sandboxId, h.position());
                written[0] = new Loaded(new Sandbox(s.id(), s.learnerId(), s.title(), s.origin(), s.originRef(), h, loaded.version() + 1),
                        loaded.version() + 1, loaded.start());
                dropped[0] = undone;
                return d;
            });
            if (written[0] != null) remember(written[0]);
            return new Outcome(made[0], decision, dropped[0], written[0] == null ? null : written[0].sandbox());
        }
    }

    /** The learner's undone steps: their steps after the first {@code position} of the log. */
    private static final String UNDONE = " FROM sandbox_commands WHERE sandbox_id = ? AND actor = ? AND seq NOT IN "
            + "(SELECT seq FROM sandbox_commands WHERE sandbox_id = ? ORDER BY seq LIMIT ?)";

    /** What the learner's undone steps take, which a new step frees. */
    private static long undoneSize(Connection c, String sandboxId, int position) throws SQLException {
        long size = 0;
        try (PreparedStatement ps = c.prepareStatement("SELECT command, events" + UNDONE)) {
            undoneSteps(ps, sandboxId, position);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) size += new Step(rs.getString(1), rs.getString(2)).size();
            }
        }
        return size;
    }

    /** Deletes the learner's undone steps; the sandbox's size drops by theirs ({@code size}). */
    private static void dropUndone(Connection c, String sandboxId, int position, long size) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE" + UNDONE)) {
            undoneSteps(ps, sandboxId, position);
            ps.executeUpdate();
        }
        grow(c, sandboxId, -size);
    }

    private static void undoneSteps(PreparedStatement ps, String sandboxId, int position) throws SQLException {
        ps.setString(1, sandboxId);
        ps.setString(2, actorName(History.Actor.LEARNER));
        ps.setString(3, sandboxId);
        ps.setInt(4, position);
    }

    /** A step as stored: its command and events as JSON. */
    private record Step(String command, String events) {
        long size() {
            return Sandboxes.size(command) + Sandboxes.size(events);
        }
    }

    /** What a text costs to keep: its characters, as the database's LENGTH counts them. */
    private static long size(String text) {
        return text.codePointCount(0, text.length());
    }

    /** The bytes the learner keeps now: their sandboxes' start layouts and steps, and their share links. */
    private static long kept(Connection c, String learnerId) throws SQLException {
        return count(c, "SELECT COALESCE(SUM(bytes), 0) FROM sandboxes WHERE learner_id = ?", learnerId)
                + count(c, "SELECT COALESCE(SUM(bytes), 0) FROM shared_layouts WHERE learner_id = ?", learnerId);
    }

    private static long count(Connection c, String sql, String learnerId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, learnerId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    private static void grow(Connection c, String sandboxId, long bytes) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE sandboxes SET bytes = bytes + ? WHERE id = ?")) {
            ps.setLong(1, bytes);
            ps.setString(2, sandboxId);
            ps.executeUpdate();
        }
    }

    /** Appends a step after the last stored one; the sandbox grows by its size. */
    private static void append(Connection c, String sandboxId, History.Actor actor, Step step) throws SQLException {
        int seq;
        try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(MAX(seq), 0) FROM sandbox_commands WHERE sandbox_id = ?")) {
            ps.setString(1, sandboxId);
            try (ResultSet rs = ps.executeQuery()) {
                seq = rs.next() ? rs.getInt(1) + 1 : 1;
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO sandbox_commands (sandbox_id, seq, command, events, created_at, actor) "
                + "VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, sandboxId);
            ps.setInt(2, seq);
            ps.setString(3, step.command());
            ps.setString(4, step.events());
            ps.setString(5, Database.now());
            ps.setString(6, actorName(actor));
            ps.executeUpdate();
        }
        grow(c, sandboxId, step.size());
    }

    private static String events(List<Event> events) {
        try {
            return Json.mapper().writerFor(EVENTS).writeValueAsString(events);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** How an actor is stored: "learner" or "instructor"; a step stored without one is the learner's. */
    private static String actorName(History.Actor actor) {
        return actor == History.Actor.INSTRUCTOR ? "instructor" : "learner";
    }

    private static History.Actor actorOf(String stored) {
        return "instructor".equals(stored) ? History.Actor.INSTRUCTOR : History.Actor.LEARNER;
    }

    /**
     * What an undo, redo or move came to, in the learner's words: whether the history moved, and
     * the sentence saying what happened or why nothing did.
     */
    public record Moved(boolean moved, String message) {
    }

    /** No version to hold a move to: whatever the page showed, the move applies to the sandbox as it is. */
    public static final int ANY_VERSION = -1;

    /** Takes back the learner's latest applied step (never an instructor's); false when there is none. */
    public boolean undo(String learnerId, String sandboxId) {
        return undo(learnerId, sandboxId, ANY_VERSION).moved();
    }

    /**
     * As {@link #undo(String, String)}, only if the sandbox is still at {@code expected} (the version
     * the learner's page showed): a repeated click or a second tab's stale button is refused with a
     * message instead of taking back a second step.
     */
    public Moved undo(String learnerId, String sandboxId, int expected) {
        // the step an undo takes back becomes the earliest undone one
        return move(learnerId, sandboxId, expected, h -> h.undo() ? "Undone: " + Describe.step(h.entries().get(firstUndoneIndex(h))) : null,
                "Nothing to undo");
    }

    /** Applies again the learner's step an undo took back; false when there is none. */
    public boolean redo(String learnerId, String sandboxId) {
        return redo(learnerId, sandboxId, ANY_VERSION).moved();
    }

    /** As {@link #redo(String, String)}, held to the version the page showed (see {@link #undo(String, String, int)}). */
    public Moved redo(String learnerId, String sandboxId, int expected) {
        return move(learnerId, sandboxId, expected, h -> h.redo() ? "Redone: " + Describe.step(h.entries().get(h.position() - 1)) : null,
                "Nothing to redo");
    }

    /**
     * Moves the learner to step {@code step} (0 is the start layout): their later steps stay for
     * redo, the instructor's stay applied. False when an instructor's step would clash with it.
     *
     * @throws NoSuchStep when the history has no such step (nothing changes)
     */
    public boolean moveTo(String learnerId, String sandboxId, int step) {
        return moveTo(learnerId, sandboxId, step, ANY_VERSION).moved();
    }

    /** As {@link #moveTo(String, String, int)}, held to the version the page showed (see {@link #undo(String, String, int)}). */
    public Moved moveTo(String learnerId, String sandboxId, int step, int expected) {
        return move(learnerId, sandboxId, expected, h -> {
            if (step < 0 || step > h.entries().size()) throw new NoSuchStep(h.entries().size());
            if (!h.moveTo(step)) return null;
            return step == 0 ? "Back to the start layout (redo brings your steps back)"
                    : "Moved to step " + step + (h.canRedo() ? " (the later steps stay in the history until you do something new)" : "");
        }, "That step would undo a step your instructor's change depends on, so the history stays where it is");
    }

    /** The index of the learner's earliest undone entry (the one the last undo took back). */
    private static int firstUndoneIndex(History h) {
        for (int i = 0; i < h.entries().size(); i++) if (h.entries().get(i).undone()) return i;
        return -1;
    }

    /**
     * Moves the history under the sandbox's lock: {@code how} moves it and says what it did, or
     * returns null when it could not ({@code otherwise} says so). A version other than the one
     * expected (unless {@link #ANY_VERSION}) moves nothing.
     */
    private Moved move(String learnerId, String sandboxId, int expected, Function<History, String> how, String otherwise) {
        synchronized (lock(sandboxId)) {
            String[] said = new String[1];
            int version = db.transaction(c -> {
                lockRow(c, sandboxId);
                Loaded loaded = loadVersioned(c, learnerId, sandboxId);
                if (expected != ANY_VERSION && expected != loaded.version()) {
                    said[0] = "Nothing changed: the sandbox had already moved on from what this page showed (a repeated click, or "
                            + "another tab). The page now shows it as it is; try again if you still want to.";
                    return -1;
                }
                History h = loaded.sandbox().history();
                said[0] = how.apply(h);
                if (said[0] == null) {
                    said[0] = otherwise;
                    return -1;
                }
                setPosition(c, sandboxId, h.position());
                return loaded.version();
            });
            if (version < 0) return new Moved(false, said[0]);
            moved(sandboxId, version);
            return new Moved(true, said[0]);
        }
    }

    /**
     * Saves the sandbox's current state under a random token that anyone with the link can copy;
     * the saved layout counts toward the learner's storage ({@link Caps.Reached} when it is full).
     */
    public String share(String learnerId, String sandboxId) {
        Sandbox s = get(learnerId, sandboxId);
        String token = randomText(24);
        String layout = LayoutWriter.toJson(s.history().state());
        db.transaction(c -> {
            String full = Caps.storage(learnerBytes, kept(c, learnerId), size(layout));
            if (full != null) throw new Caps.Reached(full);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO shared_layouts (token, title, layout, created_at, learner_id, bytes, sandbox_id) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, token);
                ps.setString(2, s.title());
                ps.setString(3, layout);
                ps.setString(4, Database.now());
                ps.setString(5, learnerId);
                ps.setLong(6, size(layout));
                ps.setString(7, sandboxId);
                ps.executeUpdate();
            }
            return null;
        });
        return token;
    }

    /** What a share link holds: the shared sandbox's title, and whether its owner has deleted it since. */
    public record SharedLink(String title, boolean withdrawn) {
    }

    /** The share link with this token; {@link NotFound} when there is none. */
    public SharedLink shared(String token) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT title, withdrawn FROM shared_layouts WHERE token = ?")) {
                ps.setString(1, token);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) throw new NotFound();
                    return new SharedLink(rs.getString(1), rs.getInt(2) != 0);
                }
            }
        });
    }

    /** Whether a share link with this token exists and still holds a layout. */
    public boolean isShared(String token) {
        try {
            return !shared(token).withdrawn();
        } catch (NotFound e) {
            return false;
        }
    }

    /** A new sandbox for the learner, starting from a shared state; {@link NotFound} for an unknown token. */
    public Sandbox copyShared(String learnerId, String token) {
        record Shared(String title, String layout) { }
        Shared shared = db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT title, layout FROM shared_layouts WHERE token = ? AND withdrawn = 0")) {
                ps.setString(1, token);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) throw new NotFound();
                    return new Shared(rs.getString(1), rs.getString(2));
                }
            }
        });
        return create(learnerId, "Copy of " + shared.title(), Sandbox.Origin.COPY, token, readLayout(shared.layout()));
    }

    /** A sandbox as read, with the database version it was read at and its log's start layout (never changed, as the log keeps it). */
    private record Loaded(Sandbox sandbox, int version, Layout start) {
    }

    private Sandbox load(Connection c, String learnerId, String sandboxId) throws SQLException {
        return loadVersioned(c, learnerId, sandboxId).sandbox();
    }

    private Loaded loadVersioned(Connection c, String learnerId, String sandboxId) throws SQLException {
        String title;
        Sandbox.Origin origin;
        String ref;
        String start;
        int position;
        int version;
        try (PreparedStatement ps = c.prepareStatement("SELECT title, origin_kind, origin_ref, start_layout, position, version "
                + "FROM sandboxes WHERE id = ? AND learner_id = ?")) {
            ps.setString(1, sandboxId);
            ps.setString(2, learnerId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) throw new NotFound();
                title = rs.getString(1);
                origin = Sandbox.Origin.valueOf(rs.getString(2));
                ref = rs.getString(3);
                start = rs.getString(4);
                position = rs.getInt(5);
                version = rs.getInt(6);
            }
        }
        Log log = logs.getIfPresent(sandboxId);
        if (log == null || log.version() != version) {
            List<History.Entry> entries = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT command, events, actor FROM sandbox_commands WHERE sandbox_id = ? ORDER BY seq")) {
                ps.setString(1, sandboxId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        entries.add(new History.Entry(Json.mapper().readValue(rs.getString(1), Command.class),
                                Json.mapper().readValue(rs.getString(2), EVENTS), actorOf(rs.getString(3)), false));
                    }
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException("sandbox " + sandboxId + " holds an unreadable step", e);
                }
            }
            log = new Log(version, readLayout(start), List.copyOf(entries));
            logs.put(sandboxId, log);
        }
        History h = History.from(log.start(), log.entries(), Math.min(position, log.entries().size()));
        return new Loaded(new Sandbox(sandboxId, learnerId, title, origin, ref, h, version), version, log.start());
    }

    /** After a committed move of the position: the log is the same, at the next version. */
    private void moved(String sandboxId, int fromVersion) {
        Log old = logs.getIfPresent(sandboxId);
        if (old != null && old.version() == fromVersion) logs.put(sandboxId, new Log(fromVersion + 1, old.start(), old.entries()));
    }

    /** Keeps the parsed log of a sandbox just written (and committed), at its new version: its start as read, not replayed again. */
    private void remember(Loaded written) {
        Sandbox s = written.sandbox();
        logs.put(s.id(), new Log(written.version(), written.start(), List.copyOf(s.history().entries())));
    }

    private Layout readLayout(String json) {
        try {
            return LayoutReader.read(json, Documents.Format.JSON, "stored layout", catalog);
        } catch (InputException e) {
            throw new IllegalStateException("a stored layout no longer reads: " + e.getMessage(), e);
        }
    }

    /**
     * Takes the sandbox's row for this transaction before reading it, so that two servers on one
     * database never append the same step twice (a no-op update is a row lock in PostgreSQL and
     * the write lock in SQLite).
     */
    private static void lockRow(Connection c, String sandboxId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE sandboxes SET position = position WHERE id = ?")) {
            ps.setString(1, sandboxId);
            ps.executeUpdate();
        }
    }

    private static void setPosition(Connection c, String sandboxId, int position) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE sandboxes SET position = ?, updated_at = ?, version = version + 1 WHERE id = ?")) {
            ps.setInt(1, position);
            ps.setString(2, Database.now());
            ps.setString(3, sandboxId);
            ps.executeUpdate();
        }
    }

    private static String json(Object value) {
        try {
            return Json.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Object lock(String sandboxId) {
        return locks.computeIfAbsent(sandboxId, k -> new Object());
    }

    private static String randomText(int n) {
        return Tokens.randomText(ALPHABET, n);
    }
}

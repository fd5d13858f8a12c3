package cloudlab.workshop;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The live streams (server-sent events, read by htmx's SSE extension): an instructor's room gets
 * one learner's row as HTML ({@code row-<learnerId>}) when that learner changed, {@code grid} when
 * the whole room changed (a join, pace, push, close), and {@code changed} on either (the projector
 * refreshes on it); a learner's page gets {@code home} when their workshop changed, and
 * {@code sandbox-<sandboxId>} with the notice for them when their instructor changed that sandbox
 * (their open sandbox page refreshes its workspace and shows the notice).
 *
 * <p>What changed comes from {@link Activity}: a change made on this server wakes the reader thread
 * at once; every {@link #READ_EVERY_MS} ms the thread also reads what is new in the database, which
 * brings the changes made on other servers (a change heard at once is not sent again when its row is
 * read). Rows are drawn by a few drawer threads, and a learner's row waiting to be drawn is drawn
 * once however many times they acted meanwhile. None of these threads writes to a browser: each
 * stream has its own outbox, sent by a pool of senders, so one slow browser delays nobody else, and a browser that falls
 * {@link #OUTBOX_LIMIT} messages behind is closed (it reconnects and reloads what it shows). Nothing
 * is read while nobody listens. The web layer hands in each open stream as a {@link Client} and says
 * how a row is drawn.
 */
public final class LiveStream implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LiveStream.class);
    static final long READ_EVERY_MS = 250;
    static final int OUTBOX_LIMIT = 500;
    /** Threads drawing rows: enough that a busy server's many requests do not starve the room. */
    static final int DRAWERS = 4;
    private final Rooms rooms;
    private final Function<String, Optional<Workshop>> workshopById;
    private final long readEveryMs;
    private final Map<String, List<Listener>> rooms_ = new ConcurrentHashMap<>();
    private final Map<String, List<Watcher>> learners = new ConcurrentHashMap<>();
    /** Changes this server made, handed over by the thread that made them. */
    private final BlockingQueue<Activity.Event> heard = new LinkedBlockingQueue<>();
    /** Numbers of the changes already passed on when heard, not yet met in the database (reader thread only). */
    private final NavigableSet<Long> passedEarly = new TreeSet<>();
    private final Runnable stopListening;
    private final Thread reader;
    private final ExecutorService senders = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "cloud-lab-live-send");
        t.setDaemon(true);
        return t;
    });
    /** The drawers of learners' rows, and the rows waiting for one. */
    private final ExecutorService drawers = Executors.newFixedThreadPool(DRAWERS, r -> {
        Thread t = new Thread(r, "cloud-lab-live-draw");
        t.setDaemon(true);
        return t;
    });
    private final Set<RowKey> toDraw = ConcurrentHashMap.newKeySet();
    /** Locks by row (striped): one drawing of a row at a time. */
    private final Object[] drawing = new Object[64];
    private volatile boolean closed;
    /** Where this server is in the database's changes; null while nobody listens (reader thread only). */
    private Activity.Reader cursor;

    /**
     * A learner's stream, with whose it is (an instructor's step in their sandbox reaches only them)
     * and the time of the page that opened it: a change older than the page is on it already.
     */
    private record Watcher(Outbox out, String learnerId, long sinceMs) {
    }

    /** One learner's row of one workshop. */
    private record RowKey(String workshopId, String learnerId) {
    }

    /** A room's stream with how its rows are drawn (with the CSRF token of the page that opened it). */
    private record Listener(Outbox out, RowMarkup rows) {
    }

    /** One open stream, as the server holds it. */
    public interface Client {
        /** Tells the browser the stream is open and keeps it open after the handler returns. */
        void connected();

        void onClose(Runnable leave);

        boolean terminated();

        /** Writes one event and flushes it; may block while the browser is slow to read. */
        void sendEvent(String event, String data);

        void close();
    }

    /** A learner's row of the room as markup for one room stream. */
    public interface RowMarkup {
        String html(Workshop workshop, Room.LearnerRow row);
    }

    public LiveStream(Rooms rooms, Function<String, Optional<Workshop>> workshopById) {
        this(rooms, workshopById, READ_EVERY_MS);
    }

    /** With the database read every {@code readEveryMs} ms (tests set it long to see a change heard here arrive without it). */
    LiveStream(Rooms rooms, Function<String, Optional<Workshop>> workshopById, long readEveryMs) {
        this.rooms = rooms;
        this.workshopById = workshopById;
        this.readEveryMs = readEveryMs;
        for (int i = 0; i < drawing.length; i++) drawing[i] = new Object();
        this.stopListening = rooms.activity().listen(e -> {
            if (listening()) heard.add(e);
        });
        this.reader = new Thread(this::readUntilClosed, "cloud-lab-live");
        reader.setDaemon(true);
        reader.start();
    }

    /** Keeps an instructor's room stream open until the browser leaves. */
    public void room(Client client, String workshopId, RowMarkup rows) {
        join(rooms_, workshopId, client, new Listener(new Outbox(client), rows));
    }

    /**
     * Keeps a learner's page stream open until the browser leaves; workshop changes made before
     * {@code sinceMs} (when the page was made) are not sent, so the learner's own join does not reload the page it led to.
     */
    public void learner(Client client, String workshopId, String learnerId, long sinceMs) {
        join(learners, workshopId, client, new Watcher(new Outbox(client), learnerId, sinceMs));
    }

    private static <T> void join(Map<String, List<T>> streams, String workshopId, Client client, T stream) {
        List<T> list = streams.computeIfAbsent(workshopId, k -> new CopyOnWriteArrayList<>());
        client.onClose(() -> list.remove(stream));
        client.connected();
        list.add(stream);
        if (client.terminated()) list.remove(stream);
    }

    private boolean listening() {
        return rooms_.values().stream().anyMatch(l -> !l.isEmpty()) || learners.values().stream().anyMatch(l -> !l.isEmpty());
    }

    /** The reader thread: waits for a change heard here or for the next database read, then passes on what it found. */
    private void readUntilClosed() {
        long readAt = 0;
        while (!closed) {
            try {
                long wait = listening() ? Math.max(0, readAt - System.currentTimeMillis()) : readEveryMs;
                Activity.Event first = heard.poll(wait, TimeUnit.MILLISECONDS);
                List<Activity.Event> found = new ArrayList<>();
                if (first != null) {
                    found.add(first);
                    heard.drainTo(found);
                }
                if (!listening()) {
                    cursor = null;
                    passedEarly.clear();
                    readAt = 0;
                    continue;
                }
                if (cursor != null) found.removeIf(e -> e.seq() <= cursor.last()); // read already, before it was heard
                for (Activity.Event e : found) passedEarly.add(e.seq());
                if (System.currentTimeMillis() >= readAt) {
                    readAt = System.currentTimeMillis() + readEveryMs;
                    found.addAll(read());
                }
                pass(found);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.warn("live updates: passing on the room events failed; trying again", e);
                readAt = System.currentTimeMillis() + readEveryMs;
            }
        }
    }

    /** What is new in the database, less what was already passed on when it was heard. */
    private List<Activity.Event> read() {
        if (cursor == null) cursor = rooms.activity().reader(System.currentTimeMillis() - Activity.WINDOW_MS);
        List<Activity.Event> out = new ArrayList<>();
        for (Activity.Event e : cursor.next()) if (!passedEarly.remove(e.seq())) out.add(e);
        passedEarly.headSet(cursor.last(), true).clear();
        return out;
    }

    /**
     * Sends what the changes found together mean to each open stream. Rows are drawn by the drawers,
     * each learner's once however many of their changes wait: a row asked for again before a drawer
     * took it up is drawn once.
     */
    private void pass(List<Activity.Event> found) {
        if (found.isEmpty()) return;
        Set<RowKey> rows = new LinkedHashSet<>();
        Map<String, Long> whole = new LinkedHashMap<>(); // workshop -> its latest whole-room change
        for (Activity.Event e : found) {
            if (e.sandboxId() != null) toldLearner(e);
            if (e.wholeRoom()) whole.merge(e.workshopId(), e.atMs(), Math::max);
            else rows.add(new RowKey(e.workshopId(), e.learnerId()));
        }
        whole.forEach((w, at) -> {
            for (Listener l : rooms_.getOrDefault(w, List.of())) l.out().send("grid", "changed");
            for (Watcher c : learners.getOrDefault(w, List.of())) if (at >= c.sinceMs()) c.out().send("home", "changed");
        });
        for (RowKey k : rows) {
            if (!rooms_.getOrDefault(k.workshopId(), List.of()).isEmpty() && toDraw.add(k)) drawers.execute(() -> draw(k));
        }
    }

    /**
     * Draws one learner's row for the room's open streams, with the learner's state as it is now.
     * One row is drawn by one drawer at a time, so a later drawing is never sent before an earlier one.
     */
    private void draw(RowKey k) {
        synchronized (drawing[Math.floorMod(k.hashCode(), drawing.length)]) {
            if (!toDraw.remove(k)) return;
            try {
                List<Listener> listeners = rooms_.getOrDefault(k.workshopId(), List.of());
                Optional<Workshop> w = listeners.isEmpty() ? Optional.empty() : workshopById.apply(k.workshopId());
                Optional<Room.LearnerRow> row = w.flatMap(x -> rooms.row(x, k.learnerId()));
                if (row.isEmpty()) return;
                for (Listener l : listeners) {
                    l.out().send("row-" + k.learnerId(), l.rows().html(w.get(), row.get()).replace('\n', ' '));
                    l.out().send("changed", "row");
                }
            } catch (RuntimeException e) {
                LOG.warn("live updates: drawing a learner's row failed", e);
            }
        }
    }

    /** The learner's open page of that sandbox refreshes and shows the notice (HTML-escaped). */
    private void toldLearner(Activity.Event e) {
        String text = e.notice() == null ? "Your instructor changed this sandbox." : e.notice();
        String html = "<p class=\"notice notice--warn\">" + org.unbescape.html.HtmlEscape.escapeHtml5Xml(text) + "</p>";
        for (Watcher c : learners.getOrDefault(e.workshopId(), List.of())) {
            if (c.learnerId().equals(e.learnerId())) c.out().send("sandbox-" + e.sandboxId(), html);
        }
    }

    /** One stream's messages waiting to be written, written in order by one sender at a time. */
    private final class Outbox {
        private final Client client;
        private final ConcurrentLinkedQueue<String[]> waiting = new ConcurrentLinkedQueue<>();
        private final AtomicInteger size = new AtomicInteger();
        private final AtomicBoolean sending = new AtomicBoolean();

        Outbox(Client client) {
            this.client = client;
        }

        void send(String event, String data) {
            if (client.terminated() || size.get() > OUTBOX_LIMIT) return;
            if (size.incrementAndGet() > OUTBOX_LIMIT) {
                LOG.info("live updates: a browser fell {} messages behind; closing its stream (it reconnects)", OUTBOX_LIMIT);
                waiting.clear();
                senders.execute(client::close);
                return;
            }
            waiting.add(new String[] {event, data});
            if (sending.compareAndSet(false, true)) senders.execute(this::drain);
        }

        private void drain() {
            do {
                try {
                    for (String[] m; (m = waiting.poll()) != null; ) {
                        size.decrementAndGet();
                        if (!client.terminated()) client.sendEvent(m[0], m[1]);
                    }
                } catch (RuntimeException e) {
                    LOG.debug("live updates: a stream could not be written; closing it", e);
                    client.close();
                } finally {
                    sending.set(false);
                }
            } while (!waiting.isEmpty() && sending.compareAndSet(false, true));
        }
    }

    @Override
    public void close() {
        closed = true;
        stopListening.run();
        reader.interrupt();
        drawers.shutdownNow();
        senders.shutdownNow();
        rooms_.values().forEach(list -> list.forEach(l -> l.out().client.close()));
        learners.values().forEach(list -> list.forEach(w -> w.out().client.close()));
    }
}

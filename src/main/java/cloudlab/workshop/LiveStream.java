package cloudlab.workshop;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The live streams (server-sent events, read by htmx's SSE extension): an instructor's room gets
 * one learner's row as HTML ({@code row-<learnerId>}) when that learner changed, {@code grid} when
 * the whole room changed (a join, pace, push, close), and {@code changed} on either (the projector
 * refreshes on it); a learner's page gets {@code home} when their workshop changed, and
 * {@code sandbox-<sandboxId>} with the notice for them when their instructor changed that sandbox
 * (their open sandbox page refreshes its workspace and shows the notice). What changed
 * comes from {@link Activity}, read from the database every {@link #READ_EVERY_MS} ms, so a change
 * made on another server reaches this one's streams too. Nothing is read while nobody listens.
 * The web layer hands in each open stream as a {@link Client} and says how a row is drawn.
 */
public final class LiveStream implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LiveStream.class);
    static final long READ_EVERY_MS = 250;
    private final Rooms rooms;
    private final Function<String, Optional<Workshop>> workshopById;
    private final Map<String, List<Listener>> rooms_ = new ConcurrentHashMap<>();
    private final Map<String, List<Watcher>> learners = new ConcurrentHashMap<>();
    /** Ids of the events already passed on, with their time, so a window read twice sends each once. */
    private final Map<String, Long> passed = new LinkedHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "cloud-lab-live");
        t.setDaemon(true);
        return t;
    });

    /**
     * A learner's stream, with whose it is (an instructor's step in their sandbox reaches only them)
     * and the time of the page that opened it: a change older than the page is on it already.
     */
    private record Watcher(Client client, String learnerId, long sinceMs) {
    }

    /** A room's stream with how its rows are drawn (with the CSRF token of the page that opened it). */
    private record Listener(Client client, RowMarkup rows) {
    }

    /** One open stream, as the server holds it. */
    public interface Client {
        /** Tells the browser the stream is open and keeps it open after the handler returns. */
        void connected();

        void onClose(Runnable leave);

        boolean terminated();

        void sendEvent(String event, String data);

        void close();
    }

    /** A learner's row of the room as markup for one room stream. */
    public interface RowMarkup {
        String html(Workshop workshop, Room.LearnerRow row);
    }

    public LiveStream(Rooms rooms, Function<String, Optional<Workshop>> workshopById) {
        this.rooms = rooms;
        this.workshopById = workshopById;
        timer.scheduleWithFixedDelay(this::safeTick, READ_EVERY_MS, READ_EVERY_MS, TimeUnit.MILLISECONDS);
    }

    /** Keeps an instructor's room stream open until the browser leaves. */
    public void room(Client client, String workshopId, RowMarkup rows) {
        List<Listener> list = rooms_.computeIfAbsent(workshopId, k -> new CopyOnWriteArrayList<>());
        Listener l = new Listener(client, rows);
        list.add(l);
        client.onClose(() -> list.remove(l));
        client.connected();
    }

    /**
     * Keeps a learner's page stream open until the browser leaves; workshop changes made before
     * {@code sinceMs} (when the page was made) are not sent, so the learner's own join does not reload the page it led to.
     */
    public void learner(Client client, String workshopId, String learnerId, long sinceMs) {
        List<Watcher> list = learners.computeIfAbsent(workshopId, k -> new CopyOnWriteArrayList<>());
        Watcher w = new Watcher(client, learnerId, sinceMs);
        list.add(w);
        client.onClose(() -> list.remove(w));
        client.connected();
    }

    private void safeTick() {
        try {
            tick();
        } catch (RuntimeException e) {
            LOG.warn("live updates: reading the room events failed; trying again", e);
        }
    }

    private void tick() {
        if (rooms_.values().stream().allMatch(List::isEmpty) && learners.values().stream().allMatch(List::isEmpty)) return;
        Map<String, java.util.Set<String>> rows = new LinkedHashMap<>();
        Map<String, Long> whole = new LinkedHashMap<>(); // workshop -> its latest whole-room change
        long oldest = Long.MAX_VALUE;
        for (Activity.Event e : rooms.activity().recent()) {
            oldest = Math.min(oldest, e.atMs());
            if (passed.putIfAbsent(e.id(), e.atMs()) != null) continue;
            if (e.sandboxId() != null) toldLearner(e);
            if (e.wholeRoom()) whole.merge(e.workshopId(), e.atMs(), Math::max);
            else rows.computeIfAbsent(e.workshopId(), k -> new java.util.LinkedHashSet<>()).add(e.learnerId());
        }
        long floor = oldest;
        passed.values().removeIf(at -> at < floor - Activity.WINDOW_MS);
        whole.forEach((w, at) -> {
            for (Listener l : rooms_.getOrDefault(w, List.of())) send(l.client(), "grid", "changed");
            for (Watcher c : learners.getOrDefault(w, List.of())) if (at >= c.sinceMs()) send(c.client(), "home", "changed");
        });
        for (Map.Entry<String, java.util.Set<String>> e : rows.entrySet()) {
            List<Listener> listeners = rooms_.getOrDefault(e.getKey(), List.of());
            if (listeners.isEmpty()) continue;
            Optional<Workshop> w = workshopById.apply(e.getKey());
            if (w.isEmpty()) continue;
            for (String learnerId : e.getValue()) {
                Optional<Room.LearnerRow> row = rooms.row(w.get(), learnerId);
                if (row.isEmpty()) continue;
                for (Listener l : listeners) send(l.client(), "row-" + learnerId, l.rows().html(w.get(), row.get()).replace('\n', ' '));
            }
            for (Listener l : listeners) send(l.client(), "changed", "row");
        }
    }

    /** The learner's open page of that sandbox refreshes and shows the notice (HTML-escaped). */
    private void toldLearner(Activity.Event e) {
        String text = e.notice() == null ? "Your instructor changed this sandbox." : e.notice();
        String html = "<p class=\"notice notice--warn\">" + org.unbescape.html.HtmlEscape.escapeHtml5Xml(text) + "</p>";
        for (Watcher c : learners.getOrDefault(e.workshopId(), List.of())) {
            if (c.learnerId().equals(e.learnerId())) send(c.client(), "sandbox-" + e.sandboxId(), html);
        }
    }

    private static void send(Client client, String event, String data) {
        if (!client.terminated()) client.sendEvent(event, data);
    }

    @Override
    public void close() {
        timer.shutdownNow();
        rooms_.values().forEach(list -> list.forEach(l -> l.client().close()));
        learners.values().forEach(list -> list.forEach(w -> w.client().close()));
    }
}

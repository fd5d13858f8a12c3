package cloudlab.workshop;

import cloudlab.sim.Command;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The live streams: a change made on this server reaches the open streams without the database
 * read (here set to once an hour), a change made on another server arrives through the database,
 * and a browser that stops reading holds back no one else.
 */
class LiveStreamTest {
    static final long AN_HOUR = Duration.ofHours(1).toMillis();
    @TempDir
    static Path folder;
    static Room1 lab;

    @BeforeAll
    static void open() {
        lab = new Room1(folder);
    }

    @AfterAll
    static void close() {
        lab.close();
    }

    /** The browser's end of one stream: what arrived, in order; with a gate, each write waits until it opens. */
    static final class Browser implements LiveStream.Client {
        final BlockingQueue<String> arrived = new LinkedBlockingQueue<>();
        final CountDownLatch gate;
        volatile boolean closed;
        volatile Runnable leave = () -> { };

        Browser(CountDownLatch gate) {
            this.gate = gate;
        }

        Browser() {
            this(new CountDownLatch(0));
        }

        public void connected() {
        }

        public void onClose(Runnable leave) {
            this.leave = leave;
        }

        public boolean terminated() {
            return closed;
        }

        public void sendEvent(String event, String data) {
            try {
                gate.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            arrived.add(event + " " + data);
        }

        public void close() {
            closed = true;
            leave.run();
        }

        /** The data of the first event of that name to arrive (skipping others); fails after 20 s. */
        String next(String event) throws InterruptedException {
            for (String e; (e = arrived.poll(20, TimeUnit.SECONDS)) != null; ) if (e.startsWith(event + " ")) return e.substring(event.length() + 1);
            throw new AssertionError("no " + event + " arrived");
        }
    }

    private static String touched(Workshop w, String learnerId) {
        lab.rooms.seen(lab.workshops.current(learnerId).orElseThrow());
        return learnerId;
    }

    private static LiveStream.RowMarkup rowsAsNames() {
        return (w, r) -> "<tr>" + r.member().displayName() + "</tr>";
    }

    @Test
    void aLearnersChangeOnThisServerReachesTheRoomWithoutTheDatabaseRead() throws Exception {
        Workshop w = lab.workshop(Room1.TWO_ZONES);
        String ana = lab.joined(w, "Ana");
        String ben = lab.joined(w, "Ben");
        try (LiveStream live = new LiveStream(lab.rooms, lab.workshops::byId, AN_HOUR)) {
            Browser room = new Browser();
            live.room(room, w.id(), rowsAsNames());
            touched(w, ana);
            assertEquals("<tr>Ana</tr>", room.next("row-" + ana)); // the first change also makes the one read of the hour
            assertTrue(lab.sandboxes.submit(ben, lab.member(w, ben).sandboxId(), new Command.Fail("use1-az1")).accepted());
            touched(w, ben);
            assertEquals("<tr>Ben</tr>", room.next("row-" + ben), "heard on this server, not read back an hour later");
            assertEquals("row", room.next("changed"));
        }
    }

    @Test
    void anInstructorsStepReachesTheLearnersOpenSandboxPageWithTheNotice() throws Exception {
        Workshop w = lab.workshop(Room1.TWO_ZONES);
        String ana = lab.joined(w, "Ana");
        String sandbox = lab.member(w, ana).sandboxId();
        try (LiveStream live = new LiveStream(lab.rooms, lab.workshops::byId, AN_HOUR)) {
            Browser page = new Browser();
            live.learner(page, w.id(), ana, System.currentTimeMillis());
            touched(w, ana); // wakes the reader for its one read of the hour
            lab.rooms.steering().chaos(w, "use1-az1", "fail");
            assertEquals("<p class=\"notice notice--warn\">Your instructor failed use1-az1</p>", page.next("sandbox-" + sandbox));
        }
    }

    @Test
    void aChangeMadeOnAnotherServerArrivesThroughTheDatabase() throws Exception {
        Workshop w = lab.workshop(Room1.TWO_ZONES);
        String ana = lab.joined(w, "Ana");
        Rooms otherServer = lab.later(Duration.ZERO); // the same database, its own memory
        try (LiveStream live = new LiveStream(otherServer, lab.workshops::byId, 20)) {
            Browser room = new Browser();
            live.room(room, w.id(), rowsAsNames());
            touched(w, ana);
            assertEquals("<tr>Ana</tr>", room.next("row-" + ana), "this server never heard it: it read it");
        }
    }

    @Test
    void aBrowserThatStopsReadingHoldsBackNoOtherStream() throws Exception {
        Workshop w = lab.workshop(Room1.TWO_ZONES);
        String ana = lab.joined(w, "Ana");
        String ben = lab.joined(w, "Ben");
        CountDownLatch stuck = new CountDownLatch(1);
        try (LiveStream live = new LiveStream(lab.rooms, lab.workshops::byId, AN_HOUR)) {
            Browser slow = new Browser(stuck);
            Browser projector = new Browser();
            live.room(slow, w.id(), rowsAsNames());
            live.room(projector, w.id(), rowsAsNames());
            touched(w, ana);
            assertEquals("<tr>Ana</tr>", projector.next("row-" + ana));
            touched(w, ben);
            assertEquals("<tr>Ben</tr>", projector.next("row-" + ben), "the second change too, while the first browser has read nothing");
            assertTrue(slow.arrived.isEmpty());
            stuck.countDown();
            assertEquals("<tr>Ana</tr>", slow.next("row-" + ana));
            assertEquals("<tr>Ben</tr>", slow.next("row-" + ben), "and the slow one gets everything, in order, once it reads");
        } finally {
            stuck.countDown();
        }
    }
}

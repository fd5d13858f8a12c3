package cloudlab.access;

import cloudlab.common.Tokens;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Counts events per key in a sliding window: "at most N of these in the last T". Keys name what
 * is limited (an instructor's name from one address, a workshop code, an address), so a whole
 * classroom behind one NAT address joining one workshop is limited by the workshop, not by the
 * address, and nobody can use up a limit that guards someone else ({@link Addresses} says which
 * address a request comes from); checking and counting are one step, so parallel requests cannot
 * all pass a check that only the first should. Time comes from the clock given, so a test moves it.
 */
public class Limits {
    /** Wrong passwords for one name from one address in {@link #SIGN_IN_WINDOW}, before that pair waits. */
    public static final int WRONG_PASSWORDS = 5;
    /** Sign-in attempts from one address, whatever the names, in {@link #SIGN_IN_WINDOW}. */
    public static final int SIGN_INS_PER_ADDRESS = 30;
    public static final Duration SIGN_IN_WINDOW = Duration.ofMinutes(15);
    /** Password hashes computed at once: each takes a core for a good fraction of a second. */
    public static final int HASHES_AT_ONCE = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
    /** Sign-ins that may wait for a hash; more are told the lab is busy. */
    public static final int HASH_QUEUE = 32;
    public static final Duration HASH_WAIT = Duration.ofSeconds(30);
    /** Joins one workshop may take per minute: a whole lecture hall at once, not a flood. */
    public static final int JOINS_PER_WORKSHOP_PER_MINUTE = 600;

    /** A code people type, guessed wrong at most so many times a minute from one address: typos pass, guessing does not. */
    public enum Guess {
        JOIN_CODE("join-miss:", 60), RESUME_CODE("resume-miss:", 30);

        private final String prefix;
        /** Wrong codes of this kind one address may send per minute. */
        public final int perMinute;

        Guess(String prefix, int perMinute) {
            this.prefix = prefix;
            this.perMinute = perMinute;
        }
    }

    /**
     * Quiz answers one address may check through the API per minute without a token: a script
     * checking practice answers, not a sweep of the answer space. (The contract's stateless calls,
     * simulate and grade, reveal nothing a learner's page would not and stay open.)
     */
    public static final int API_CALLS_PER_MINUTE = 600;

    private static final int MAX_KEYS = 100_000;
    private static final Duration LONGEST_WINDOW = Duration.ofHours(1);
    private final Clock clock;
    private final Map<String, Deque<Long>> events = new HashMap<>();
    private final Semaphore hashing = new Semaphore(HASHES_AT_ONCE, true);
    private final AtomicInteger waitingForHash = new AtomicInteger();

    public Limits(Clock clock) {
        this.clock = clock;
    }

    /** A place taken under one or more keys at one moment; see {@link #giveBack}. */
    public record Ticket(List<String> keys, long at) {
    }

    /** Refused because too many slow sign-ins are already waiting. */
    public static final class Busy extends RuntimeException {
        Busy() {
            super("too many sign-ins at once", null, false, false);
        }
    }

    /** Whether another event under the key fits in the window; if so it is counted. */
    public boolean tryAcquire(String key, int max, Duration window) {
        return take(List.of(key), List.of(max), window).isPresent();
    }

    /**
     * Takes a place under every key at once, each within its own maximum in the window, or under
     * none when any of them is full: the check and the count are one step.
     */
    public synchronized Optional<Ticket> take(List<String> keys, List<Integer> max, Duration window) {
        long now = clock.millis();
        if (events.size() > MAX_KEYS) prune(now);
        for (int i = 0; i < keys.size(); i++) {
            Deque<Long> q = events.get(keys.get(i));
            if (q == null) continue;
            while (!q.isEmpty() && q.peekFirst() <= now - window.toMillis()) q.pollFirst();
            if (q.size() >= max.get(i)) return Optional.empty();
        }
        for (String key : keys) events.computeIfAbsent(key, k -> new ArrayDeque<>()).addLast(now);
        return Optional.of(new Ticket(List.copyOf(keys), now));
    }

    /** Gives a place back: what it counted did not happen after all (the password was right). */
    public synchronized void giveBack(Ticket ticket) {
        for (String key : ticket.keys()) {
            Deque<Long> q = events.get(key);
            if (q != null) q.removeLastOccurrence(ticket.at());
        }
    }

    /** How many events under the key are in the window, without counting a new one. */
    public synchronized int count(String key, Duration window) {
        Deque<Long> q = events.get(key);
        if (q == null) return 0;
        long now = clock.millis();
        while (!q.isEmpty() && q.peekFirst() <= now - window.toMillis()) q.pollFirst();
        return q.size();
    }

    /** Records an event without checking (a failure to count toward a later limit). */
    public synchronized void record(String key) {
        events.computeIfAbsent(key, k -> new ArrayDeque<>()).addLast(clock.millis());
    }

    /** Whether this address has guessed this kind of code wrong too often in the last minute (its next try is refused). */
    public boolean guessing(Guess kind, String address) {
        return count(kind.prefix + address, Duration.ofMinutes(1)) >= kind.perMinute;
    }

    /** Counts a wrong code of this kind from this address. */
    public void missed(Guess kind, String address) {
        record(kind.prefix + address);
    }

    /** Whether the workshop with this code may take one more join this minute; if so it is counted. */
    public boolean joinFits(String workshopCode) {
        return tryAcquire("join:" + workshopCode, JOINS_PER_WORKSHOP_PER_MINUTE, Duration.ofMinutes(1));
    }

    /** Whether an API call without a token from this address fits in {@link #API_CALLS_PER_MINUTE}; if so it is counted. */
    public boolean anonymousApiCall(String address) {
        return tryAcquire("api:" + address, API_CALLS_PER_MINUTE, Duration.ofMinutes(1));
    }

    /**
     * A place for one sign-in attempt, taken before the password is checked: at most
     * {@link #WRONG_PASSWORDS} for this name from this address and {@link #SIGN_INS_PER_ADDRESS}
     * from this address in {@link #SIGN_IN_WINDOW}. Give it back when the password was right.
     * Someone elsewhere guessing the name does not lock its instructor out.
     */
    public Optional<Ticket> signInAttempt(String name, String address) {
        String who = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        if (who.length() > 64) who = Tokens.sha256Hex(who);
        return take(List.of("sign-in:" + who + "@" + address, "sign-in-from:" + address),
                List.of(WRONG_PASSWORDS, SIGN_INS_PER_ADDRESS), SIGN_IN_WINDOW);
    }

    /**
     * Runs slow work (a password hash) at most {@link #HASHES_AT_ONCE} at a time, the rest waiting
     * in a queue of {@link #HASH_QUEUE} for at most {@link #HASH_WAIT}.
     *
     * @throws Busy when the queue is full or the wait runs out
     */
    public <T> T slowly(Supplier<T> work) {
        if (waitingForHash.incrementAndGet() > HASH_QUEUE) {
            waitingForHash.decrementAndGet();
            throw new Busy();
        }
        try {
            if (!hashing.tryAcquire(HASH_WAIT.toMillis(), TimeUnit.MILLISECONDS)) throw new Busy();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Busy();
        } finally {
            waitingForHash.decrementAndGet();
        }
        try {
            return work.get();
        } finally {
            hashing.release();
        }
    }

    /** How many are waiting for {@link #slowly} now. */
    public int waitingForHash() {
        return waitingForHash.get();
    }

    /** Forgets keys with nothing in the longest window any limit uses (an hour). */
    private void prune(long now) {
        for (Iterator<Map.Entry<String, Deque<Long>>> it = events.entrySet().iterator(); it.hasNext(); ) {
            Deque<Long> q = it.next().getValue();
            if (q.isEmpty() || q.peekLast() <= now - LONGEST_WINDOW.toMillis()) it.remove();
        }
    }
}

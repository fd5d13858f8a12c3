package cloudlab.web;

import cloudlab.common.Tokens;
import io.javalin.http.Context;

import java.net.InetAddress;
import java.net.UnknownHostException;
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
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Counts events per key in a sliding window: "at most N of these in the last T". Keys name what
 * is limited (an instructor's name from one address, a workshop code, an address), so a whole
 * classroom behind one NAT address joining one workshop is limited by the workshop, not by the
 * address, and nobody can use up a limit that guards someone else. Addresses are the client's as
 * a configured trusted proxy forwards it ({@link #client}); checking and counting are one step,
 * so parallel requests cannot all pass a check that only the first should.
 */
final class RateLimiter {
    /** Wrong passwords for one name from one address in {@link #SIGN_IN_WINDOW}, before that pair waits. */
    static final int WRONG_PASSWORDS = 5;
    /** Sign-in attempts from one address, whatever the names, in {@link #SIGN_IN_WINDOW}. */
    static final int SIGN_INS_PER_ADDRESS = 30;
    static final Duration SIGN_IN_WINDOW = Duration.ofMinutes(15);
    /** Password hashes computed at once: each takes a core for a good fraction of a second. */
    static final int HASHES_AT_ONCE = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
    /** Sign-ins that may wait for a hash; more are told the lab is busy. */
    static final int HASH_QUEUE = 32;
    static final Duration HASH_WAIT = Duration.ofSeconds(30);

    private static final int MAX_KEYS = 100_000;
    private static final Duration LONGEST_WINDOW = Duration.ofHours(1);
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");
    private final Clock clock;
    private final Set<String> trustedProxies;
    private final Map<String, Deque<Long>> events = new HashMap<>();
    private final Semaphore hashing = new Semaphore(HASHES_AT_ONCE, true);
    private final AtomicInteger waitingForHash = new AtomicInteger();

    RateLimiter(Clock clock) {
        this(clock, Set.of());
    }

    /** Limits whose addresses come through the given reverse proxies (IP addresses). */
    RateLimiter(Clock clock, Set<String> trustedProxies) {
        this.clock = clock;
        java.util.HashSet<String> normal = new java.util.HashSet<>();
        for (String p : trustedProxies) {
            String ip = ipLiteral(p);
            if (ip == null) throw new IllegalArgumentException("trusted proxy: " + p + " is not an IP address");
            normal.add(ip);
        }
        this.trustedProxies = Set.copyOf(normal);
    }

    /** A place taken under one or more keys at one moment; see {@link #giveBack}. */
    record Ticket(List<String> keys, long at) {
    }

    /** Refused because too many slow sign-ins are already waiting. */
    static final class Busy extends RuntimeException {
        Busy() {
            super("too many sign-ins at once", null, false, false);
        }
    }

    /** Whether another event under the key fits in the window; if so it is counted. */
    boolean tryAcquire(String key, int max, Duration window) {
        return take(List.of(key), List.of(max), window).isPresent();
    }

    /**
     * Takes a place under every key at once, each within its own maximum in the window, or under
     * none when any of them is full: the check and the count are one step.
     */
    synchronized Optional<Ticket> take(List<String> keys, List<Integer> max, Duration window) {
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
    synchronized void giveBack(Ticket ticket) {
        for (String key : ticket.keys()) {
            Deque<Long> q = events.get(key);
            if (q != null) q.removeLastOccurrence(ticket.at());
        }
    }

    /** How many events under the key are in the window, without counting a new one. */
    synchronized int count(String key, Duration window) {
        Deque<Long> q = events.get(key);
        if (q == null) return 0;
        long now = clock.millis();
        while (!q.isEmpty() && q.peekFirst() <= now - window.toMillis()) q.pollFirst();
        return q.size();
    }

    /** Records an event without checking (a failure to count toward a later limit). */
    synchronized void record(String key) {
        events.computeIfAbsent(key, k -> new ArrayDeque<>()).addLast(clock.millis());
    }

    /**
     * A place for one sign-in attempt, taken before the password is checked: at most
     * {@link #WRONG_PASSWORDS} for this name from this address and {@link #SIGN_INS_PER_ADDRESS}
     * from this address in {@link #SIGN_IN_WINDOW}. Give it back when the password was right.
     * Someone elsewhere guessing the name does not lock its instructor out.
     */
    Optional<Ticket> signInAttempt(String name, String address) {
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
    <T> T slowly(Supplier<T> work) {
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
    int waitingForHash() {
        return waitingForHash.get();
    }

    /** The client's address for limits: see {@link #client(String, String, Set)}. */
    String client(Context ctx) {
        return client(ctx.req().getRemoteAddr(), ctx.header("X-Forwarded-For"), trustedProxies);
    }

    /**
     * The address a request comes from: the direct peer, unless the peer is a trusted proxy; then
     * the nearest address in {@code X-Forwarded-For} (read from the right) that is not a trusted
     * proxy itself. Anyone else's {@code X-Forwarded-For} is ignored, so a client cannot pick the
     * address it is counted under.
     */
    static String client(String peer, String forwardedFor, Set<String> trusted) {
        String direct = ipLiteral(peer);
        if (direct == null) return peer == null ? "" : peer;
        if (!trusted.contains(direct) || forwardedFor == null) return direct;
        String[] hops = forwardedFor.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String ip = ipLiteral(hops[i].strip());
            if (ip == null) return direct; // the chain is garbled past what we trust
            if (!trusted.contains(ip)) return ip;
        }
        return direct;
    }

    /** The IP address written in the text, in one normal form, or null when it is not one (no name is looked up). */
    static String ipLiteral(String text) {
        if (text == null) return null;
        String t = text.strip();
        if (t.startsWith("[") && t.endsWith("]")) t = t.substring(1, t.length() - 1);
        if (!(IPV4.matcher(t).matches() || IPV6.matcher(t).matches()) || t.length() > 45) return null;
        try {
            return InetAddress.getByName(t).getHostAddress();
        } catch (UnknownHostException | SecurityException e) {
            return null;
        }
    }

    /** Forgets keys with nothing in the longest window any limit uses (an hour). */
    private void prune(long now) {
        for (Iterator<Map.Entry<String, Deque<Long>>> it = events.entrySet().iterator(); it.hasNext(); ) {
            Deque<Long> q = it.next().getValue();
            if (q.isEmpty() || q.peekLast() <= now - LONGEST_WINDOW.toMillis()) it.remove();
        }
    }
}

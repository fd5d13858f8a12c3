package cloudlab.web;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts events per key in a sliding window: "at most N of these in the last T". Keys name what
 * is limited (an instructor's name, a workshop code, an address), so a whole classroom behind one
 * NAT address joining one workshop is limited by the workshop, not by the address.
 */
final class RateLimiter {
    private static final int MAX_KEYS = 100_000;
    private final Clock clock;
    private final Map<String, Deque<Long>> events = new ConcurrentHashMap<>();

    RateLimiter(Clock clock) {
        this.clock = clock;
    }

    /** Whether another event under the key fits in the window; if so it is counted. */
    boolean tryAcquire(String key, int max, Duration window) {
        long now = clock.millis();
        if (events.size() > MAX_KEYS) prune(now, window);
        Deque<Long> q = events.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (q) {
            while (!q.isEmpty() && q.peekFirst() <= now - window.toMillis()) q.pollFirst();
            if (q.size() >= max) return false;
            q.addLast(now);
            return true;
        }
    }

    /** How many events under the key are in the window, without counting a new one. */
    int count(String key, Duration window) {
        Deque<Long> q = events.get(key);
        if (q == null) return 0;
        long now = clock.millis();
        synchronized (q) {
            while (!q.isEmpty() && q.peekFirst() <= now - window.toMillis()) q.pollFirst();
            return q.size();
        }
    }

    /** Records an event without checking (a failure to count toward a later limit). */
    void record(String key) {
        Deque<Long> q = events.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (q) {
            q.addLast(clock.millis());
        }
    }

    private void prune(long now, Duration window) {
        for (Iterator<Map.Entry<String, Deque<Long>>> it = events.entrySet().iterator(); it.hasNext(); ) {
            Deque<Long> q = it.next().getValue();
            synchronized (q) {
                if (q.isEmpty() || q.peekLast() <= now - window.toMillis()) it.remove();
            }
        }
    }
}

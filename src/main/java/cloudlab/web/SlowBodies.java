package cloudlab.web;

import org.eclipse.jetty.http.BadMessageException;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.QoSHandler;
import org.eclipse.jetty.util.Callback;

import java.time.Duration;

/**
 * Bounds what clients that send their request body slowly can hold. Requests that carry a body
 * (POST, PUT, PATCH, DELETE) are let in {@link #AT_ONCE} at a time by Jetty's {@link QoSHandler};
 * the rest wait without a thread (up to {@link #MOST_WAITING}, each at most {@link #LONGEST_WAIT},
 * then 503). So a few hundred trickling connections hold at most {@link #AT_ONCE} threads, and
 * pages, {@code /healthz} and every GET keep their threads. A body that, after {@link #GRACE},
 * has come in slower than {@link #MIN_BYTES_PER_SECOND} on average is cut off (408), so a trickle
 * frees its place within seconds. (Jetty 12 keeps {@code HttpConfiguration.setMinRequestDataRate}
 * but no longer enforces it, hence the check here.)
 */
final class SlowBodies extends QoSHandler {
    static final int AT_ONCE = 48;
    static final int MOST_WAITING = 2_000;
    static final Duration LONGEST_WAIT = Duration.ofSeconds(15);
    static final long MIN_BYTES_PER_SECOND = 2_048;
    static final Duration GRACE = Duration.ofSeconds(3);

    SlowBodies() {
        setMaxRequestCount(AT_ONCE);
        setMaxSuspendedRequestCount(MOST_WAITING);
        setMaxSuspend(LONGEST_WAIT);
        setRejectStatusCode(HttpStatus.SERVICE_UNAVAILABLE_503);
        includeMethod("POST", "PUT", "PATCH", "DELETE");
    }

    @Override
    public boolean onConditionsMet(Request request, Response response, Callback callback) throws Exception {
        return super.onConditionsMet(new MinimumRate(request), response, callback);
    }

    /** A request whose body is refused once it arrives slower than the minimum rate. */
    static final class MinimumRate extends Request.Wrapper {
        private final long start = System.nanoTime();
        private long bytes;

        MinimumRate(Request request) {
            super(request);
        }

        @Override
        public Content.Chunk read() {
            Content.Chunk chunk = super.read();
            if (chunk == null || Content.Chunk.isFailure(chunk)) return chunk;
            bytes += chunk.remaining();
            if (chunk.isLast()) return chunk;
            long millis = (System.nanoTime() - start) / 1_000_000;
            if (millis > GRACE.toMillis() && bytes * 1000 < MIN_BYTES_PER_SECOND * millis) {
                chunk.release();
                BadMessageException slow = new BadMessageException(HttpStatus.REQUEST_TIMEOUT_408,
                        "the request body came in slower than " + MIN_BYTES_PER_SECOND + " bytes a second");
                super.fail(slow);
                return Content.Chunk.from(slow, true);
            }
            return chunk;
        }
    }
}

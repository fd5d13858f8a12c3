package cloudlab.server;

import io.javalin.http.Context;
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
public final class SlowBodies extends QoSHandler {
    static final int AT_ONCE = 48;
    static final int MOST_WAITING = 2_000;
    static final Duration LONGEST_WAIT = Duration.ofSeconds(15);
    static final long MIN_BYTES_PER_SECOND = 2_048;
    static final Duration GRACE = Duration.ofSeconds(3);

    public SlowBodies() {
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

    /** The most of a request body the lab reads only to throw it away; more than this and the connection ends. */
    static final long MOST_TO_DISCARD = 16L * 1024 * 1024;
    /**
     * How long a blocking read of a request body or write of an answer may wait without a byte
     * moving (Jetty's connector waits 30 s): a client that stops sending its body holds a thread
     * no longer than this.
     */
    public static final long IO_IDLE_MILLIS = 10_000;

    /**
     * Reads and drops whatever the handler left of the request body, before the answer goes out.
     * When a client sends its CSRF token in the header (a script; the test client), a handler that
     * needs no form field never reads the body; a refused post (a 413, a forged form, a 404) may
     * not read it either. If part of that body is still on its way when the answer is done, Jetty
     * resets the connection (its guard against a client that never finishes), and a page sent in
     * chunks is cut off mid-way. At most {@link #MOST_TO_DISCARD} is read, each wait bounded by
     * {@link #IO_IDLE_MILLIS}; past either, and for a client still waiting for "100 Continue"
     * (reading would invite it to send a body nobody reads), the answer says the connection
     * closes, and goes out whole.
     */
    public static void readRestOfBody(Context ctx) {
        jakarta.servlet.http.HttpServletRequest req = ctx.req();
        if (req.getContentLengthLong() <= 0 && req.getHeader("Transfer-Encoding") == null) return;
        if ("100-continue".equalsIgnoreCase(req.getHeader("Expect"))) {
            // even asking the body whether it is finished makes Jetty send "100 Continue"
            ctx.header("Connection", "close");
            return;
        }
        try {
            jakarta.servlet.ServletInputStream in = req.getInputStream();
            if (in.isFinished()) return;
            byte[] buffer = new byte[16 * 1024];
            long left = MOST_TO_DISCARD;
            int n;
            while (left > 0 && (n = in.read(buffer, 0, (int) Math.min(buffer.length, left))) >= 0) left -= n;
            if (!in.isFinished()) ctx.header("Connection", "close");
        } catch (java.io.IOException | RuntimeException e) {
            // the client stopped sending or went away, or the body was read another way (a reader,
            // a multipart part): the connection has nothing more to give
            ctx.header("Connection", "close");
        }
    }
}

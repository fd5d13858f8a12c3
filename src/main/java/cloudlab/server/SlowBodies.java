package cloudlab.server;

import io.javalin.http.ContentTooLargeResponse;
import io.javalin.http.Context;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.QoSHandler;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Bounds what clients that send their request body slowly can hold. A request body is read here,
 * before the lab sees the request, without a thread: each piece is copied as it arrives (Jetty
 * calls back when there is more) and the request goes on only once its body is whole. So a few
 * hundred trickling connections hold no thread and no place in the line below; a body that,
 * after {@link #GRACE}, has come in slower than {@link #MIN_BYTES_PER_SECOND} on average is cut
 * off (408), and one that stops is ended by the connection's idle timeout (408).
 *
 * <p>A body over the lab's limit is not read: when its {@code Content-Length} says so (or, sent in
 * chunks, once it passes the limit) the request goes on at once with a body that reads as over
 * the limit, so the lab answers its own 413. A body at most {@link #MOST_OVER_LIMIT_KEPT} over the
 * limit is then read to its end and dropped, without a thread (no more than reading one at the
 * limit costs), so that the connection serves the client's next request. A bigger one, or one sent
 * in chunks, is answered with {@code Connection: close}; after the answer at most
 * {@link #MOST_LINGER} more of it is read, so that a client still sending reads the 413 before the
 * connection ends, and then it ends: the lab does not read megabytes only to throw them away.
 *
 * <p>Whole requests that carry a body are then let in {@link #AT_ONCE} at a time by Jetty's
 * {@link QoSHandler}; the rest wait without a thread (up to {@link #MOST_WAITING}, each at most
 * {@link #LONGEST_WAIT}, then 503). At most {@link #MOST_LOADING} bodies and {@link #MOST_BYTES_LOADING}
 * bytes are on their way in at once; past either, a new body is turned away with a 503.
 */
public final class SlowBodies extends Handler.Wrapper {
    static final int AT_ONCE = 48;
    static final int MOST_WAITING = 2_000;
    static final Duration LONGEST_WAIT = Duration.ofSeconds(15);
    static final long MIN_BYTES_PER_SECOND = 2_048;
    static final Duration GRACE = Duration.ofSeconds(3);
    static final int MOST_LOADING = 1_000;
    /** As much as {@link #AT_ONCE} handlers reading bodies at the limit held before. */
    static final long MOST_BYTES_LOADING = 48L * 1024 * 1024;
    /**
     * How far over the limit a body with a {@code Content-Length} may be and still be read to its end
     * after its 413, so the connection stays open for the next request (a form a little too big).
     */
    static final long MOST_OVER_LIMIT_KEPT = 256L * 1024;
    /**
     * How much more of a bigger refused body is read after its 413, before the connection is closed:
     * enough that the answer is on its way before the client's unread bytes make the close a reset.
     */
    static final long MOST_LINGER = 64L * 1024;
    /**
     * How long a read of a request body or write of an answer may wait without a byte moving
     * (Jetty's connector waits 30 s): a client that stops sending its body is cut off after this.
     */
    public static final long IO_IDLE_MILLIS = 10_000;
    /** The request attribute that marks a request whose body was over the limit and was not read. */
    private static final String OVER_LIMIT = "cloudlab.server.SlowBodies.overLimit";

    private final long maxBody;
    /** What a body over the limit reads as: one byte more than the limit, all zero, shared read-only. */
    private final ByteBuffer overLimit;
    private final AtomicInteger loading = new AtomicInteger();
    private final AtomicLong bytesLoading = new AtomicLong();

    /** Bodies up to {@code maxBody} bytes are read whole before the lab's handler (inside) sees them. */
    public SlowBodies(long maxBody) {
        super(line());
        this.maxBody = maxBody;
        this.overLimit = ByteBuffer.allocate((int) maxBody + 1).asReadOnlyBuffer();
    }

    /** The line that whole requests with a body wait in, {@link #AT_ONCE} handled at a time. */
    private static QoSHandler line() {
        QoSHandler line = new QoSHandler();
        line.setMaxRequestCount(AT_ONCE);
        line.setMaxSuspendedRequestCount(MOST_WAITING);
        line.setMaxSuspend(LONGEST_WAIT);
        line.setRejectStatusCode(HttpStatus.SERVICE_UNAVAILABLE_503);
        line.includeMethod("POST", "PUT", "PATCH", "DELETE");
        return line;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        Handler next = getHandler();
        if (next == null) return false;
        long length = request.getHeaders().getLongField(HttpHeader.CONTENT_LENGTH);
        boolean chunked = request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING);
        if (length <= 0 && !chunked) return next.handle(request, response, callback);
        if (length > maxBody) {
            long drain = length - maxBody <= MOST_OVER_LIMIT_KEPT ? length : MOST_LINGER;
            if (drain < length) response.getHeaders().put(HttpHeader.CONNECTION, "close");
            return next.handle(new OverLimit(request), response, afterwards(request, callback, drain));
        }
        if (loading.incrementAndGet() > MOST_LOADING) {
            loading.decrementAndGet();
            Response.writeError(request, response, callback, HttpStatus.SERVICE_UNAVAILABLE_503, "too many request bodies on their way in");
            return true;
        }
        new Loading(next, request, response, callback, length).run();
        return true;
    }

    /** Reads a request's body a piece each time Jetty says one has come, with no thread waiting in between. */
    private abstract static class Reader implements Runnable {
        final Request request;
        private final long start = System.nanoTime();

        Reader(Request request) {
            this.request = request;
        }

        @Override
        public final void run() {
            while (true) {
                Content.Chunk chunk = request.read();
                if (chunk == null) {
                    request.demand(this);
                    return;
                }
                if (took(chunk)) return;
            }
        }

        /** Takes one piece (and releases it); true when the reading is over. */
        abstract boolean took(Content.Chunk chunk);

        /** Whether, after {@link #GRACE}, so many bytes mean the body is coming slower than the minimum rate. */
        final boolean slow(long bytes) {
            long millis = (System.nanoTime() - start) / 1_000_000;
            return millis > GRACE.toMillis() && bytes * 1000L < MIN_BYTES_PER_SECOND * millis;
        }
    }

    /** One body being read whole, then handed to the line. */
    private final class Loading extends Reader {
        private final Handler next;
        private final Response response;
        private final Callback callback;
        private byte[] body;
        private int size;

        Loading(Handler next, Request request, Response response, Callback callback, long length) {
            super(request);
            this.next = next;
            this.response = response;
            this.callback = callback;
            this.body = new byte[(int) Math.max(0, Math.min(length > 0 ? length : 4096, maxBody))];
        }

        @Override
        boolean took(Content.Chunk chunk) {
            if (Content.Chunk.isFailure(chunk)) {
                stop(HttpStatus.BAD_REQUEST_400, chunk.getFailure());
                return true;
            }
            int n = chunk.remaining();
            boolean last = chunk.isLast();
            if ((long) size + n > maxBody) {
                chunk.release();
                done();
                response.getHeaders().put(HttpHeader.CONNECTION, "close"); // its length is unknown: no telling how much is left
                dispatch(new OverLimit(request), afterwards(request, callback, MOST_LINGER));
                return true;
            }
            if (bytesLoading.addAndGet(n) > MOST_BYTES_LOADING) {
                chunk.release();
                bytesLoading.addAndGet(-n);
                stop(HttpStatus.SERVICE_UNAVAILABLE_503, null);
                return true;
            }
            if (size + n > body.length) body = Arrays.copyOf(body, (int) Math.min(maxBody, Math.max(size + n, 2L * body.length)));
            chunk.getByteBuffer().get(body, size, n);
            size += n;
            chunk.release();
            if (last) {
                Whole whole = new Whole(request, Arrays.copyOf(body, size));
                done();
                dispatch(whole, callback);
                return true;
            }
            if (slow(size)) {
                stop(HttpStatus.REQUEST_TIMEOUT_408, null);
                return true;
            }
            return false;
        }

        /** Frees what this body held in the bounds. */
        private void done() {
            loading.decrementAndGet();
            bytesLoading.addAndGet(-size);
            size = 0;
            body = null;
        }

        /** Refuses the request without the lab: too slow, stopped, cut short, badly framed or no room. */
        private void stop(int status, Throwable failure) {
            done();
            if (failure instanceof TimeoutException) status = HttpStatus.REQUEST_TIMEOUT_408;
            else if (failure instanceof HttpException h && h.getCode() >= 400 && h.getCode() < 500) status = h.getCode();
            String message = status == HttpStatus.REQUEST_TIMEOUT_408
                    ? "the request body came in slower than " + MIN_BYTES_PER_SECOND + " bytes a second"
                    : status == HttpStatus.SERVICE_UNAVAILABLE_503 ? "too many request bodies on their way in" : "the request body could not be read";
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
            Response.writeError(request, response, callback, status, message);
        }

        private void dispatch(Request ready, Callback then) {
            try {
                if (!next.handle(ready, response, then)) Response.writeError(ready, response, then, HttpStatus.NOT_FOUND_404);
            } catch (Throwable t) {
                Response.writeError(ready, response, then, t);
            }
        }
    }

    /** The request with its body, read whole, handed over in one piece. */
    private static final class Whole extends Request.Wrapper {
        private Content.Chunk body;

        Whole(Request request, byte[] bytes) {
            super(request);
            this.body = Content.Chunk.from(ByteBuffer.wrap(bytes), true);
        }

        @Override
        public Content.Chunk read() {
            Content.Chunk out = body;
            body = Content.Chunk.EOF;
            return out;
        }

        @Override
        public void demand(Runnable ready) {
            ready.run(); // the whole body is here
        }
    }

    /**
     * A request whose body is over the limit, and is not read off the wire: it reads as one byte more
     * than the limit of nothing (never the client's bytes), so the lab's own size check (Javalin's
     * limit, the API's) refuses it with its 413 in its own words, and then as a 413 failure.
     */
    private final class OverLimit extends Request.Wrapper {
        private boolean filled;

        OverLimit(Request request) {
            super(request);
            request.setAttribute(OVER_LIMIT, Boolean.TRUE);
        }

        @Override
        public Content.Chunk read() {
            if (filled) return Content.Chunk.from(new HttpException.RuntimeException(HttpStatus.PAYLOAD_TOO_LARGE_413, "the body is over " + maxBody + " bytes"), true);
            filled = true;
            return Content.Chunk.from(overLimit.duplicate(), false);
        }

        @Override
        public void demand(Runnable ready) {
            ready.run();
        }

        @Override
        public boolean consumeAvailable() {
            return false;
        }
    }

    /**
     * The callback of a request whose body the lab did not read: once the answer is out, at most
     * {@code most} more bytes of the body are read and dropped without a thread (no slower than the
     * minimum rate), so the client, still sending, hears the answer; a body not ended by then ends
     * its connection. Not for a client waiting for "100 Continue": reading would invite it to send a
     * body nobody reads.
     */
    private static Callback afterwards(Request request, Callback callback, long most) {
        if (request.getHeaders().contains(HttpHeader.EXPECT, "100-continue")) return callback;
        return Callback.from(() -> new Discard(request, callback, most).run(), callback::failed);
    }

    /** Reads and drops the rest of a body, up to a number of bytes, then ends the exchange. */
    private static final class Discard extends Reader {
        private final Callback callback;
        private final long most;
        private long bytes;

        Discard(Request request, Callback callback, long most) {
            super(request);
            this.callback = callback;
            this.most = most;
        }

        @Override
        boolean took(Content.Chunk chunk) {
            bytes += chunk.remaining();
            boolean end = chunk.isLast() || Content.Chunk.isFailure(chunk);
            chunk.release();
            if (!end && !slow(bytes) && bytes < most) return false;
            callback.succeeded(); // Jetty closes a connection whose body was not read to its end
            return true;
        }
    }

    /**
     * Refuses a request whose body was over the limit (413; the lab's error mapping words it) before
     * any other check or handler runs, since nothing they would do with it (make a learner, read the
     * form) can come to anything. Was: the handler ran, and Javalin copied the over-limit stand-in
     * (1 MiB) into memory before it refused.
     */
    public static void refuseOverLimit(Context ctx) {
        if (ctx.req().getAttribute(OVER_LIMIT) != null) throw new ContentTooLargeResponse("the body is over the limit");
    }

    /**
     * Reads and drops whatever the handler left of the request body, before the answer goes out.
     * Bodies up to the limit were read whole before the handler ran, so this only empties memory; a
     * body over the limit is left alone ({@link SlowBodies} has decided what becomes of it). For a
     * client still waiting for "100 Continue" the answer says the connection closes (even asking
     * the body whether it is finished would make Jetty send "100 Continue").
     */
    public static void readRestOfBody(Context ctx) {
        jakarta.servlet.http.HttpServletRequest req = ctx.req();
        if (req.getContentLengthLong() <= 0 && req.getHeader("Transfer-Encoding") == null) return;
        if ("100-continue".equalsIgnoreCase(req.getHeader("Expect"))) {
            ctx.header("Connection", "close");
            return;
        }
        if (req.getAttribute(OVER_LIMIT) != null) return;
        try {
            jakarta.servlet.ServletInputStream in = req.getInputStream();
            byte[] buffer = new byte[16 * 1024];
            while (!in.isFinished() && in.read(buffer) >= 0) {
                // dropped
            }
        } catch (java.io.IOException | RuntimeException e) {
            // a body read another way (a reader, a multipart part): the connection has nothing more to give here
            ctx.header("Connection", "close");
        }
    }
}

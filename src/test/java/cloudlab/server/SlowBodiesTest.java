package cloudlab.server;

import io.javalin.Javalin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The container as the lab sets it up ({@link Serving#configure}) with one route that reads a
 * form, on loopback: what trickling and oversized bodies can and cannot hold.
 */
class SlowBodiesTest {
    static final int LIMIT = 1024 * 1024;
    static Javalin app;
    static int port;

    @BeforeAll
    static void start() {
        app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            Serving.configure(config, LIMIT, StaticFiles.in(null), List.of());
            config.routes.post("/echo", ctx -> ctx.result("got " + ctx.formParam("x")));
        }).start("127.0.0.1", 0);
        port = app.port();
    }

    @AfterAll
    static void stop() {
        app.stop();
    }

    /** Was: 48 trickles held every place in the line, and a whole post waited behind them until they were cut off. */
    @Test
    void aWholePostIsAnsweredWhileMoreTricklesThanPlacesAreStillComingIn() throws Exception {
        List<Socket> trickles = new ArrayList<>();
        try {
            for (int i = 0; i < 2 * SlowBodies.AT_ONCE; i++) trickles.add(trickle(100_000));
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/echo"))
                    .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("x=hello")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode());
            assertEquals("got hello", r.body());
            int waiting = 0;
            for (Socket s : trickles) if (status(s, 20) == 0) waiting++;
            assertEquals(trickles.size(), waiting, "every trickle is still coming in: the post went past them, not after them");
        } finally {
            for (Socket s : trickles) s.close();
        }
    }

    @Test
    void aTrickleIsCutOffWith408OnceItIsSlowerThanTheMinimumRate() throws Exception {
        try (Socket s = trickle(100_000)) {
            int status = 0;
            for (int second = 0; second < 8 && status == 0; second++) {
                s.getOutputStream().write('x');
                status = status(s, 1000);
            }
            assertEquals(408, status);
        }
    }

    /** A client still sending a 2 MiB body hears the 413 before it has sent more than its first bytes. */
    @Test
    void aBodyOverTheLimitIsRefusedFromItsLengthBeforeItIsSent() throws Exception {
        try (Socket s = trickle(2 * LIMIT)) {
            assertEquals(413, status(s, 5_000));
        }
    }

    /** A form a little over the limit is read to its end after the 413, so the connection serves the next request. */
    @Test
    void aBodyALittleOverTheLimitIsAnswered413AndTheConnectionServesTheNextRequest() throws Exception {
        int length = LIMIT + 100_000;
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(head("POST /echo", length).getBytes(StandardCharsets.US_ASCII));
            out.write(("x=" + "y".repeat(length - 2)).getBytes(StandardCharsets.US_ASCII));
            String answer = answer(s.getInputStream());
            assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
            assertFalse(closes(answer), "the connection stays open: " + answer);
            out.write("GET /echo HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            String next = answer(s.getInputStream());
            assertTrue(next.startsWith("HTTP/1.1 "), "the same connection answers again: " + next);
        }
    }

    /**
     * A client sending 16 MiB hears the 413, told the connection closes, and the lab stops reading
     * long before the end, so the rest cannot be sent (was: all 16 MiB read and dropped).
     */
    @Test
    void aBodyFarOverTheLimitIsAnswered413AndTheConnectionClosesWithoutReadingIt() throws Exception {
        int length = 16 * 1024 * 1024;
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(10_000);
            CompletableFuture<Throwable> sending = CompletableFuture.supplyAsync(() -> {
                try {
                    OutputStream out = s.getOutputStream();
                    out.write(head("POST /echo", length).getBytes(StandardCharsets.US_ASCII));
                    byte[] piece = new byte[64 * 1024];
                    Arrays.fill(piece, (byte) 'y');
                    for (int sent = 0; sent < length; sent += piece.length) out.write(piece);
                    out.flush();
                    return null;
                } catch (IOException e) {
                    return e;
                }
            });
            String answer = answer(s.getInputStream());
            assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
            assertTrue(closes(answer), "the answer says the connection closes: " + answer);
            assertNotNull(sending.get(20, TimeUnit.SECONDS), "the connection ended before the client could send all 16 MiB");
        }
    }

    /** A body in chunks has no length to tell how much is left: past the limit it is refused and its connection closes. */
    @Test
    void aChunkedBodyOverTheLimitIsAnswered413AndTheConnectionCloses() throws Exception {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(("POST /echo HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            byte[] piece = new byte[64 * 1024];
            Arrays.fill(piece, (byte) 'y');
            for (int sent = 0; sent <= LIMIT; sent += piece.length) {
                out.write((Integer.toHexString(piece.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(piece);
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.flush();
            String answer = answer(s.getInputStream());
            assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
            assertTrue(closes(answer), "the answer says the connection closes: " + answer);
        }
    }

    private static String head(String requestLine, int length) {
        return requestLine + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                + "Content-Length: " + length + "\r\n\r\n";
    }

    /** The status line and headers of the next answer on the connection (its body, by Content-Length, read and dropped). */
    private static String answer(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int c = in.read();
            if (c < 0) throw new IOException("the connection ended after \"" + head + "\"");
            head.append((char) c);
        }
        Matcher length = Pattern.compile("(?i)content-length: *(\\d+)").matcher(head);
        if (length.find()) in.readNBytes(Integer.parseInt(length.group(1)));
        return head.toString();
    }

    private static boolean closes(String head) {
        return head.toLowerCase(Locale.ROOT).contains("connection: close");
    }

    /** A connection that announces a form body of that length and sends its first byte. */
    private static Socket trickle(int length) throws IOException {
        Socket s = new Socket("127.0.0.1", port);
        s.getOutputStream().write(("POST /echo HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                + "Content-Length: " + length + "\r\n\r\nx").getBytes(StandardCharsets.US_ASCII));
        return s;
    }

    /** The status the server answered on that connection within the wait, or 0 when it has said nothing yet. */
    private static int status(Socket s, int waitMillis) throws IOException {
        s.setSoTimeout(waitMillis);
        InputStream in = s.getInputStream();
        try {
            byte[] head = in.readNBytes(12);
            assertTrue(head.length == 12, "the server answered with a status line");
            return Integer.parseInt(new String(head, 9, 3, StandardCharsets.US_ASCII));
        } catch (SocketTimeoutException quiet) {
            return 0;
        }
    }
}

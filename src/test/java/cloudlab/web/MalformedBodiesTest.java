package cloudlab.web;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bodies the lab cannot read are refused with a 400 and a sentence, never a 500. */
class MalformedBodiesTest {
    @TempDir
    static Path folder;
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.startIn(folder);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** Was a 500: Javalin looked the charset up and threw. */
    @Test
    void aFormInAnUnknownCharsetIsA400() {
        WebClient learner = WebClient.browser(server);
        HttpResponse<String> r = learner.post("/sandboxes", "application/x-www-form-urlencoded; charset=bogus-9",
                HttpRequest.BodyPublishers.ofString("title=x&_csrf=" + WebClient.CSRF));
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(r.body().contains("charset"), r.body());
        HttpResponse<String> noToken = learner.post("/progress/resume", "application/x-www-form-urlencoded; charset=bogus-9",
                HttpRequest.BodyPublishers.ofString("code=x"));
        assertTrue(noToken.statusCode() == 400 || noToken.statusCode() == 403, noToken.statusCode() + " " + noToken.body());
    }

    @Test
    void theApiInAnUnknownCharsetIsA400InJson() {
        HttpResponse<String> r = WebClient.cookieless(server).post("/api/v1/simulate", "application/json; charset=bogus",
                HttpRequest.BodyPublishers.ofString("{\"layout\": {}}"));
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(r.body().startsWith("{") && r.body().contains("charset"), r.body());
    }

    @Test
    void aMalformedChunkedBodyIsA400() throws IOException {
        String answer = raw("POST /api/v1/simulate HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\nzz\r\n{}\r\n0\r\n\r\n");
        assertTrue(answer.startsWith("HTTP/1.1 400"), answer);
        String form = raw("POST /sandboxes HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                + "Cookie: cl_csrf=" + WebClient.CSRF + "\r\nX-CSRF-Token: " + WebClient.CSRF + "\r\n"
                + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n5\r\ntitle=x\r\n0\r\n\r\n");
        assertTrue(form.startsWith("HTTP/1.1 400"), form);
        assertFalse(form.contains("Exception"), form);
    }

    @Test
    void malformedMultipartIsA400() throws IOException {
        WebClient learner = WebClient.browser(server);
        String body = "--b\r\nContent-Disposition: form-data; name=\"layout\"\r\n\r\nname: x\r\n"; // never closed
        // over a connection of its own: the lab closes a connection whose body it could not read to
        // its end, and a pooled connection reused for the next request would read as "no bytes"
        String r = raw("POST /sandboxes/import HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: multipart/form-data; boundary=b\r\n"
                + "Cookie: cl_csrf=" + WebClient.CSRF + "\r\nX-CSRF-Token: " + WebClient.CSRF + "\r\n"
                + "Content-Length: " + body.length() + "\r\nConnection: close\r\n\r\n" + body);
        assertTrue(r.startsWith("HTTP/1.1 400"), r);
        assertFalse(r.contains("Exception"), r);
        HttpResponse<String> noBoundary = learner.post("/sandboxes/import", "multipart/form-data", HttpRequest.BodyPublishers.ofString(body));
        assertEquals(400, noBoundary.statusCode(), noBoundary.body());
        HttpResponse<String> badCharset = learner.post("/sandboxes/import", "multipart/form-data; boundary=b; charset=bogus-9",
                HttpRequest.BodyPublishers.ofString(body + "--b--\r\n"));
        assertEquals(400, badCharset.statusCode(), badCharset.body());
    }

    private static String raw(String request) throws IOException {
        try (Socket s = new Socket("127.0.0.1", server.uri("/").getPort())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            byte[] b = new byte[8192];
            int n;
            try {
                while ((n = in.read(b)) > 0) got.write(b, 0, n);
            } catch (java.net.SocketTimeoutException | java.net.SocketException stop) {
                // what came is the answer
            }
            return got.toString(StandardCharsets.UTF_8);
        }
    }
}

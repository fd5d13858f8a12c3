package cloudlab.server;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The page for requests the web container refuses before the lab sees them (a malformed or
 * ambiguous address, one far too long): the same plain words and security headers as the lab's
 * own refusals, instead of the container's bare page. Also what tells a request the container
 * cannot read (an unknown charset, a badly framed body) from a fault of ours.
 */
public final class ContainerErrors {
    /** The lab's content security policy: its own scripts, styles and images only, never in a frame. */
    public static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
            + "font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";
    /** The security headers of every answer, the lab's and the container's alike. */
    public static final java.util.Map<String, String> SECURITY_HEADERS = java.util.Map.of("Content-Security-Policy", CSP,
            "X-Content-Type-Options", "nosniff", "Referrer-Policy", "same-origin", "X-Frame-Options", "DENY");

    private ContainerErrors() {
    }

    /** For the server as a whole (bad request lines, addresses too long). */
    public static ErrorHandler server() {
        return new ErrorHandler() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                return ContainerErrors.writePage(request, response, callback);
            }
        };
    }

    /** For the servlet context (addresses it finds ambiguous or unsafe). */
    public static org.eclipse.jetty.ee10.servlet.ErrorHandler context() {
        return new org.eclipse.jetty.ee10.servlet.ErrorHandler() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                return ContainerErrors.writePage(request, response, callback);
            }
        };
    }

    static boolean writePage(Request request, Response response, Callback callback) {
        Object s = request.getAttribute(ErrorHandler.ERROR_STATUS);
        int status = s instanceof Integer i ? i : response.getStatus();
        if (status < 400) status = 400;
        String message = switch (status) {
            case 414 -> "That address is too long for the lab to read.";
            case 408 -> "The request came in too slowly; please try again.";
            case 503 -> "The lab is busy right now; please try again in a few seconds.";
            case 431 -> "The request's headers are too large.";
            case 404 -> "There is no page at that address.";
            case 413 -> "the body is over 1 MiB";
            default -> status >= 500 ? "Something went wrong on our side. Your work so far is saved; please try again."
                    : "That address is not one the lab can read: check it, or go back to the course.";
        };
        String html = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Cloud Lab</title>"
                + "<link rel=\"stylesheet\" href=\"/static/css/lab.css\"></head><body><main class=\"page page--narrow\">"
                + "<p class=\"eyebrow\">Error " + status + "</p><h1>That did not work</h1><p class=\"lede\">" + message + "</p>"
                + "<p><a class=\"button button--primary\" href=\"/\">Back to the course</a></p></main></body></html>";
        response.setStatus(status);
        if (status == 503) response.getHeaders().put("Retry-After", "5");
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/html; charset=utf-8");
        SECURITY_HEADERS.forEach(response.getHeaders()::put);
        response.write(true, ByteBuffer.wrap(html.getBytes(StandardCharsets.UTF_8)), callback);
        return true;
    }

    /**
     * Refuses a body in a character set the lab cannot decode, before anything reads it: the
     * container would throw on the first look at the form or the JSON (a 500 before).
     */
    public static void knownCharset(io.javalin.http.Context ctx) {
        String type = ctx.header("Content-Type");
        if (type == null) return;
        for (String part : type.split(";")) {
            String p = part.strip();
            if (!p.regionMatches(true, 0, "charset=", 0, 8)) continue;
            String name = p.substring(8).strip().replace("\"", "");
            boolean known;
            try {
                known = java.nio.charset.Charset.isSupported(name);
            } catch (IllegalArgumentException e) {
                known = false;
            }
            if (!known) {
                String shown = name.length() > 40 ? name.substring(0, 40) + "..." : name;
                throw new io.javalin.http.BadRequestResponse("Content-Type: the charset " + shown
                        + " is not one the lab can read; send UTF-8");
            }
        }
    }

    /**
     * The status for a fault of the client's making that surfaced while reading its request (a
     * badly framed chunked body, a body cut off for coming in too slowly), or 0 for our own fault.
     */
    public static int clientFault(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.eclipse.jetty.http.HttpException h && h.getCode() >= 400 && h.getCode() < 500) return h.getCode();
            if (t instanceof java.nio.charset.UnsupportedCharsetException || t instanceof java.nio.charset.IllegalCharsetNameException) return 400;
            if (t instanceof org.eclipse.jetty.io.EofException) return 400;
            if (t.getCause() == t) break;
        }
        return 0;
    }
}

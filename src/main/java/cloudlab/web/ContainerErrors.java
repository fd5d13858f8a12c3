package cloudlab.web;

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
 * own refusals, instead of the container's bare page.
 */
final class ContainerErrors {
    private ContainerErrors() {
    }

    /** For the server as a whole (bad request lines, addresses too long). */
    static ErrorHandler server() {
        return new ErrorHandler() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                return ContainerErrors.writePage(request, response, callback);
            }
        };
    }

    /** For the servlet context (addresses it finds ambiguous or unsafe). */
    static org.eclipse.jetty.ee10.servlet.ErrorHandler context() {
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
        response.getHeaders().put("Content-Security-Policy", App.CSP);
        response.getHeaders().put("X-Content-Type-Options", "nosniff");
        response.getHeaders().put("Referrer-Policy", "same-origin");
        response.getHeaders().put("X-Frame-Options", "DENY");
        response.write(true, ByteBuffer.wrap(html.getBytes(StandardCharsets.UTF_8)), callback);
        return true;
    }
}

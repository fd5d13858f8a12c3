package cloudlab.web;

import cloudlab.page.ErrorWords;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;

/**
 * The lab's one way of answering a refusal or a fault: {@code {"error": ...}} under {@code /api/},
 * the error page for people, in the lab's own words rather than the framework's.
 */
final class Problems {
    private static final Logger LOG = LoggerFactory.getLogger(Problems.class);

    private Problems() {
    }

    /** Our own words for the framework's stock refusals ("Endpoint GET /x not found", "Content Too Large"). */
    static String plainWords(HttpResponseException e, Context ctx) {
        String m = e.getMessage() == null ? "" : e.getMessage();
        if (e.getStatus() == 404 && (m.isEmpty() || m.startsWith("Endpoint ") || m.equals("Not Found"))) {
            return "There is no page at " + ctx.path() + ".";
        }
        if (e.getStatus() == 413) return "the body is over 1 MiB";
        if (e.getStatus() == 405) return "That address does not take a " + ctx.method() + " request.";
        return m;
    }

    /** An error answer: JSON for the API, a page (or fragment) for people. */
    static void answer(Services services, Context ctx, int status, String message) {
        if (ctx.path().startsWith("/api/")) {
            Api.json(ctx, status, Api.error(message));
            return;
        }
        Map<String, Object> model = LessonPages.base(ctx, ErrorWords.title(status) + " — Cloud Lab");
        model.put("status", status);
        model.put("heading", ErrorWords.heading(status, message));
        model.put("message", message);
        String html;
        try {
            html = services.renderer().page("error", model);
        } catch (RuntimeException e) {
            LOG.error("the error page itself failed", e);
            html = "<!DOCTYPE html><title>Error</title><p>" + status + ": something went wrong.</p>";
        }
        ctx.status(status).html(html);
    }
}

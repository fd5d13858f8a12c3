package cloudlab.web;

import io.javalin.http.Context;

import java.util.Map;

/** A page's parts ({@link cloudlab.page.Parts}) answered to the request that holds some of them. */
final class Parts extends cloudlab.page.Parts {
    Parts(Renderer renderer, Map<String, String> fragments, Map<String, ?> model) {
        super(renderer, fragments, model);
    }

    /** Sends the parts whose markup differs from what the request says the page holds. */
    void answer(Context ctx) {
        ctx.html(changed(ctx.header(HEADER)));
    }
}

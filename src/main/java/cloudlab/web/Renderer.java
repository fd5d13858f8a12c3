package cloudlab.web;

import cloudlab.page.Templates;
import cloudlab.server.StaticFiles;
import io.javalin.http.Context;
import io.javalin.rendering.FileRenderer;

import java.nio.file.Path;
import java.util.Map;

/**
 * The lab's templates ({@link Templates}) as Javalin renders them: a whole page, or one
 * {@code th:fragment} of it when htmx asks.
 */
public final class Renderer extends Templates implements FileRenderer {
    /** The model key that names the fragment to render for htmx requests. */
    public static final String FRAGMENT = "_fragment";

    public Renderer(Path folder, StaticFiles statics) {
        super(folder, statics);
    }

    /**
     * The one place that decides page or fragment: htmx swapping part of a page asks for the
     * fragment ({@code HX-Request}); a boosted link or form ({@code HX-Boosted}) replaces the whole
     * body and gets the page, as does a browser without JavaScript.
     */
    static boolean wantsFragment(Context ctx) {
        return "true".equals(ctx.header("HX-Request")) && !"true".equals(ctx.header("HX-Boosted"));
    }

    @Override
    public String render(String template, Map<String, ?> model, Context ctx) {
        Object fragment = model.get(FRAGMENT);
        if (fragment != null && wantsFragment(ctx)) return fragment(template, fragment.toString(), model);
        return page(template, model);
    }
}

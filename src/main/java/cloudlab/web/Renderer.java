package cloudlab.web;

import io.javalin.http.Context;
import io.javalin.rendering.FileRenderer;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.AbstractConfigurableTemplateResolver;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.templateresolver.FileTemplateResolver;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Renders Thymeleaf templates: a whole page, or one {@code th:fragment} of it when htmx asks
 * ({@code HX-Request}). Templates come from a folder on disk (re-read on change) or the jar.
 */
public final class Renderer implements FileRenderer {
    /** The model key that names the fragment to render for htmx requests. */
    public static final String FRAGMENT = "_fragment";
    private final TemplateEngine engine = new TemplateEngine();

    public Renderer(Path folder) {
        AbstractConfigurableTemplateResolver resolver;
        if (folder != null) {
            FileTemplateResolver r = new FileTemplateResolver();
            r.setPrefix(folder.toString() + "/");
            r.setCacheable(false);
            resolver = r;
        } else {
            ClassLoaderTemplateResolver r = new ClassLoaderTemplateResolver();
            r.setPrefix("templates/");
            r.setCacheable(true);
            resolver = r;
        }
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        engine.setTemplateResolver(resolver);
    }

    /** Renders the whole template. */
    public String page(String template, Map<String, ?> model) {
        return engine.process(template, Set.of(), context(model));
    }

    /** Renders one fragment of the template. */
    public String fragment(String template, String fragment, Map<String, ?> model) {
        return engine.process(template, Set.of(fragment), context(model));
    }

    @Override
    public String render(String template, Map<String, ?> model, Context ctx) {
        Object fragment = model.get(FRAGMENT);
        boolean htmx = "true".equals(ctx.header("HX-Request")) && !"true".equals(ctx.header("HX-Boosted"));
        if (htmx && fragment != null) return fragment(template, fragment.toString(), model);
        return page(template, model);
    }

    private static org.thymeleaf.context.Context context(Map<String, ?> model) {
        org.thymeleaf.context.Context c = new org.thymeleaf.context.Context(Locale.ENGLISH);
        model.forEach(c::setVariable);
        return c;
    }
}

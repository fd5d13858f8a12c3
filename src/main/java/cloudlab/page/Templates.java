package cloudlab.page;

import cloudlab.server.StaticFiles;
import org.thymeleaf.IEngineConfiguration;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.cache.ICacheEntryValidity;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IExpressionObjectDialect;
import org.thymeleaf.expression.IExpressionObjectFactory;
import org.thymeleaf.cache.NonCacheableCacheEntryValidity;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.AbstractConfigurableTemplateResolver;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.templateresolver.FileTemplateResolver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The lab's Thymeleaf templates: a whole page, or one {@code th:fragment} of it. Templates come
 * from a folder on disk (parsed once, parsed again when the file changes) or the jar. Deciding
 * which of the two a request gets is the web layer's ({@code web.Renderer}).
 */
public class Templates {
    private final TemplateEngine engine = new TemplateEngine();
    private final Path folder;
    private final StaticFiles statics;

    /**
     * Templates from the folder (the jar's when null); they link the static files by the
     * fingerprinted addresses of {@code statics}: {@code th:href="${#static.address('css/lab.css')}"}.
     */
    public Templates(Path folder, StaticFiles statics) {
        this.folder = folder;
        this.statics = statics;
        engine.addDialect(new StaticLinks(statics));
        AbstractConfigurableTemplateResolver resolver;
        if (folder != null) {
            FileTemplateResolver r = new ChangedFileResolver(folder);
            r.setPrefix(folder.toString() + "/");
            r.setCacheable(true);
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

    /** The static files the templates link, by the addresses that change with their content. */
    public StaticFiles staticFiles() {
        return statics;
    }

    /**
     * What identifies the template's current text: its file's modification time and size when
     * templates come from a folder (one stat), a constant for the jar's. Markup kept beyond the
     * engine's own cache ({@link KeptMarkup}) is thrown away when this changes.
     */
    public Object stamp(String template) {
        if (folder == null) return "jar";
        FileStamp s = FileStamp.of(file(folder, template));
        return s == null ? "missing" : s;
    }

    /** Renders the whole template. */
    public String page(String template, Map<String, ?> model) {
        return engine.process(template, Set.of(), context(model));
    }

    /** Renders one fragment of the template. */
    public String fragment(String template, String fragment, Map<String, ?> model) {
        return engine.process(template, Set.of(fragment), context(model));
    }

    /**
     * Templates on disk, parsed once and kept until their file changes: each use checks the file's
     * modification time and size (one stat), so an edit shows on the next reload, as before, but
     * an unchanged template is not read and parsed again on every request.
     */
    private static final class ChangedFileResolver extends FileTemplateResolver {
        private final Path folder;

        ChangedFileResolver(Path folder) {
            this.folder = folder;
        }

        @Override
        protected ICacheEntryValidity computeValidity(IEngineConfiguration configuration, String ownerTemplate, String template,
                                                      Map<String, Object> templateResolutionAttributes) {
            Path file = file(folder, template);
            FileStamp stamp = FileStamp.of(file);
            return stamp == null ? NonCacheableCacheEntryValidity.INSTANCE : new UnchangedFile(file, stamp);
        }
    }

    /** The file of a template in the folder, named with or without its ".html". */
    private static Path file(Path folder, String template) {
        return folder.resolve(template.endsWith(".html") ? template : template + ".html");
    }

    private record FileStamp(FileTime modified, long size) {
        static FileStamp of(Path file) {
            try {
                BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
                return a.isRegularFile() ? new FileStamp(a.lastModifiedTime(), a.size()) : null;
            } catch (IOException e) {
                return null;
            }
        }
    }

    private record UnchangedFile(Path file, FileStamp stamp) implements ICacheEntryValidity {
        @Override
        public boolean isCacheable() {
            return true;
        }

        @Override
        public boolean isCacheStillValid() {
            return stamp.equals(FileStamp.of(file));
        }
    }

    private static org.thymeleaf.context.Context context(Map<String, ?> model) {
        org.thymeleaf.context.Context c = new org.thymeleaf.context.Context(Locale.ENGLISH);
        model.forEach(c::setVariable);
        return c;
    }

    /** Gives every template {@code #static}: the lab's static files and their fingerprinted addresses. */
    private static final class StaticLinks extends AbstractDialect implements IExpressionObjectDialect {
        private final StaticFiles statics;

        StaticLinks(StaticFiles statics) {
            super("static-links");
            this.statics = statics;
        }

        @Override
        public IExpressionObjectFactory getExpressionObjectFactory() {
            return new IExpressionObjectFactory() {
                @Override
                public Set<String> getAllExpressionObjectNames() {
                    return Set.of("static");
                }

                @Override
                public Object buildObject(IExpressionContext context, String expressionObjectName) {
                    return statics;
                }

                @Override
                public boolean isCacheable(String expressionObjectName) {
                    return true;
                }
            };
        }
    }
}

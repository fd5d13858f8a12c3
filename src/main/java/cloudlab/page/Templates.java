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
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The lab's Thymeleaf templates: a whole page, or one {@code th:fragment} of it. Templates come
 * from a folder on disk (parsed once, parsed again when the file changes) or the jar. Deciding
 * which of the two a request gets is the web layer's ({@code web.Renderer}).
 */
public class Templates {
    /** How long a look at a template's file holds: an edit shows on the first use this long after the last look, or sooner. */
    public static final long RECHECK_NANOS = 1_000_000_000L;
    private final TemplateEngine engine = new TemplateEngine();
    private final Path folder;
    private final StaticFiles statics;
    private final LongSupplier nanos;
    /** The last look at each template file: what it was, and when. */
    private final Map<Path, Look> looks = new ConcurrentHashMap<>();

    /**
     * Templates from the folder (the jar's when null); they link the static files by the
     * fingerprinted addresses of {@code statics}: {@code th:href="${#static.address('css/lab.css')}"}.
     */
    public Templates(Path folder, StaticFiles statics) {
        this(folder, statics, System::nanoTime);
    }

    /** As above, with the clock that decides when a file is looked at again ({@link #RECHECK_NANOS}). */
    public Templates(Path folder, StaticFiles statics, LongSupplier nanos) {
        this.folder = folder;
        this.statics = statics;
        this.nanos = nanos;
        engine.addDialect(new StaticLinks(statics));
        AbstractConfigurableTemplateResolver resolver;
        if (folder != null) {
            FileTemplateResolver r = new ChangedFileResolver();
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
     * templates come from a folder (at most one stat a second, {@link #look}), a constant for the
     * jar's. Markup kept beyond the engine's own cache ({@link KeptMarkup}) is thrown away when this changes.
     */
    public Object stamp(String template) {
        if (folder == null) return "jar";
        FileStamp s = look(file(folder, template));
        return s == null ? "missing" : s;
    }

    /**
     * The file's modification time and size (null when it is no file) as last looked at, looked at
     * again when that was {@link #RECHECK_NANOS} ago or more: a page uses several templates per
     * view, and a stat each time was a few per cent of a lesson page.
     */
    private FileStamp look(Path file) {
        long now = nanos.getAsLong();
        Look last = looks.get(file);
        if (last != null && now - last.at() < RECHECK_NANOS) return last.stamp();
        FileStamp stamp = FileStamp.of(file);
        looks.put(file, new Look(stamp, now));
        return stamp;
    }

    /** A look at a file: what it was then ({@code stamp}, null when it was no file), and when ({@code at}, nanoseconds). */
    private record Look(FileStamp stamp, long at) {
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
     * Templates on disk, parsed once and kept until their file changes: a use checks the file's
     * modification time and size ({@link #look}, at most one stat a second), so an edit shows on
     * the next reload a second after the last look or sooner, but an unchanged template is not read
     * and parsed again on every request.
     */
    private final class ChangedFileResolver extends FileTemplateResolver {
        @Override
        protected ICacheEntryValidity computeValidity(IEngineConfiguration configuration, String ownerTemplate, String template,
                                                      Map<String, Object> templateResolutionAttributes) {
            Path file = file(folder, template);
            FileStamp stamp = look(file);
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

    private final class UnchangedFile implements ICacheEntryValidity {
        private final Path file;
        private final FileStamp stamp;

        UnchangedFile(Path file, FileStamp stamp) {
            this.file = file;
            this.stamp = stamp;
        }

        @Override
        public boolean isCacheable() {
            return true;
        }

        @Override
        public boolean isCacheStillValid() {
            return stamp.equals(look(file));
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

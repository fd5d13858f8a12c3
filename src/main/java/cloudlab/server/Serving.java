package cloudlab.server;

import io.javalin.config.JavalinConfig;
import io.javalin.compression.CompressionStrategy;
import io.javalin.compression.Gzip;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;

import java.util.List;
import java.util.Map;

/**
 * How the lab's server is set up below its routes: body limits and buffering, the Jetty guards
 * ({@link SlowBodies}, {@link ContainerErrors}), compression, the static files and the headers every
 * answer carries.
 */
public final class Serving {
    /** For answers whose address changes when they do (versioned scripts, content-addressed figures). */
    public static final String FOREVER = "public, max-age=31536000, immutable";

    private Serving() {
    }

    /**
     * Sets up the container: bodies up to {@code maxBody} bytes, gzip also for the given types, the
     * style sheets, scripts and images of {@code statics}.
     */
    public static void configure(JavalinConfig config, long maxBody, StaticFiles statics, List<String> alsoCompressed) {
        config.http.maxRequestSize = maxBody;
        // a page (up to a few hundred KB for a busy sandbox with its world map) is built whole before
        // any byte is sent, so a fault late in a request can still answer cleanly instead of cutting a page off
        config.http.responseBufferSize = 512 * 1024;
        config.jetty.modifyServer(server -> {
            server.setErrorHandler(ContainerErrors.server());
            server.setHandler(new SlowBodies(maxBody)); // the lab's servlet context goes inside it
        });
        config.jetty.modifyHttpConfiguration(http -> http.setIdleTimeout(SlowBodies.IO_IDLE_MILLIS));
        config.jetty.modifyServletContextHandler(context -> context.setErrorHandler(ContainerErrors.context()));
        // gzip for every text answer, drawings too: Javalin's default takes image/svg+xml only without a charset
        config.http.compressionStrategy = new CompressionStrategy(null, new Gzip());
        config.http.compressionStrategy.setAllowedMimeTypes(alsoCompressed);
        config.staticFiles.add(files -> { // htmx and its extension: their version is in the address
            files.hostedPath = "/webjars";
            files.directory = "META-INF/resources/webjars";
            files.headers = Map.of("Cache-Control", FOREVER);
        });
        config.staticFiles.add(files -> {
            files.hostedPath = "/static";
            files.headers = Map.of(); // Cache-Control by address, below
            files.directory = statics.folder() != null ? statics.folder().toString() : "/static";
            files.location = statics.folder() != null ? Location.EXTERNAL : Location.CLASSPATH;
        });
        // a fingerprinted address is kept for a year; a plain one a while, then checked again by ETag
        config.routes.before("/static/*", ctx -> ctx.header("Cache-Control", statics.cacheControl(ctx.path(), ctx.queryParam("v"))));
        config.routes.before(ctx -> ContainerErrors.SECURITY_HEADERS.forEach(ctx::header));
        config.routes.before(ContainerErrors::knownCharset);
        config.routes.before(SlowBodies::refuseOverLimit);
        config.routes.after(SlowBodies::readRestOfBody);
    }
}

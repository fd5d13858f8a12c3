package cloudlab.server;

import io.javalin.http.Context;

/** Whether a request reached the lab over HTTPS, so its cookies are marked Secure. */
public final class Https {
    private Https() {
    }

    /** Over HTTPS directly, or through a proxy that says so in {@code X-Forwarded-Proto}. */
    public static boolean secure(Context ctx) {
        return "https".equalsIgnoreCase(ctx.scheme()) || "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"));
    }
}

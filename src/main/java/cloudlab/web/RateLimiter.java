package cloudlab.web;

import cloudlab.access.Addresses;
import cloudlab.access.Limits;
import io.javalin.http.Context;

import java.time.Clock;
import java.util.Set;

/**
 * The lab's limits ({@link Limits}) as the web layer uses them: the one thing added is reading a
 * request's client address, through the reverse proxies the settings trust.
 */
final class RateLimiter extends Limits {
    private final Set<String> trustedProxies;

    /** Limits whose addresses come through the given reverse proxies (IP addresses, as {@code Settings} checked them). */
    RateLimiter(Clock clock, Set<String> trustedProxies) {
        super(clock);
        this.trustedProxies = Set.copyOf(trustedProxies);
    }

    /** The client's address for limits: see {@link Addresses#client}. */
    String client(Context ctx) {
        return Addresses.client(ctx.req().getRemoteAddr(), ctx.header("X-Forwarded-For"), trustedProxies);
    }
}

package cloudlab.access;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which address a request counts under: the peer's own, or the one a trusted reverse proxy
 * forwards. Only IP literals are read; no name is ever looked up.
 */
public final class Addresses {
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private Addresses() {
    }

    /**
     * The address a request comes from: the direct peer, unless the peer is a trusted proxy; then
     * the nearest address in {@code X-Forwarded-For} (read from the right) that is not a trusted
     * proxy itself. Anyone else's {@code X-Forwarded-For} is ignored, so a client cannot pick the
     * address it is counted under.
     */
    public static String client(String peer, String forwardedFor, Set<String> trusted) {
        String direct = ipLiteral(peer);
        if (direct == null) return peer == null ? "" : peer;
        if (!trusted.contains(direct) || forwardedFor == null) return direct;
        String[] hops = forwardedFor.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String ip = ipLiteral(hops[i].strip());
            if (ip == null) return direct; // the chain is garbled past what we trust
            if (!trusted.contains(ip)) return ip;
        }
        return direct;
    }

    /** The IP address written in the text, in one normal form, or null when it is not one (no name is looked up). */
    public static String ipLiteral(String text) {
        if (text == null) return null;
        String t = text.strip();
        if (t.startsWith("[") && t.endsWith("]")) t = t.substring(1, t.length() - 1);
        if (!(IPV4.matcher(t).matches() || IPV6.matcher(t).matches()) || t.length() > 45) return null;
        try {
            return InetAddress.getByName(t).getHostAddress();
        } catch (UnknownHostException | SecurityException e) {
            return null;
        }
    }

    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.-]{1,253}(:\\d{1,5})?|\\[[0-9A-Fa-f:.]{2,45}](:\\d{1,5})?");

    /**
     * The scheme and host a visitor reached the lab by, for links they take elsewhere (a share
     * link): the request's own, unless the peer is a trusted proxy; then what it forwards in
     * {@code X-Forwarded-Proto} and {@code X-Forwarded-Host}. A host that is not a plain name or
     * address (with an optional port) is not echoed back; "localhost" stands in.
     */
    public static String origin(String peer, String scheme, String host, String forwardedProto, String forwardedHost, Set<String> trusted) {
        boolean proxied = trusted.contains(String.valueOf(ipLiteral(peer)));
        String s = proxied && forwardedProto != null ? forwardedProto.split(",")[0].strip() : scheme;
        String h = proxied && forwardedHost != null ? forwardedHost.split(",")[0].strip() : host;
        if (!"https".equalsIgnoreCase(s)) s = "http";
        if (h == null || !HOST.matcher(h).matches()) h = "localhost";
        return s.toLowerCase(java.util.Locale.ROOT) + "://" + h;
    }
}

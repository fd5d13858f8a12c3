package cloudlab.sim;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Rule R7: the round trip from a user to a region is {@code 2 + 0.015 * d} milliseconds, d being
 * the great-circle distance in km, rounded half-up to one decimal. A teaching model of light in
 * fibre (about 200 km per ms) over a path 1.5 times the straight line, not a measurement.
 */
public final class Latency {
    /** The Earth's mean radius in km, as the rule fixes it. */
    public static final double EARTH_RADIUS_KM = 6371.0;
    private static final BigDecimal BASE_MS = new BigDecimal("2");
    private static final BigDecimal MS_PER_KM = new BigDecimal("0.015");

    private Latency() {
    }

    /** Great-circle distance in km by the haversine formula. */
    public static double distanceKm(Location a, Location b) {
        double lat1 = Math.toRadians(a.lat().doubleValue());
        double lat2 = Math.toRadians(b.lat().doubleValue());
        double dLat = lat2 - lat1;
        double dLon = Math.toRadians(b.lon().doubleValue() - a.lon().doubleValue());
        double h = Math.pow(Math.sin(dLat / 2), 2) + Math.cos(lat1) * Math.cos(lat2) * Math.pow(Math.sin(dLon / 2), 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1.0, Math.sqrt(h)));
    }

    /** The rounded round-trip time in ms between two points. */
    public static BigDecimal rttMs(Location a, Location b) {
        BigDecimal d = new BigDecimal(distanceKm(a, b));
        return BASE_MS.add(MS_PER_KM.multiply(d)).setScale(1, RoundingMode.HALF_UP);
    }
}

package cloudlab.sim;

import java.math.BigDecimal;

/** A point on Earth in decimal degrees, kept exactly as written. */
public record Location(BigDecimal lat, BigDecimal lon) {
    public Location {
        if (lat == null || lon == null) throw new IllegalArgumentException("a location needs lat and lon");
    }

    public static Location of(double lat, double lon) {
        return new Location(BigDecimal.valueOf(lat), BigDecimal.valueOf(lon));
    }

    public static Location of(String lat, String lon) {
        return new Location(new BigDecimal(lat), new BigDecimal(lon));
    }
}

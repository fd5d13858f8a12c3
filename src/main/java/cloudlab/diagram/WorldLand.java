package cloudlab.diagram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The land of the world as one SVG path in the map's equirectangular view box, built once per
 * JVM from the project's data file {@code world-land-110m.geojson} (Natural Earth, 1:110m).
 */
final class WorldLand {
    static final String RESOURCE = "world-land-110m.geojson";

    private WorldLand() {
    }

    /** Built on first use; the holder idiom makes that once and thread-safe. */
    private static final class Holder {
        static final String PATH = load();
        /** Path data is only numbers, commas and the letters M, L and Z: nothing in it needs escaping. */
        static final String ELEMENT = "<path class=\"land\" d=\"" + PATH + "\"/>";
    }

    /** The land as one {@code <path class="land">} element, built once (so a map does not escape 100 KB of path data each time). */
    static String element() {
        return Holder.ELEMENT;
    }

    /** The path data ("M..Z M..Z"), the same string instance on every call. */
    static String path() {
        return Holder.PATH;
    }

    private static String load() {
        try (InputStream in = WorldLand.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException(RESOURCE + " is missing from the build");
            return pathOf(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The path of a GeoJSON tree: a feature collection, a feature or a geometry; lines and points are ignored. */
    static String pathOf(JsonNode geo) {
        StringBuilder d = new StringBuilder(64 * 1024);
        add(d, geo);
        return d.toString().trim();
    }

    private static void add(StringBuilder d, JsonNode geo) {
        if (geo == null || geo.isNull()) return;
        switch (geo.path("type").asText()) {
            case "FeatureCollection" -> geo.path("features").forEach(f -> add(d, f));
            case "Feature" -> add(d, geo.path("geometry"));
            case "GeometryCollection" -> geo.path("geometries").forEach(g -> add(d, g));
            case "Polygon" -> polygon(d, geo.path("coordinates"));
            case "MultiPolygon" -> geo.path("coordinates").forEach(p -> polygon(d, p));
            default -> {
            }
        }
    }

    /**
     * One polygon: its outer ring and its holes, each a closed subpath (the fill rule is
     * even-odd). A ring that crosses the date line is unwrapped so it never jumps across the map,
     * drawn once more shifted by 360° where it spills over an edge (the view box clips the
     * rest), and a ring that goes right round a pole (Antarctica) is closed through the pole.
     */
    private static void polygon(StringBuilder d, JsonNode rings) {
        for (JsonNode ring : rings) {
            List<double[]> pts = new ArrayList<>();
            double offset = 0;
            for (JsonNode p : ring) {
                double lon = p.path(0).asDouble() + offset;
                double lat = p.path(1).asDouble();
                if (!pts.isEmpty()) {
                    double prev = pts.get(pts.size() - 1)[0];
                    while (lon - prev > 180) {
                        lon -= 360;
                        offset -= 360;
                    }
                    while (prev - lon > 180) {
                        lon += 360;
                        offset += 360;
                    }
                }
                pts.add(new double[] {lon, lat});
            }
            if (pts.size() < 3) continue;
            double first = pts.get(0)[0], last = pts.get(pts.size() - 1)[0];
            if (Math.abs(last - first) > 180) {
                double meanLat = pts.stream().mapToDouble(p -> p[1]).average().orElse(0);
                double pole = meanLat < 0 ? -90 : 90;
                pts.add(new double[] {last, pole});
                pts.add(new double[] {first, pole});
            }
            double min = pts.stream().mapToDouble(p -> p[0]).min().orElse(0);
            double max = pts.stream().mapToDouble(p -> p[0]).max().orElse(0);
            ring(d, pts, 0);
            if (min < -180) ring(d, pts, 360);
            if (max > 180) ring(d, pts, -360);
        }
    }

    private static void ring(StringBuilder d, List<double[]> pts, double shift) {
        StringBuilder sub = new StringBuilder();
        String last = null;
        int points = 0;
        for (double[] p : pts) {
            double[] xy = MapView.project(p[1], p[0] + shift);
            String pt = Svg.n(xy[0]) + "," + Svg.n(xy[1]);
            if (pt.equals(last)) continue;  // rounding to 0.1 merges neighbours on small islands
            sub.append(points == 0 ? "M" : " ").append(pt);
            last = pt;
            points++;
        }
        if (points >= 3) d.append(sub).append('Z');
    }
}

package cloudlab.sim;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The real AWS regions a layout may name by code: each with its name, city, location and number
 * of availability zones. Read once from the project's own data file, {@code regions.tsv}.
 */
public final class RegionCatalog {
    /** One catalog row. */
    public record Entry(String code, String name, String city, double lat, double lon, int azs) {
        public Location location() {
            return Location.of(lat, lon);
        }
    }

    private static final RegionCatalog BUILT_IN = load();
    private final Map<String, Entry> entries;

    private RegionCatalog(Map<String, Entry> entries) {
        this.entries = Collections.unmodifiableMap(entries);
    }

    /** The catalog shipped with Cloud Lab. It never changes while the program runs. */
    public static RegionCatalog builtIn() {
        return BUILT_IN;
    }

    /** The entry for a code, or null when the code is not in the catalog. */
    public Entry find(String code) {
        return entries.get(code);
    }

    public List<Entry> entries() {
        return new ArrayList<>(entries.values());
    }

    private static RegionCatalog load() {
        try (InputStream in = RegionCatalog.class.getResourceAsStream("regions.tsv")) {
            if (in == null) throw new IllegalStateException("regions.tsv is missing from the build");
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, Entry> out = new LinkedHashMap<>();
            String line;
            boolean header = true;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) continue;
                if (header) {
                    header = false;
                    continue;
                }
                String[] f = line.split("\t");
                Entry e = new Entry(f[0], f[1], f[2], Double.parseDouble(f[3]), Double.parseDouble(f[4]),
                        Integer.parseInt(f[5]));
                out.put(e.code(), e);
            }
            return new RegionCatalog(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

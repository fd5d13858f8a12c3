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
 * The real AWS regions a layout may name by code: each with its name, city, location, partition
 * and the AZ ids AWS lists for it, with the month the row was read. Read once from the project's
 * own data file, {@code regions.tsv}, the one place the course takes counts of regions and zones from.
 */
public final class RegionCatalog {
    /**
     * One catalog row. {@code azIds} are the region's availability zones as AWS lists them (not
     * always consecutive); {@code read} is when the row was checked against AWS, as YYYY-MM.
     */
    public record Entry(String code, String name, String city, double lat, double lon, String partition, String read,
                        List<String> azIds) {
        public Entry {
            azIds = List.copyOf(azIds);
        }

        public Location location() {
            return Location.of(lat, lon);
        }

        /** How many availability zones the region has. */
        public int azs() {
            return azIds.size();
        }
    }

    private static final RegionCatalog BUILT_IN = load();
    private final Map<String, Entry> entries;
    /** The entries in catalog order, listed once: the catalog never changes. */
    private final List<Entry> list;

    private RegionCatalog(Map<String, Entry> entries) {
        this.entries = Collections.unmodifiableMap(entries);
        this.list = List.copyOf(entries.values());
    }

    /** The catalog shipped with Cloud Lab. It never changes while the program runs. */
    public static RegionCatalog builtIn() {
        return BUILT_IN;
    }

    /** The entry for a code, or null when the code is not in the catalog. */
    public Entry find(String code) {
        return entries.get(code);
    }

    /** The entries in catalog order (a list that cannot be changed, the same each time). */
    public List<Entry> entries() {
        return list;
    }

    /** How many regions the catalog holds. */
    public int regionCount() {
        return entries.size();
    }

    /** How many AZ ids the catalog holds, over all its regions. */
    public int zoneCount() {
        int n = 0;
        for (Entry e : entries.values()) n += e.azs();
        return n;
    }

    /** The most recent month (YYYY-MM) in which a row was read: the date the catalog's counts are "as of". */
    public String read() {
        String latest = "";
        for (Entry e : entries.values()) if (e.read().compareTo(latest) > 0) latest = e.read();
        return latest;
    }

    /** The partitions the catalog's regions belong to, in first-seen order. */
    public List<String> partitions() {
        return entries.values().stream().map(Entry::partition).distinct().toList();
    }

    /**
     * Whether a zone id may sit in a region: true for any zone of a region outside the catalog (a
     * custom region has custom zones), else only for the AZ ids the catalog lists for that region.
     */
    public boolean knowsZone(String regionCode, String zoneId) {
        Entry e = entries.get(regionCode);
        return e == null || e.azIds().contains(zoneId);
    }

    /**
     * Why a zone id does not belong in its catalog region, as a sentence for a person, or null when
     * it does (see {@link #knowsZone}). Not a rule of the contract: a sandbox shows it as a warning,
     * lesson checks and lesson challenges refuse the layout with it.
     */
    public String zoneProblem(String regionCode, String zoneId) {
        if (knowsZone(regionCode, zoneId)) return null;
        Entry e = entries.get(regionCode);
        return "zone " + zoneId + " is not an availability zone of " + regionCode + ": AWS lists "
                + String.join(", ", e.azIds()) + " (region catalog, read " + e.read() + ")";
    }

    /** {@link #zoneProblem} for every zone of the layout, in document order; empty when all are known. */
    public List<String> zoneProblems(Layout layout) {
        List<String> out = new ArrayList<>();
        for (Region r : layout.regions()) {
            for (Zone z : r.zones()) {
                String p = zoneProblem(r.code(), z.id());
                if (p != null) out.add(p);
            }
        }
        return out;
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
                Entry e = new Entry(f[0], f[1], f[2], Double.parseDouble(f[3]), Double.parseDouble(f[4]), f[5], f[6],
                        List.of(f[7].split(",")));
                out.put(e.code(), e);
            }
            return new RegionCatalog(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

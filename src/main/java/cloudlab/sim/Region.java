package cloudlab.sim;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;

/** A region: a catalog region taking its location from the catalog, or a custom one with its own. */
public final class Region extends Node {
    Location location;
    final boolean custom;
    final LinkedHashMap<String, Zone> zones = new LinkedHashMap<>();

    Region(String code, Location location, boolean custom) {
        super(code);
        this.location = location;
        this.custom = custom;
    }

    public String code() {
        return id;
    }

    /** Where the region is: from the catalog, or as the layout gives it for a custom code. */
    public Location location() {
        return location;
    }

    /** True for a code that is not in the catalog (its location is part of the layout). */
    public boolean custom() {
        return custom;
    }

    public Collection<Zone> zones() {
        return Collections.unmodifiableCollection(zones.values());
    }

    @Override
    public Kind kind() {
        return Kind.REGION;
    }

    @Override
    public Node parent() {
        return null;
    }
}

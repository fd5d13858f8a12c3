package cloudlab.sim;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;

/** An availability zone: one or more data centers, the unit of fault tolerance. */
public final class Zone extends Node {
    final Region region;
    final LinkedHashMap<String, Datacenter> datacenters = new LinkedHashMap<>();

    Zone(String id, Region region) {
        super(id);
        this.region = region;
    }

    @Override
    public Region region() {
        return region;
    }

    public Collection<Datacenter> datacenters() {
        return Collections.unmodifiableCollection(datacenters.values());
    }

    @Override
    public Kind kind() {
        return Kind.ZONE;
    }

    @Override
    public Node parent() {
        return region;
    }
}

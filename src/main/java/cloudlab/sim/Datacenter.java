package cloudlab.sim;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;

/** A data center inside a zone, holding hosts. */
public final class Datacenter extends Node {
    final Zone zone;
    final LinkedHashMap<String, Host> hosts = new LinkedHashMap<>();

    Datacenter(String id, Zone zone) {
        super(id);
        this.zone = zone;
    }

    public Zone zone() {
        return zone;
    }

    public Collection<Host> hosts() {
        return Collections.unmodifiableCollection(hosts.values());
    }

    @Override
    public Kind kind() {
        return Kind.DATACENTER;
    }

    @Override
    public Node parent() {
        return zone;
    }
}

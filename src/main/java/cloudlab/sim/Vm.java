package cloudlab.sim;

import java.math.BigDecimal;

/** A virtual machine on a host: what it asks for, the app it serves and whether it is started. */
public final class Vm extends Node {
    Host host;
    int vcpus;
    BigDecimal memoryGiB;
    BigDecimal diskGiB;
    String app;
    boolean running;
    cloudlab.sim.time.VmLoad load;   // null: idle, default shares, no reservation or limit

    Vm(String id, Host host, VmSpec spec) {
        super(id);
        this.host = host;
        this.vcpus = spec.vcpus();
        this.memoryGiB = spec.memoryGiB();
        this.diskGiB = spec.diskGiB();
        this.app = spec.app();
        this.running = spec.running();
    }

    public Host host() {
        return host;
    }

    public int vcpus() {
        return vcpus;
    }

    public BigDecimal memoryGiB() {
        return memoryGiB;
    }

    public BigDecimal diskGiB() {
        return diskGiB;
    }

    /** The app this VM serves, or null. */
    public String app() {
        return app;
    }

    /** The state the learner set: started (running) or stopped. Whether it is up is the report's call. */
    public boolean running() {
        return running;
    }

    /** The load the learner or the document declared (time extension), or null when it declares none. */
    public cloudlab.sim.time.VmLoad load() {
        return load;
    }

    public VmSpec spec() {
        return new VmSpec(vcpus, memoryGiB, diskGiB, app, running);
    }

    @Override
    public Kind kind() {
        return Kind.VM;
    }

    @Override
    public Node parent() {
        return host;
    }
}

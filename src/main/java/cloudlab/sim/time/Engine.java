package cloudlab.sim.time;

/** Plays a fleet for a number of seconds under a CPU policy, telling an observer each stretch. */
final class Engine {
    private Engine() {
    }

    static void play(Fleet f, long seconds, CpuPolicy policy, Observer observer) {
        int n = f.vmCount();
        double[] demand = new double[n];
        double[] cap = new double[n];
        double[] floor = new double[n];
        double[] received = new double[n];
        for (int h = 0; h < f.hostCount(); h++) {
            if (!f.up[h]) continue;
            int off = f.start[h];
            int end = f.start[h + 1];
            Profile os = f.hostOs[h];
            long t = 0;
            while (t < seconds) {
                long next = seconds;
                double osCores = 0;
                if (os != null) {
                    osCores = os.at(t) / 100 * f.cores[h];
                    next = Math.min(next, os.nextChange(t));
                }
                // R1's reserved cores serve the hypervisor or host OS; a host OS wanting more takes it from the VMs
                double capacity = Math.max(0, f.cores[h] - Math.max(f.reservedCores[h], osCores));
                for (int i = off; i < end; i++) {
                    Profile p = f.cpu[i];
                    double d = p.at(t) / 100 * f.vcpus[i];
                    demand[i] = d;
                    double c = Math.min(d, f.limit[i]);
                    cap[i] = c;
                    floor[i] = Math.min(f.reservation[i], c);
                    long change = p.nextChange(t);
                    if (change < next) next = change;
                }
                policy.allocate(capacity, off, end - off, f.weight, floor, cap, received);
                observer.stretch(f, h, t, next, capacity, Math.min(osCores, f.cores[h]), demand, received);
                t = next;
            }
        }
    }
}

package cloudlab.sim.time;

/**
 * Watches a run. A run goes host by host; for each host it reports stretches of seconds
 * ({@code from} inclusive to {@code to} exclusive) in which nothing changes, so an observer that
 * counts per second multiplies by {@code to - from}.
 */
interface Observer {
    /**
     * One stretch of one host: the cores its VMs could share ({@code capacity}), the cores its host
     * OS used, and for each VM {@code i} of the host (from {@code fleet.start[h]}) the cores it wanted
     * ({@code demand[i]}) and received ({@code received[i]}).
     */
    void stretch(Fleet fleet, int h, long from, long to, double capacity, double hostOsCores, double[] demand, double[] received);

    /** The share of demand a VM did not receive, in percent; 0 when it wanted nothing. */
    static double stealPercent(double demand, double received) {
        double missing = demand - received;
        if (demand <= 0 || missing <= 1e-9 * demand) return 0;
        return missing / demand * 100;
    }
}

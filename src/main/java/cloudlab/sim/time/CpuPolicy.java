package cloudlab.sim.time;

import java.util.Arrays;
import java.util.Locale;

/**
 * How a hypervisor divides a host's free cores among its running VMs in one second. Each VM {@code i}
 * (from {@code off} to {@code off + n - 1} in the arrays) wants up to {@code cap[i]} cores (its demand,
 * already cut to its limit), is guaranteed {@code floor[i]} (its reservation, at most its cap) and
 * weighs {@code weight[i]} (its shares). The cores it receives are written to {@code out[i]}.
 */
public enum CpuPolicy {
    /**
     * Weighted max-min fairness (water-filling), as ESXi's shares, Xen's credit scheduler and KVM's
     * {@code cpu.weight} approximate: every VM gets its reservation first; the rest rises like water,
     * each VM in proportion to its shares, until it has what it wants or the cores run out.
     */
    FAIR {
        @Override
        public void allocate(double capacity, int off, int n, double[] weight, double[] floor, double[] cap, double[] out) {
            double sumCap = 0;
            double sumFloor = 0;
            for (int i = off; i < off + n; i++) {
                sumCap += cap[i];
                sumFloor += floor[i];
            }
            if (sumCap <= capacity) {
                System.arraycopy(cap, off, out, off, n);
                return;
            }
            if (sumFloor >= capacity) {
                // reservations that no longer fit (the host OS took cores): each keeps the same share of its reservation
                double f = sumFloor == 0 ? 0 : capacity / sumFloor;
                for (int i = off; i < off + n; i++) out[i] = floor[i] * f;
                return;
            }
            if (sumFloor == 0) fill(capacity, off, n, weight, cap, out);
            else level(capacity, off, n, weight, floor, cap, out);
        }
    },

    /**
     * In proportion to demand, as CloudSim's {@code VmSchedulerTimeSharedOverSubscription}: when the
     * VMs want more than the host has, every request is scaled down by the same factor. Shares and
     * reservations play no part (CloudSim knows neither); a limit cuts the request.
     */
    PROPORTIONAL {
        @Override
        public void allocate(double capacity, int off, int n, double[] weight, double[] floor, double[] cap, double[] out) {
            double sum = 0;
            for (int i = off; i < off + n; i++) sum += cap[i];
            double f = sum <= capacity ? 1 : capacity / sum;
            for (int i = off; i < off + n; i++) out[i] = cap[i] * f;
        }
    };

    /** Divides {@code capacity} cores among VMs {@code off .. off + n - 1}. */
    public abstract void allocate(double capacity, int off, int n, double[] weight, double[] floor, double[] cap, double[] out);

    /** The word for this policy in documents, arguments and reports ({@code fair}, {@code proportional}). */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The policy named by a word, or null. */
    public static CpuPolicy fromWord(String word) {
        for (CpuPolicy p : values()) if (p.word().equals(word)) return p;
        return null;
    }

    /**
     * Water-filling without reservations, by rounds: at the level the remaining cores give the VMs
     * still rising, every VM that wants no more than its share is filled and leaves, which lifts the
     * level for the rest; when none leaves, the rest split what is left by weight. A few passes
     * over the host's VMs, no sorting.
     */
    static void fill(double capacity, int off, int n, double[] weight, double[] cap, double[] out) {
        double left = capacity;
        double rising = 0;
        for (int i = off; i < off + n; i++) {
            out[i] = Double.NaN;
            rising += weight[i];
        }
        while (rising > 0) {
            double level = left / rising;
            boolean filled = false;
            for (int i = off; i < off + n; i++) {
                if (out[i] == out[i] || cap[i] > level * weight[i]) continue;   // already filled, or wants more than its share
                out[i] = cap[i];
                left -= cap[i];
                rising -= weight[i];
                filled = true;
            }
            if (!filled) {
                for (int i = off; i < off + n; i++) if (out[i] != out[i]) out[i] = level * weight[i];
                return;
            }
        }
    }

    /**
     * Water-filling with reservations. The water level λ: VM i holds clamp(λ·w, floor, cap). The
     * total is piecewise linear in λ with a bend where each VM starts to rise (floor/w) and where it
     * is full (cap/w); find the bend below which the total is still short, then solve the straight piece.
     */
    static void level(double capacity, int off, int n, double[] weight, double[] floor, double[] cap, double[] out) {
        double[] bends = new double[2 * n + 1];
        int m = 0;
        bends[m++] = 0;
        for (int i = off; i < off + n; i++) {
            bends[m++] = floor[i] / weight[i];
            bends[m++] = cap[i] / weight[i];
        }
        Arrays.sort(bends, 0, m);
        int lo = 0;
        int hi = m - 1;       // total(bends[lo]) <= capacity < total(bends[hi])
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (total(bends[mid], off, n, weight, floor, cap) <= capacity) lo = mid;
            else hi = mid;
        }
        double a = bends[lo];
        double b = bends[hi];
        double ta = total(a, off, n, weight, floor, cap);
        double tb = total(b, off, n, weight, floor, cap);
        double level = tb == ta ? a : a + (capacity - ta) * (b - a) / (tb - ta);
        for (int i = off; i < off + n; i++) out[i] = clamp(level * weight[i], floor[i], cap[i]);
    }

    private static double total(double level, int off, int n, double[] weight, double[] floor, double[] cap) {
        double t = 0;
        for (int i = off; i < off + n; i++) t += clamp(level * weight[i], floor[i], cap[i]);
        return t;
    }

    private static double clamp(double v, double lo, double hi) {
        return v < lo ? lo : Math.min(v, hi);
    }
}

package cloudlab.sim.time;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The proportional policy against CloudSim's {@code VmSchedulerTimeSharedOverSubscription}.
 * CloudSim (org.cloudbus.cloudsim:cloudsim) is not on Maven Central, and CloudSim Plus 8.5.7 has no
 * over-subscription scheduler, so {@link CloudSimOverSubscription} below re-implements the published
 * algorithm from CloudSim's source (modules/cloudsim/src/main/java/org/cloudbus/cloudsim/
 * VmSchedulerTimeSharedOverSubscription.java and VmSchedulerTimeShared.java, Cloudslab/cloudsim
 * on GitHub), step for step, MIPS and all.
 */
class CloudSimCrossCheckTest {
    /** MIPS of one physical core (PE) in the CloudSim model; large enough that CloudSim's floor() to a whole MIPS
     * moves no VM here by more than 0.005 % (the smallest grant is about 20,000 MIPS). */
    private static final double PE_MIPS = 1e10;

    /**
     * CloudSim's VmSchedulerTimeSharedOverSubscription, without migrations (none happen here). VMs are
     * allocated one by one; each virtual PE's request is capped at one physical PE; while the total
     * fits it is granted in full, else every VM's capped request is scaled by the same factor
     * (total host MIPS / total requested) and floored to a whole MIPS.
     */
    static final class CloudSimOverSubscription {
        private final double peMips;
        private final double totalMips;
        private double availableMips;
        private final Map<String, List<Double>> requested = new LinkedHashMap<>();
        private final Map<String, List<Double>> allocated = new HashMap<>();

        CloudSimOverSubscription(int pes, double peMips) {
            this.peMips = peMips;
            this.totalMips = pes * peMips;
            this.availableMips = totalMips;
        }

        /** allocatePesForGuest(vmUid, mipsShareRequested) of the over-subscription scheduler. */
        boolean allocatePesForGuest(String vmUid, List<Double> mipsShareRequested) {
            double totalRequestedMips = 0;
            List<Double> capped = new ArrayList<>();
            for (Double mips : mipsShareRequested) {
                double m = Math.min(mips, peMips);
                capped.add(m);
                totalRequestedMips += m;
            }
            requested.put(vmUid, mipsShareRequested);
            if (availableMips >= totalRequestedMips) {
                allocated.put(vmUid, new ArrayList<>(capped));
                availableMips -= totalRequestedMips;
            } else {
                redistributeMipsDueToOverSubscription();
            }
            return true;
        }

        private void redistributeMipsDueToOverSubscription() {
            double totalRequired = 0;
            Map<String, List<Double>> cappedMap = new HashMap<>();
            for (Map.Entry<String, List<Double>> e : requested.entrySet()) {
                double required = 0;
                List<Double> capped = new ArrayList<>();
                for (Double mips : e.getValue()) {
                    double m = Math.min(mips, peMips);
                    capped.add(m);
                    required += m;
                }
                cappedMap.put(e.getKey(), capped);
                totalRequired += required;
            }
            double scalingFactor = totalMips / totalRequired;
            allocated.clear();
            for (Map.Entry<String, List<Double>> e : cappedMap.entrySet()) {
                List<Double> updated = new ArrayList<>();
                for (Double mips : e.getValue()) updated.add(Math.floor(mips * scalingFactor));
                allocated.put(e.getKey(), updated);
            }
            availableMips = 0;
        }

        double totalAllocatedFor(String vmUid) {
            double t = 0;
            for (double m : allocated.getOrDefault(vmUid, List.of())) t += m;
            return t;
        }
    }

    @Test
    void proportionalAgreesWithCloudSimOnAThousandOversubscribedHosts() {
        Random random = new Random(18);
        int hosts = 0;
        int vmsChecked = 0;
        while (hosts < 1000) {
            int cores = 1 + random.nextInt(64);
            int n = 1 + random.nextInt(30);
            int[] vcpus = new int[n];
            double[] cap = new double[n];
            double wanted = 0;
            for (int i = 0; i < n; i++) {
                vcpus[i] = 1 + random.nextInt(16);
                double percent = Math.round(random.nextDouble() * 1000) / 10.0;   // 0.0 to 100.0, as a document may write
                cap[i] = vcpus[i] * percent / 100;
                wanted += cap[i];
            }
            if (wanted <= cores * 1.001) continue;   // only oversubscribed hosts count
            hosts++;

            double[] ours = new double[n];
            CpuPolicy.PROPORTIONAL.allocate(cores, 0, n, new double[n], new double[n], cap, ours);

            CloudSimOverSubscription cloudsim = new CloudSimOverSubscription(cores, PE_MIPS);
            for (int i = 0; i < n; i++) {
                List<Double> perPe = new ArrayList<>();
                for (int p = 0; p < vcpus[i]; p++) perPe.add(cap[i] / vcpus[i] * PE_MIPS);   // each vCPU asks the same share
                cloudsim.allocatePesForGuest("vm" + i, perPe);
            }
            for (int i = 0; i < n; i++) {
                double theirs = cloudsim.totalAllocatedFor("vm" + i) / PE_MIPS;
                double tolerance = Math.max(0.001 * Math.max(ours[i], theirs), 1e-9);
                assertEquals(theirs, ours[i], tolerance, "host " + hosts + " VM " + i + ": CloudSim " + theirs + ", ours " + ours[i]);
                vmsChecked++;
            }
        }
        assertTrue(vmsChecked > 10_000, "too few VMs compared: " + vmsChecked);
    }
}

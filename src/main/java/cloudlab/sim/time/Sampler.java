package cloudlab.sim.time;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Takes the timeline: every up host and its VMs at seconds 0, every, 2 × every, ... */
final class Sampler implements Observer {
    private final long every;
    private final RunReport.HostPoint[][] points;   // [sample][host]

    Sampler(Fleet f, long seconds, long every) {
        this.every = every;
        points = new RunReport.HostPoint[(int) ((seconds + every - 1) / every)][f.hostCount()];
    }

    /** How many samples a run of {@code seconds} taken every {@code every} seconds holds. */
    static long samples(long seconds, long every) {
        return (seconds + every - 1) / every;
    }

    @Override
    public void stretch(Fleet f, int h, long from, long to, double capacity, double hostOsCores, double[] demand, double[] received) {
        long k = (from + every - 1) / every;
        if (k * every >= to) return;
        RunReport.HostPoint point = point(f, h, capacity, hostOsCores, demand, received);
        for (; k * every < to; k++) points[(int) k][h] = point;
    }

    private static RunReport.HostPoint point(Fleet f, int h, double capacity, double hostOsCores, double[] demand, double[] received) {
        List<RunReport.VmPoint> vms = new ArrayList<>();
        double wanted = 0;
        double got = 0;
        for (int i = f.start[h]; i < f.start[h + 1]; i++) {
            wanted += demand[i];
            got += received[i];
            vms.add(new RunReport.VmPoint(f.vms.get(i).id(), RunReport.cores(demand[i]), RunReport.cores(received[i]),
                    RunReport.percent(Observer.stealPercent(demand[i], received[i]))));
        }
        MemoryPressure m = f.memory[h];
        RunReport.Memory memory = new RunReport.Memory(RunReport.cores(m.physicalGiB()), RunReport.cores(m.configuredGiB()),
                RunReport.cores(m.activeGiB()), RunReport.cores(m.totalBallooned()), RunReport.cores(m.totalSwapped()));
        return new RunReport.HostPoint(f.hosts.get(h).id(), RunReport.percent((got + hostOsCores) / f.cores[h] * 100),
                RunReport.cores(capacity), RunReport.cores(hostOsCores), RunReport.cores(wanted), RunReport.cores(got), memory, vms);
    }

    List<RunReport.Point> timeline() {
        List<RunReport.Point> out = new ArrayList<>();
        for (int k = 0; k < points.length; k++) {
            List<RunReport.HostPoint> hosts = Arrays.stream(points[k]).filter(p -> p != null).toList();
            out.add(new RunReport.Point(k * every, hosts));
        }
        return out;
    }
}

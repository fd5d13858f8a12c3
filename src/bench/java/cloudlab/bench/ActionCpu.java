package cloudlab.bench;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Server CPU per sandbox action: against a running server (its {@code -Dbase} URL, its process id
 * the first argument), the learners of a workshop ({@code -Dlearners}) in turn add a VM and remove
 * it again, one action at a time (so each history stays as short as in a workshop), with the part keys the page holds ({@code X-Parts}) as static/js/sandbox.js sends them
 * (the same action as {@link HttpBench}'s). After {@code warm} actions (second argument) it reads
 * the server's user and system CPU time from /proc/PID/stat, runs {@code n} more (third argument)
 * and prints the CPU milliseconds per action, with the wall time. Run by bench/action-cpu.sh.
 */
public final class ActionCpu {
    private ActionCpu() {
    }

    public static void main(String[] args) throws Exception {
        long pid = Long.parseLong(args[0]);
        int warm = Integer.parseInt(args[1]);
        int n = Integer.parseInt(args[2]);
        HttpBench b = new HttpBench(System.getProperty("base"));
        run(b, warm);
        long cpu0 = cpuTicks(pid);
        long t0 = System.nanoTime();
        run(b, n);
        long ticks = cpuTicks(pid) - cpu0;
        double wall = (System.nanoTime() - t0) / 1e6;
        double tickMs = 1000.0 / Long.getLong("clkTck", 100);
        System.out.printf("%d actions after %d warm-up%s: server CPU %.2f ms/action (%.0f ms in all), wall %.2f ms/action; load %s%n",
                n, warm, HttpBench.GZIP ? ", gzipped" : "", ticks * tickMs / n, ticks * tickMs, wall / n, Files.readString(Path.of("/proc/loadavg")).strip());
    }

    private static void run(HttpBench b, int actions) throws Exception {
        for (int i = 0; i < actions; i++) {
            var r = b.action(b.learners.get(i % b.learners.size()));
            if (r.statusCode() != 200) throw new IllegalStateException("action " + i + ": HTTP " + r.statusCode() + " " + r.body());
        }
    }

    /** The process's user plus system time, in clock ticks (fields 14 and 15 of /proc/PID/stat). */
    static long cpuTicks(long pid) throws Exception {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }
}

package cloudlab.cli;

import cloudlab.sim.InputException;
import cloudlab.sim.document.Json;
import cloudlab.sim.Layout;
import cloudlab.sim.document.LayoutReader;
import cloudlab.sim.RegionCatalog;
import cloudlab.sim.time.CpuPolicy;
import cloudlab.sim.time.TimeSimulator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code cloud-lab run LAYOUT --seconds N [--every S] [--policy fair|proportional]}: plays the
 * layout's workload for N seconds and prints the timeline and summary as JSON.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Play a layout's CPU and memory load over time: a timeline and a summary (JSON on stdout).")
final class RunCommand implements Callable<Integer> {
    @ParentCommand
    CloudLabCommand parent;

    @Parameters(index = "0", paramLabel = "LAYOUT", description = "A layout document (.json, .yml or .yaml).")
    Path layout;

    @Option(names = "--seconds", required = true, paramLabel = "N", description = "How many seconds to play (1 to 86400).")
    long seconds;

    @Option(names = "--every", paramLabel = "S", description = "Sample the timeline every S seconds (default: about 60 samples).")
    Long every;

    @Option(names = "--policy", paramLabel = "POLICY", defaultValue = "fair",
            description = "How a host divides its cores: fair (shares, reservations, limits) or proportional (as CloudSim).")
    String policy;

    @Override
    public Integer call() {
        try {
            String problem = TimeSimulator.secondsProblem(seconds);
            if (problem != null) throw new InputException("--seconds: " + problem);
            CpuPolicy p = CpuPolicy.fromWord(policy);
            if (p == null) throw new InputException("--policy: must be fair or proportional (got " + policy + ")");
            Layout l = LayoutReader.read(layout, RegionCatalog.builtIn());
            problem = TimeSimulator.sizeProblem(l, seconds);
            if (problem != null) throw new InputException("--seconds: " + problem);
            long step = every == null ? TimeSimulator.defaultEvery(seconds) : every;
            problem = TimeSimulator.everyProblem(l, seconds, step);
            if (problem != null) throw new InputException("--every: " + problem);
            parent.out.println(Json.pretty(TimeSimulator.run(l, seconds, step, p)));
            return 0;
        } catch (InputException e) {
            parent.err.println(e.getMessage());
            return 2;
        }
    }
}

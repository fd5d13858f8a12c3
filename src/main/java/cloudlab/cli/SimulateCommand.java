package cloudlab.cli;

import cloudlab.sim.InputException;
import cloudlab.sim.Layout;
import cloudlab.sim.Location;
import cloudlab.sim.RegionCatalog;
import cloudlab.sim.Rules;
import cloudlab.sim.Simulator;
import cloudlab.sim.User;
import cloudlab.sim.document.Json;
import cloudlab.sim.document.LayoutReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code cloud-lab simulate LAYOUT [--fail ID]... [--user NAME=LAT,LON]...}: prints the report. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Print the report of a layout (JSON on stdout).")
final class SimulateCommand implements Callable<Integer> {
    private static final Pattern USER = Pattern.compile("([^=]+)=\\s*([-+]?[0-9.]+)\\s*,\\s*([-+]?[0-9.]+)\\s*");

    @ParentCommand
    CloudLabCommand parent;

    @Parameters(index = "0", paramLabel = "LAYOUT", description = "A layout document (.json, .yml or .yaml).")
    Path layout;

    @Option(names = "--fail", paramLabel = "ID", description = "Fail a region, zone, data center or host (repeatable).")
    List<String> fail = new ArrayList<>();

    @Option(names = "--user", paramLabel = "NAME=LAT,LON", description = "Add a user location (repeatable).")
    List<String> users = new ArrayList<>();

    @Override
    public Integer call() {
        try {
            Layout l = LayoutReader.read(layout, RegionCatalog.builtIn());
            for (String id : fail) {
                String problem = Simulator.failProblem(l, id);
                if (problem != null) throw new InputException(layout + ": --fail " + id + ": " + problem);
            }
            List<User> extra;
            try {
                extra = parseUsers(users, l);
            } catch (InputException e) {
                // like --fail, a bad --user names the file it was given with
                throw new InputException(layout + ": " + e.getMessage());
            }
            parent.out.println(Json.pretty(Simulator.simulate(l, fail, extra)));
            return 0;
        } catch (InputException e) {
            parent.err.println(e.getMessage());
            return 2;
        }
    }

    /** Parses {@code NAME=LAT,LON} arguments; names must be new to the layout and to each other. */
    static List<User> parseUsers(List<String> args, Layout layout) throws InputException {
        List<User> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        layout.users().forEach(u -> names.add(u.name()));
        for (String arg : args) {
            Matcher m = USER.matcher(arg);
            if (!m.matches()) throw new InputException("--user " + arg + ": must look like NAME=LAT,LON, e.g. sydney=-33.87,151.21");
            String name = m.group(1).strip();
            String problem = Rules.userName(name);
            if (problem != null) throw new InputException("--user " + arg + ": the name " + problem);
            Location loc;
            try {
                loc = Location.of(m.group(2), m.group(3));
            } catch (NumberFormatException e) {
                throw new InputException("--user " + arg + ": LAT and LON must be numbers, e.g. sydney=-33.87,151.21");
            }
            problem = Rules.location(loc);
            if (problem != null) throw new InputException("--user " + arg + ": " + problem);
            if (!names.add(name)) throw new InputException("--user " + arg + ": there is already a user named " + name);
            out.add(new User(name, new Location(new BigDecimal(m.group(2)), new BigDecimal(m.group(3)))));
        }
        return out;
    }
}

package cloudlab.sim.document;

import cloudlab.sim.Hypervisor;
import cloudlab.sim.InputException;
import cloudlab.sim.Location;
import cloudlab.sim.Node;
import cloudlab.sim.Num;
import cloudlab.sim.Rules;

import cloudlab.sim.grade.Challenge;
import cloudlab.sim.grade.Goal;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a challenge file (contract section 5) with the same strictness as a layout: unknown
 * fields, unknown goals, malformed arguments and a challenge with no goals are all refused.
 */
public final class ChallengeReader {
    /** The goals this project knows, for messages. */
    public static final String KNOWN_GOALS = "appAvailable, survivesZoneFailure, survivesRegionFailure, "
            + "survivesDatacenterFailure, survivesHostFailure, minRunning, maxHosts, minZones, allHostsHypervisor, maxCpuOvercommit, maxRttMs, "
            + "emptyHost, maxMonthlyCost, maxStealPercent, noSwap, minUtilisation";

    /** The fields each object of a challenge may hold, as messages list them. */
    private static final Check.Fields CHALLENGE_FIELDS = Check.Fields.of("id", "title", "start", "goals");
    private static final Check.Fields COUNT_IN_REGION_FIELDS = Check.Fields.of("region", "count");
    private static final Check.Fields APP_COUNT_FIELDS = Check.Fields.of("app", "count");
    private static final Check.Fields LATENCY_FIELDS = Check.Fields.of("user", "app", "ms");
    private static final Check.Fields UPTIME_FIELDS = Check.Fields.of("app", "percent", "seconds");
    private static final Check.Fields LOCATION_FIELDS = Check.Fields.of("lat", "lon");
    private static final Check.Fields COST_FIELDS = Check.Fields.of("usd", "writtenGB");

    private final Check check;

    private ChallengeReader(String source) {
        this.check = new Check(source);
    }

    /** Reads a challenge file; a challenge without an id takes the file's name without its extension. */
    public static Challenge read(Path file) throws InputException {
        String text = Documents.readText(file);
        String source = file.toString();
        JsonNode tree = Documents.parse(text, Documents.formatOf(source, text), source);
        String stem = file.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        return fromTree(tree, "", source, stem);
    }

    /** Reads a challenge from a tree, as in a request body ({@code place} is where it sits). */
    public static Challenge fromTree(JsonNode tree, String place, String source, String defaultId) throws InputException {
        ChallengeReader r = new ChallengeReader(source);
        ObjectNode o = r.check.object(tree, place, "a challenge");
        r.check.required(o, place, CHALLENGE_FIELDS, "goals");
        String id = defaultId;
        String title = null;
        String start = null;
        List<Goal> goals = null;
        for (Map.Entry<String, JsonNode> f : Check.entries(o)) {
            String fp = Check.child(place, f.getKey());
            switch (f.getKey()) {
                case "id" -> {
                    id = r.check.text(f.getValue(), fp);
                    String e = Rules.id(id);
                    if (e != null) throw r.check.fail(fp, e);
                }
                case "title" -> title = r.check.text(f.getValue(), fp);
                case "start" -> start = r.check.text(f.getValue(), fp);
                case "goals" -> goals = r.goals(f.getValue(), fp);
                default -> throw r.check.unknown(place, f.getKey(), CHALLENGE_FIELDS);
            }
        }
        if (id == null) throw r.check.fail(place, "missing required field id");
        return new Challenge(id, title == null ? id : title, start, goals);
    }

    /** Reads a list of goals: at least one, each a mapping of one goal name to its argument. */
    public static List<Goal> goals(JsonNode list, String place, String source) throws InputException {
        return new ChallengeReader(source).goals(list, place);
    }

    private List<Goal> goals(JsonNode node, String place) throws InputException {
        ArrayNode list = check.list(node, place);
        if (list.isEmpty()) throw check.fail(place, "a challenge needs at least one goal");
        List<Goal> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String p = Check.item(place, i);
            ObjectNode o = check.object(list.get(i), p, "a goal");
            if (o.size() != 1) {
                throw check.fail(p, "a goal is one name and its argument, like {maxHosts: 4} (got " + o.size() + " fields)");
            }
            Map.Entry<String, JsonNode> g = o.fields().next();
            out.add(goal(g.getKey(), g.getValue(), Check.child(p, g.getKey())));
        }
        return out;
    }

    private Goal goal(String name, JsonNode arg, String place) throws InputException {
        return switch (name) {
            case "appAvailable" -> new Goal.AppAvailable(arg, appName(arg, place));
            case "survivesZoneFailure" -> new Goal.Survives(arg, Node.Kind.ZONE, appName(arg, place));
            case "survivesRegionFailure" -> new Goal.Survives(arg, Node.Kind.REGION, appName(arg, place));
            case "survivesDatacenterFailure" -> new Goal.Survives(arg, Node.Kind.DATACENTER, appName(arg, place));
            case "survivesHostFailure" -> new Goal.Survives(arg, Node.Kind.HOST, appName(arg, place));
            case "maxHosts" -> new Goal.MaxHosts(arg, check.whole(arg, place, 0, 1_000_000));
            case "minZones" -> minZones(arg, place);
            case "minRunning" -> minRunning(arg, place);
            case "allHostsHypervisor" -> {
                String word = check.text(arg, place);
                Hypervisor h = Hypervisor.fromWord(word);
                if (h == null) throw check.fail(place, "must be type1 or type2 (got " + Rules.quote(word) + ")");
                yield new Goal.AllHostsHypervisor(arg, h);
            }
            case "maxCpuOvercommit" -> {
                BigDecimal x = check.decimal(arg, place);
                if (x.signum() <= 0) throw check.fail(place, "must be a ratio above 0 (got " + Num.show(x) + ")");
                yield new Goal.MaxCpuOvercommit(arg, x);
            }
            case "maxRttMs" -> maxRtt(arg, place);
            case "emptyHost" -> new Goal.EmptyHost(arg, appName(arg, place));
            case "maxMonthlyCost" -> maxMonthlyCost(arg, place);
            case "maxStealPercent" -> maxSteal(arg, place);
            case "noSwap" -> new Goal.NoSwap(arg, appName(arg, place));
            case "minUtilisation" -> new Goal.MinUtilisation(arg, percent(arg, place));
            default -> throw check.fail(place, "unknown goal " + name + Spelling.nearest(name, List.of(KNOWN_GOALS.split(", ")))
                    .map(g -> " (did you mean " + g + "?)").orElse(" (known goals: " + KNOWN_GOALS + ")"));
        };
    }

    private String appName(JsonNode arg, String place) throws InputException {
        String app = check.text(arg, place);
        String e = Rules.id(app);
        if (e != null) throw check.fail(place, e);
        return app;
    }

    private Goal minZones(JsonNode arg, String place) throws InputException {
        ObjectNode o = check.object(arg, place, "{region: CODE, count: N}");
        check.required(o, place, COUNT_IN_REGION_FIELDS, "region", "count");
        String region = null;
        int count = 0;
        for (Map.Entry<String, JsonNode> f : Check.entries(o)) {
            String fp = Check.child(place, f.getKey());
            switch (f.getKey()) {
                case "region" -> region = appName(f.getValue(), fp);
                case "count" -> count = check.whole(f.getValue(), fp, 0, 100_000);
                default -> throw check.unknown(place, f.getKey(), COUNT_IN_REGION_FIELDS);
            }
        }
        return new Goal.MinZones(arg, region, count);
    }

    private Goal minRunning(JsonNode arg, String place) throws InputException {
        ObjectNode o = check.object(arg, place, "{app: APP, count: N}");
        check.required(o, place, APP_COUNT_FIELDS, "app", "count");
        String app = null;
        int count = 0;
        for (Map.Entry<String, JsonNode> f : Check.entries(o)) {
            String fp = Check.child(place, f.getKey());
            switch (f.getKey()) {
                case "app" -> app = appName(f.getValue(), fp);
                case "count" -> count = check.whole(f.getValue(), fp, 1, Rules.MAX_MIN_RUNNING);
                default -> throw check.unknown(place, f.getKey(), APP_COUNT_FIELDS);
            }
        }
        return new Goal.MinRunning(arg, app, count);
    }

    private Goal maxRtt(JsonNode arg, String place) throws InputException {
        ObjectNode o = check.object(arg, place, "{user: {lat, lon}, app: APP, ms: N}");
        check.required(o, place, LATENCY_FIELDS, "user", "app", "ms");
        Location user = null;
        String app = null;
        BigDecimal ms = null;
        for (Map.Entry<String, JsonNode> f : Check.entries(o)) {
            String fp = Check.child(place, f.getKey());
            switch (f.getKey()) {
                case "user" -> user = point(f.getValue(), fp);
                case "app" -> app = appName(f.getValue(), fp);
                case "ms" -> {
                    ms = check.decimal(f.getValue(), fp);
                    if (ms.signum() < 0) throw check.fail(fp, "must be 0 or more (got " + Num.show(ms) + ")");
                }
                default -> throw check.unknown(place, f.getKey(), LATENCY_FIELDS);
            }
        }
        return new Goal.MaxRttMs(arg, user, app, ms);
    }

    private Goal maxSteal(JsonNode arg, String place) throws InputException {
        ObjectNode o = check.object(arg, place, "{app: APP, percent: N}");
        check.required(o, place, UPTIME_FIELDS, "app", "percent");
        String app = null;
        BigDecimal percent = null;
        int seconds = cloudlab.sim.time.TimeGoals.DEFAULT_SECONDS;
        for (Map.Entry<String, JsonNode> f : Check.entries(o)) {
            String fp = Check.child(place, f.getKey());
            switch (f.getKey()) {
                case "app" -> app = appName(f.getValue(), fp);
                case "percent" -> percent = percent(f.getValue(), fp);
                case "seconds" -> seconds = check.whole(f.getValue(), fp, 1, cloudlab.sim.time.WorkloadReader.MAX_SECONDS);
                default -> throw check.unknown(place, f.getKey(), UPTIME_FIELDS);
            }
        }
        return new Goal.MaxStealPercent(arg, app, percent, seconds);
    }

    private BigDecimal percent(JsonNode arg, String place) throws InputException {
        BigDecimal x = check.decimal(arg, place);
        if (x.signum() < 0 || x.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw check.fail(place, "must be a percent from 0 to 100 (got " + Num.show(x) + ")");
        }
        return x;
    }

    private Location point(JsonNode n, String place) throws InputException {
        ObjectNode o = check.object(n, place, "a point {lat, lon}");
        check.required(o, place, LOCATION_FIELDS, "lat", "lon");
        BigDecimal lat = null;
        BigDecimal lon = null;
        for (Map.Entry<String, JsonNode> f : Check.entries(o)) {
            String fp = Check.child(place, f.getKey());
            switch (f.getKey()) {
                case "lat" -> {
                    lat = check.decimal(f.getValue(), fp);
                    String e = Rules.latitude(lat);
                    if (e != null) throw check.fail(fp, e);
                }
                case "lon" -> {
                    lon = check.decimal(f.getValue(), fp);
                    String e = Rules.longitude(lon);
                    if (e != null) throw check.fail(fp, e);
                }
                default -> throw check.unknown(place, f.getKey(), LOCATION_FIELDS);
            }
        }
        return new Location(lat, lon);
    }

    private Goal maxMonthlyCost(JsonNode arg, String place) throws InputException {
        ObjectNode o = check.object(arg, place, "{usd: N, writtenGB: N}");
        check.required(o, place, COST_FIELDS, "usd");
        BigDecimal usd = null;
        BigDecimal written = BigDecimal.ZERO;
        for (Map.Entry<String, JsonNode> f : Check.entries(o)) {
            String fp = Check.child(place, f.getKey());
            BigDecimal x = switch (f.getKey()) {
                case "usd", "writtenGB" -> check.decimal(f.getValue(), fp);
                default -> throw check.unknown(place, f.getKey(), COST_FIELDS);
            };
            if (x.signum() < 0) throw check.fail(fp, "must be 0 or more (got " + Num.show(x) + ")");
            if (f.getKey().equals("usd")) usd = x;
            else written = x;
        }
        return new Goal.MaxMonthlyCost(arg, usd, written);
    }
}

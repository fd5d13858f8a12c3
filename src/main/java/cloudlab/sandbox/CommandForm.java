package cloudlab.sandbox;

import cloudlab.sim.Command;
import cloudlab.sim.HostSpec;
import cloudlab.sim.Hypervisor;
import cloudlab.sim.InputException;
import cloudlab.sim.Layout;
import cloudlab.sim.Location;
import cloudlab.sim.Placement;
import cloudlab.sim.Vm;
import cloudlab.sim.VmSpec;
import cloudlab.sim.time.Profile;
import cloudlab.sim.time.ProfileText;
import cloudlab.sim.time.VmLoad;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Turns a sandbox form into a core command. Only the shape of each field is checked here ("a
 * number", "one of these words"); every rule about the layout is the core's to decide.
 */
public final class CommandForm {
    private final Map<String, List<String>> form;

    private CommandForm(Map<String, List<String>> form) {
        this.form = form;
    }

    /**
     * The action a form asks for, as a function of the sandbox's state: most forms name their
     * command outright; "Change a host" changes only the fields the learner changed.
     */
    public static Function<Layout, Command> parse(Map<String, List<String>> form) throws InputException {
        return new CommandForm(actOnRow(form)).action();
    }

    /** The fields of a form as the learner typed them, to show again: the fields the page never shows left out. */
    public static Map<String, String> typed(Map<String, List<String>> form) {
        Map<String, String> out = new java.util.HashMap<>();
        form.forEach((k, v) -> {
            if (!v.isEmpty() && !List.of("_csrf", "op", "form", "version", "act").contains(k)) out.put(k, v.get(0));
        });
        return out;
    }

    /**
     * A button of the table sends its action and the row's id as one value, {@code act=op id}
     * (one form holds the whole table): read as the fields {@code op} and {@code id}.
     */
    private static Map<String, List<String>> actOnRow(Map<String, List<String>> form) {
        List<String> act = form.get("act");
        if (act == null || act.isEmpty() || form.containsKey("op")) return form;
        String[] opId = act.get(0).strip().split(" ", 2);
        Map<String, List<String>> out = new java.util.HashMap<>(form);
        out.put("op", List.of(opId[0]));
        if (opId.length == 2) out.put("id", List.of(opId[1]));
        return out;
    }

    private Function<Layout, Command> action() throws InputException {
        String op = text("op");
        return switch (op) {
            case "set-name" -> fixed(new Command.SetName(optional("name")));
            case "add-app" -> fixed(new Command.AddApp(text("name"), optionalWhole("minRunning")));
            case "set-min-running" -> fixed(new Command.SetMinRunning(text("app"), whole("minRunning")));
            case "remove-app" -> fixed(new Command.RemoveApp(text("name")));
            case "add-region" -> fixed(addRegion());
            case "move-region" -> fixed(new Command.MoveRegion(text("id"), location()));
            case "remove-region" -> fixed(new Command.RemoveRegion(text("id")));
            case "add-zone" -> fixed(new Command.AddZone(text("region"), text("id")));
            case "remove-zone" -> fixed(new Command.RemoveZone(text("id")));
            case "add-datacenter" -> fixed(new Command.AddDatacenter(text("zone"), text("id")));
            case "remove-datacenter" -> fixed(new Command.RemoveDatacenter(text("id")));
            case "add-host" -> fixed(new Command.AddHost(text("datacenter"), text("id"), hostSpec()));
            case "change-host" -> hostChange()::command;
            case "remove-host" -> fixed(new Command.RemoveHost(text("id")));
            case "add-vm" -> fixed(addVm());
            case "resize-vm" -> fixed(new Command.ResizeVm(text("id"), whole("vcpus"), decimal("memoryGiB"), decimal("diskGiB")));
            case "remove-vm" -> fixed(new Command.RemoveVm(text("id")));
            case "start-vm" -> fixed(new Command.StartVm(text("id")));
            case "stop-vm" -> fixed(new Command.StopVm(text("id")));
            case "migrate-vm" -> fixed(new Command.MigrateVm(text("id"), text("host")));
            case "set-vm-app" -> fixed(new Command.SetVmApp(text("id"), optional("app")));
            case "rename" -> fixed(new Command.Rename(text("id"), text("newId")));
            case "fail" -> fixed(new Command.Fail(text("id")));
            case "restore" -> fixed(new Command.Restore(text("id")));
            case "place-user" -> fixed(new Command.PlaceUser(text("name"), location()));
            case "remove-user" -> fixed(new Command.RemoveUser(text("name")));
            case "set-vm-load" -> vmLoad();
            case "set-host-os-load" -> fixed(hostOsLoad());
            default -> throw new InputException("op: unknown action " + shorten(op));
        };
    }

    private static Function<Layout, Command> fixed(Command command) {
        return state -> command;
    }

    /**
     * "Change a host": a field sent back as it started (its {@code was-} twin) or left empty is a
     * field the learner did not change, and stays null.
     */
    private HostChange hostChange() throws InputException {
        String word = changed("hypervisor");
        Hypervisor h = word == null ? null : Hypervisor.fromWord(word);
        if (word != null && h == null) throw new InputException("hypervisor: must be type1 or type2");
        Integer cores = changed("cores") == null ? null : whole("cores");
        return new HostChange(text("id"), h, cores, changedDecimal("memoryGiB"), changedDecimal("storageGiB"),
                changedDecimal("cpuOvercommit"), changedDecimal("memoryOvercommit"));
    }

    /** The field's text when the learner changed it, else null. */
    private String changed(String field) throws InputException {
        String v = optional(field);
        if (v == null) return null;
        String was = optional("was-" + field);
        if (v.equals(was)) return null;
        if (was != null) {
            try {
                if (new BigDecimal(v.replace(',', '.')).compareTo(new BigDecimal(was)) == 0) return null;
            } catch (NumberFormatException e) {
                // not two numbers: they differ as text, and the field's own check says what is wrong
            }
        }
        return v;
    }

    private BigDecimal changedDecimal(String field) throws InputException {
        return changed(field) == null ? null : decimal(field);
    }

    /**
     * "Set a VM's load": CPU demand in {@link ProfileText}'s syntax, active memory, shares,
     * reservation and limit. A demand sent back as it started (its {@code was-} twin) keeps the VM's
     * profile as it is, so editing the shares of a VM with steps does not rewrite its steps.
     */
    private Function<Layout, Command> vmLoad() throws InputException {
        String id = text("id");
        String demand = text("cpuDemand");
        Profile typed = demand.equals(optional("was-cpuDemand")) ? null : ProfileText.parse(demand, "cpuDemand");
        double active = decimal("activeMemoryGiB").doubleValue();
        int shares = whole("shares");
        double reservation = decimal("reservation").doubleValue();
        double limit = decimal("limit").doubleValue();
        if (shares < 1 || reservation < 0 || limit < reservation || active < 0) {
            throw new InputException("shares must be at least 1, active memory and the reservation at least 0, and the limit at least the reservation");
        }
        return state -> {
            Vm vm = state.node(id, Vm.class);
            Profile cpu = typed != null ? typed : vm == null ? Profile.Constant.IDLE : state.workload().of(vm).cpu();
            return new Command.SetVmLoad(id, new VmLoad(cpu, active, shares, reservation, limit));
        };
    }

    /** "Set a type 2 host's own OS load": a profile in {@link ProfileText}'s syntax, or nothing for an idle host OS. */
    private Command hostOsLoad() throws InputException {
        String load = optional("hostOsLoad");
        return new Command.SetHostOsLoad(text("id"), load == null ? null : ProfileText.parse(load, "hostOsLoad"));
    }

    private Command addRegion() throws InputException {
        String code = text("code");
        if (code.equals("custom")) return new Command.AddRegion(text("customCode"), location());
        return new Command.AddRegion(code, null);
    }

    private Command addVm() throws InputException {
        String state = optional("state");
        boolean running = state == null || state.equals("running");
        if (state != null && !state.equals("running") && !state.equals("stopped")) {
            throw new InputException("state: must be running or stopped");
        }
        VmSpec spec = new VmSpec(whole("vcpus"), decimal("memoryGiB"), decimal("diskGiB"), optional("app"), running);
        String host = optional("host");
        Placement.Policy policy = null;
        if (host == null) {
            String word = optional("policy");
            policy = word == null ? Placement.Policy.FIRST_FIT : Placement.Policy.fromWord(word);
            if (policy == null) throw new InputException("policy: must be first-fit, best-fit or spread");
        }
        return new Command.AddVm(text("id"), spec, host, policy);
    }

    private HostSpec hostSpec() throws InputException {
        String word = text("hypervisor");
        Hypervisor h = Hypervisor.fromWord(word);
        if (h == null) throw new InputException("hypervisor: must be type1 or type2");
        BigDecimal cpu = optionalDecimal("cpuOvercommit");
        BigDecimal mem = optionalDecimal("memoryOvercommit");
        return new HostSpec(h, whole("cores"), decimal("memoryGiB"), decimal("storageGiB"), cpu, mem);
    }

    private Location location() throws InputException {
        return new Location(decimal("lat"), decimal("lon"));
    }

    private String optional(String field) {
        List<String> values = form.get(field);
        if (values == null || values.isEmpty()) return null;
        String v = values.get(0).strip();
        return v.isEmpty() ? null : v;
    }

    private String text(String field) throws InputException {
        String v = optional(field);
        if (v == null) throw new InputException(field + ": fill this in");
        if (v.length() > 200) throw new InputException(field + ": must be at most 200 characters");
        return v;
    }

    private int whole(String field) throws InputException {
        return whole(field, text(field));
    }

    /**
     * A whole number a form sent in {@code field} ({@code value}, stripped), or {@code absent} when it
     * sent none or a blank one (a page's history buttons hold a version; a script's post may not);
     * with {@code absent} null the field must be there.
     */
    public static int whole(String field, String value, Integer absent) throws InputException {
        String v = value == null ? "" : value.strip();
        return v.isEmpty() && absent != null ? absent : whole(field, v);
    }

    private static int whole(String field, String v) throws InputException {
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new InputException(field + ": must be a whole number, like 4 (got " + shorten(v) + ")");
        }
    }

    private Integer optionalWhole(String field) throws InputException {
        return optional(field) == null ? null : whole(field);
    }

    private BigDecimal decimal(String field) throws InputException {
        String v = text(field);
        try {
            BigDecimal d = new BigDecimal(v.replace(',', '.'));
            if (d.abs().compareTo(new BigDecimal("1e9")) > 0) throw new InputException(field + ": that number is far too large");
            return d;
        } catch (NumberFormatException e) {
            throw new InputException(field + ": must be a number, like 16 or 0.5 (got " + shorten(v) + ")");
        }
    }

    private BigDecimal optionalDecimal(String field) throws InputException {
        return optional(field) == null ? null : decimal(field);
    }

    private static String shorten(String s) {
        return "\"" + (s.length() > 30 ? s.substring(0, 27) + "..." : s) + "\"";
    }
}

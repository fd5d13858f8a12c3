package cloudlab.web;

import cloudlab.sim.Command;
import cloudlab.sim.HostSpec;
import cloudlab.sim.Hypervisor;
import cloudlab.sim.InputException;
import cloudlab.sim.Location;
import cloudlab.sim.Placement;
import cloudlab.sim.VmSpec;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Turns a sandbox form into a core command. Only the shape of each field is checked here ("a
 * number", "one of these words"); every rule about the layout is the core's to decide.
 */
final class CommandForms {
    private final Map<String, List<String>> form;

    private CommandForms(Map<String, List<String>> form) {
        this.form = form;
    }

    static Command parse(Map<String, List<String>> form) throws InputException {
        return new CommandForms(form).command();
    }

    private Command command() throws InputException {
        String op = text("op");
        return switch (op) {
            case "set-name" -> new Command.SetName(optional("name"));
            case "add-app" -> new Command.AddApp(text("name"), optionalWhole("minRunning"));
            case "set-min-running" -> new Command.SetMinRunning(text("app"), whole("minRunning"));
            case "remove-app" -> new Command.RemoveApp(text("name"));
            case "add-region" -> addRegion();
            case "move-region" -> new Command.MoveRegion(text("id"), location());
            case "remove-region" -> new Command.RemoveRegion(text("id"));
            case "add-zone" -> new Command.AddZone(text("region"), text("id"));
            case "remove-zone" -> new Command.RemoveZone(text("id"));
            case "add-datacenter" -> new Command.AddDatacenter(text("zone"), text("id"));
            case "remove-datacenter" -> new Command.RemoveDatacenter(text("id"));
            case "add-host" -> new Command.AddHost(text("datacenter"), text("id"), hostSpec());
            case "change-host" -> new Command.ChangeHost(text("id"), hostSpec());
            case "remove-host" -> new Command.RemoveHost(text("id"));
            case "add-vm" -> addVm();
            case "resize-vm" -> new Command.ResizeVm(text("id"), whole("vcpus"), decimal("memoryGiB"), decimal("diskGiB"));
            case "remove-vm" -> new Command.RemoveVm(text("id"));
            case "start-vm" -> new Command.StartVm(text("id"));
            case "stop-vm" -> new Command.StopVm(text("id"));
            case "migrate-vm" -> new Command.MigrateVm(text("id"), text("host"));
            case "set-vm-app" -> new Command.SetVmApp(text("id"), optional("app"));
            case "rename" -> new Command.Rename(text("id"), text("newId"));
            case "fail" -> new Command.Fail(text("id"));
            case "restore" -> new Command.Restore(text("id"));
            case "place-user" -> new Command.PlaceUser(text("name"), location());
            case "remove-user" -> new Command.RemoveUser(text("name"));
            default -> throw new InputException("op: unknown action " + shorten(op));
        };
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
        String v = text(field);
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

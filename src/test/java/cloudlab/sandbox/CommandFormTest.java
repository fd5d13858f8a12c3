package cloudlab.sandbox;

import cloudlab.sim.Command;
import cloudlab.sim.InputException;
import cloudlab.sim.Layout;
import cloudlab.sim.Placement;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A sandbox form's fields: their shape is checked here, with the field named in every refusal. */
class CommandFormTest {
    private static Map<String, List<String>> form(String... pairs) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) m.put(pairs[i], List.of(pairs[i + 1]));
        return m;
    }

    private static Command command(String... pairs) throws InputException {
        Layout state = WorkspaceTest.sandbox().history().state();
        return CommandForm.parse(form(pairs)).apply(state);
    }

    private static String refusal(String... pairs) {
        return assertThrows(InputException.class, () -> command(pairs)).getMessage();
    }

    @Test
    void aVmFormBecomesTheCommandWithItsNumbersAndDefaults() throws InputException {
        Command.AddVm vm = (Command.AddVm) command("op", "add-vm", "id", "web-1", "vcpus", "2", "memoryGiB", "0,5", "diskGiB", "20");
        assertEquals("web-1", vm.id());
        assertEquals(2, vm.spec().vcpus());
        assertEquals(0, new BigDecimal("0.5").compareTo(vm.spec().memoryGiB()), "a decimal comma reads as a point");
        assertEquals(true, vm.spec().running(), "a VM starts running unless the form says stopped");
        assertEquals(Placement.Policy.FIRST_FIT, vm.policy(), "without a host, first fit places it");
    }

    @Test
    void aWholeNumberFieldOutsideACommandHasTheSameRuleAndAnOptionalDefault() throws InputException {
        assertEquals(7, CommandForm.whole("version", " 7 ", -1));
        assertEquals(-1, CommandForm.whole("version", "  ", -1), "blank stands for the default");
        assertEquals(-1, CommandForm.whole("version", null, -1), "missing stands for the default");
        assertEquals("version: must be a whole number, like 4 (got \"v3\")",
                assertThrows(InputException.class, () -> CommandForm.whole("version", "v3", -1)).getMessage());
        assertEquals("step: must be a whole number, like 4 (got \"\")",
                assertThrows(InputException.class, () -> CommandForm.whole("step", null, null)).getMessage(), "no default: the field must be there");
    }

    @Test
    void eachFieldRuleNamesItsField() {
        assertEquals("op: fill this in", refusal());
        assertEquals("op: unknown action \"launch\"", refusal("op", "launch"));
        assertEquals("id: fill this in", refusal("op", "remove-vm", "id", "   "));
        assertEquals("id: must be at most 200 characters", refusal("op", "remove-vm", "id", "x".repeat(201)));
        assertEquals("vcpus: must be a whole number, like 4 (got \"two\")",
                refusal("op", "add-vm", "id", "v", "vcpus", "two", "memoryGiB", "1", "diskGiB", "1"));
        assertEquals("memoryGiB: must be a number, like 16 or 0.5 (got \"lots\")",
                refusal("op", "add-vm", "id", "v", "vcpus", "1", "memoryGiB", "lots", "diskGiB", "1"));
        assertEquals("memoryGiB: that number is far too large",
                refusal("op", "add-vm", "id", "v", "vcpus", "1", "memoryGiB", "2e9", "diskGiB", "1"));
        assertEquals("state: must be running or stopped",
                refusal("op", "add-vm", "id", "v", "vcpus", "1", "memoryGiB", "1", "diskGiB", "1", "state", "asleep"));
        assertEquals("policy: must be first-fit, best-fit or spread",
                refusal("op", "add-vm", "id", "v", "vcpus", "1", "memoryGiB", "1", "diskGiB", "1", "policy", "random"));
        assertEquals("hypervisor: must be type1 or type2",
                refusal("op", "add-host", "datacenter", "dc1", "id", "h9", "hypervisor", "type3", "cores", "4",
                        "memoryGiB", "8", "storageGiB", "100"));
    }

    @Test
    void aLongUnknownActionIsShortenedInTheMessage() {
        assertEquals("op: unknown action \"" + "y".repeat(27) + "...\"", refusal("op", "y".repeat(40)));
    }

    @Test
    void changingAHostKeepsEveryFieldSentBackAsItWas() throws InputException {
        Command.ChangeHost c = (Command.ChangeHost) command("op", "change-host", "id", "h2",
                "cores", "4", "was-cores", "4", "memoryGiB", "12.0", "was-memoryGiB", "12", "storageGiB", "300", "was-storageGiB", "250");
        assertEquals(4, c.spec().cores(), "4 sent back as 4 is unchanged");
        assertEquals(0, new BigDecimal("12").compareTo(c.spec().memoryGiB()), "12.0 against 12 is the same number");
        assertEquals(0, new BigDecimal("300").compareTo(c.spec().storageGiB()), "the one field changed");
    }

    @Test
    void aCustomRegionTakesItsCodeAndPlace() throws InputException {
        Command.AddRegion r = (Command.AddRegion) command("op", "add-region", "code", "custom", "customCode", "lab-1",
                "lat", "10", "lon", "20");
        assertEquals("lab-1", r.code());
        assertEquals(0, BigDecimal.TEN.compareTo(r.location().lat()));
    }

    @Test
    void aHostOsLoadFormReadsAProfileAndAnEmptyFieldClearsIt() throws InputException {
        Command.SetHostOsLoad set = (Command.SetHostOsLoad) command("op", "set-host-os-load", "id", "laptop", "hostOsLoad", "10 from 0, 60 from 30");
        assertEquals("10 from 0, 60 from 30", cloudlab.sim.time.ProfileText.format(set.load()));
        assertEquals(null, ((Command.SetHostOsLoad) command("op", "set-host-os-load", "id", "laptop", "hostOsLoad", " ")).load());
        assertEquals("hostOsLoad: must be a number from 0 to 100 with at most 3 digits after the point (got 120)",
                refusal("op", "set-host-os-load", "id", "laptop", "hostOsLoad", "120"));
        assertEquals("id: fill this in", refusal("op", "set-host-os-load", "hostOsLoad", "20"));
    }
}

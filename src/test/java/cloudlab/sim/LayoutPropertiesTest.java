package cloudlab.sim;

import cloudlab.sim.document.Documents;
import cloudlab.sim.document.LayoutReader;
import cloudlab.sim.document.LayoutWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Properties over random command sequences drawn from a small pool of ids, so that many
 * commands are accepted and many refused: capacity always holds, history replays, documents
 * round-trip and undo/redo are exact.
 */
class LayoutPropertiesTest {
    static final int TRIES = 200;

    // ---- generators ----

    static final List<String> REGIONS = List.of("us-east-1", "eu-west-1", "lab-x", "007");
    static final List<String> ZONES = List.of("z1", "z2", "z3");
    static final List<String> DCS = List.of("d1", "d2", "d3");
    static final List<String> HOSTS = List.of("h1", "h2", "h3", "h4");
    static final List<String> VMS = List.of("v1", "v2", "v3", "v4");
    static final List<String> APPS = List.of("shop", "blog", "123");
    // ids that are valid but look like numbers, booleans or null to a careless YAML writer
    static final List<String> FRESH = List.of("n1", "123", "1e3", ".inf", "true", "null", "0x1F", "-5");
    static final List<String> FAILING = List.of("us-east-1", "z1", "d2", "h3");
    static final List<String> USERS = List.of("anna", "42", "yes", " spaced ", "a: b", "#tag", "~");
    static final List<String> NAMES = List.of("my lab", "null", "1.5", "line\nbreak", "  padded  ", "ünïcode ✓", "x: y", "");

    static Arbitrary<String> any(List<String> ids) {
        return Arbitraries.of(ids);
    }

    static Arbitrary<String> anyId() {
        List<String> all = new ArrayList<>();
        for (List<String> l : List.of(REGIONS, ZONES, DCS, HOSTS, VMS)) all.addAll(l);
        return Arbitraries.of(all);
    }

    static Arbitrary<BigDecimal> dec(String... values) {
        return Arbitraries.of(values).map(BigDecimal::new);
    }

    static Arbitrary<Location> locations() {
        return Combinators.combine(dec("59.33", "-33.87", "0", "10.50", "1e1", "90"), dec("18.07", "151.21", "-180", "0.5"))
                .as(Location::new);
    }

    static Arbitrary<HostSpec> hostSpecs() {
        return Combinators.combine(Arbitraries.of(Hypervisor.values()), Arbitraries.integers().between(1, 8),
                        dec("4.5", "8", "16.5", "33.3"), dec("0", "30", "100.5"), dec("1", "1.1", "1.5", "2.0"),
                        dec("1", "1.25", "2"))
                .as(HostSpec::new);
    }

    static Arbitrary<VmSpec> vmSpecs() {
        return Combinators.combine(Arbitraries.integers().between(1, 4), dec("0.5", "1", "1.1", "2.2", "4"), dec("0", "10", "20.25"),
                        Arbitraries.of("shop", "blog", "123").injectNull(0.4), Arbitraries.of(true, true, false))
                .as(VmSpec::new);
    }

    static final VmSpec SMALL_VM = new VmSpec(1, new BigDecimal("0.5"), BigDecimal.ZERO, null, true);

    /** A skeleton to grow from: apps, two regions, three zones with a data center and a host each, a few VMs. */
    static Arbitrary<List<Command>> scaffold() {
        return hostSpecs().list().ofSize(3).map(specs -> List.of(
                new Command.AddApp("shop", 2), new Command.AddApp("blog", null),
                new Command.AddRegion("us-east-1", null), new Command.AddRegion("lab-x", Location.of("59.33", "18.07")),
                new Command.AddZone("us-east-1", "z1"), new Command.AddZone("us-east-1", "z2"), new Command.AddZone("lab-x", "z3"),
                new Command.AddDatacenter("z1", "d1"), new Command.AddDatacenter("z2", "d2"), new Command.AddDatacenter("z3", "d3"),
                new Command.AddHost("d1", "h1", specs.get(0)), new Command.AddHost("d2", "h2", specs.get(1)),
                new Command.AddHost("d3", "h3", specs.get(2)),
                new Command.AddVm("v1", SMALL_VM.withApp("shop"), "h1", null),
                new Command.AddVm("v2", SMALL_VM.withApp("shop"), "h2", null),
                new Command.AddVm("v3", SMALL_VM.withRunning(false), null, Placement.Policy.SPREAD)));
    }

    @Provide
    Arbitrary<List<Command>> commands() {
        Arbitrary<Command> infrastructure = Arbitraries.oneOf(
                any(APPS).map(a -> new Command.AddApp(a, null)),
                any(REGIONS).flatMap(r -> r.startsWith("lab") || r.startsWith("0")
                        ? locations().map(l -> new Command.AddRegion(r, l))
                        : Arbitraries.just(new Command.AddRegion(r, null))),
                Combinators.combine(any(REGIONS), any(ZONES)).as(Command.AddZone::new),
                Combinators.combine(any(ZONES), any(DCS)).as(Command.AddDatacenter::new),
                Combinators.combine(any(DCS), any(HOSTS), hostSpecs()).as(Command.AddHost::new),
                Combinators.combine(any(HOSTS), hostSpecs()).as(Command.ChangeHost::new),
                Combinators.combine(any(REGIONS), locations()).as(Command.MoveRegion::new),
                any(REGIONS).map(Command.RemoveRegion::new),
                any(ZONES).map(Command.RemoveZone::new),
                any(DCS).map(Command.RemoveDatacenter::new),
                any(HOSTS).map(Command.RemoveHost::new));
        Arbitrary<Command> vms = Arbitraries.oneOf(
                Combinators.combine(any(VMS), vmSpecs(), any(HOSTS).injectNull(0.5), Arbitraries.of(Placement.Policy.values()))
                        .as(Command.AddVm::new),
                Combinators.combine(any(VMS), Arbitraries.integers().between(1, 6), dec("0.5", "1", "3.3", "8"), dec("0", "15", "40.5"))
                        .as(Command.ResizeVm::new),
                any(VMS).map(Command.RemoveVm::new),
                any(VMS).map(Command.StartVm::new),
                any(VMS).map(Command.StopVm::new),
                Combinators.combine(any(VMS), any(HOSTS)).as(Command.MigrateVm::new),
                Combinators.combine(any(VMS), Arbitraries.of("shop", "blog", "123").injectNull(0.3)).as(Command.SetVmApp::new),
                Combinators.combine(any(VMS), Arbitraries.of(
                        new cloudlab.sim.time.VmLoad(new cloudlab.sim.time.Profile.Constant(80), 0.5, 3000, 0.5, 1),
                        new cloudlab.sim.time.VmLoad(new cloudlab.sim.time.Profile.Pattern(new double[] {10, 90}, 5), 0, 1000, 0, 4)).injectNull(0.3))
                        .as(Command.SetVmLoad::new),
                Combinators.combine(any(HOSTS), Arbitraries.of(new cloudlab.sim.time.Profile.Constant(25)).injectNull(0.3))
                        .as(Command.SetHostOsLoad::new));
        Arbitrary<Command> other = Arbitraries.oneOf(
                any(NAMES).map(Command.SetName::new),
                Combinators.combine(any(APPS), Arbitraries.integers().between(1, 3)).as(Command.SetMinRunning::new),
                any(APPS).map(Command.RemoveApp::new),
                Combinators.combine(anyId(), any(FRESH)).as(Command.Rename::new),
                anyId().map(Command.Fail::new),
                any(FAILING).map(Command.Fail::new),
                any(FAILING).map(Command.Restore::new),
                any(FAILING).map(Command.Restore::new),
                Combinators.combine(any(USERS), locations()).as(Command.PlaceUser::new),
                Combinators.combine(any(USERS.subList(0, 2)), locations()).as(Command.PlaceUser::new),
                any(USERS.subList(0, 2)).map(Command.RemoveUser::new));
        Arbitrary<List<Command>> tail = Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(2, infrastructure),
                        net.jqwik.api.Tuple.of(5, vms),
                        net.jqwik.api.Tuple.of(2, other))
                .list().ofMinSize(1).ofMaxSize(40);
        return Combinators.combine(scaffold(), tail).as((a, b) -> {
            List<Command> all = new ArrayList<>(a);
            all.addAll(b);
            return all;
        });
    }

    // ---- independent checks, from the contract's words ----

    static BigDecimal reservedCores(Hypervisor h) {
        return new BigDecimal(h == Hypervisor.TYPE2 ? "1" : "0");
    }

    static BigDecimal reservedMemory(Hypervisor h) {
        return new BigDecimal(h == Hypervisor.TYPE2 ? "4" : "2");
    }

    /** R1–R4 for every host, summed from its VMs rather than taken from the host's counters. */
    static void assertCapacityHolds(Layout l, Object context) {
        for (Host h : l.hosts()) {
            HostSpec s = h.spec();
            BigDecimal cpu = BigDecimal.ZERO;
            BigDecimal mem = BigDecimal.ZERO;
            BigDecimal disk = BigDecimal.ZERO;
            for (Vm vm : h.vms()) {
                if (vm.running()) {
                    cpu = cpu.add(BigDecimal.valueOf(vm.vcpus()));
                    mem = mem.add(vm.memoryGiB());
                }
                disk = disk.add(vm.diskGiB());
            }
            BigDecimal cores = BigDecimal.valueOf(s.cores());
            assertTrue(cores.compareTo(reservedCores(s.hypervisor())) > 0, () -> "R1 cores, " + h.id() + " after " + context);
            assertTrue(s.memoryGiB().compareTo(reservedMemory(s.hypervisor())) > 0, () -> "R1 memory, " + h.id() + " after " + context);
            BigDecimal cpuCap = cores.subtract(reservedCores(s.hypervisor())).multiply(s.cpuOvercommit());
            BigDecimal memCap = s.memoryGiB().subtract(reservedMemory(s.hypervisor())).multiply(s.memoryOvercommit());
            BigDecimal c = cpu, m = mem, d = disk;
            assertTrue(cpu.compareTo(cpuCap) <= 0, () -> "R2 " + h.id() + ": " + c + " > " + cpuCap + " after " + context);
            assertTrue(mem.compareTo(memCap) <= 0, () -> "R3 " + h.id() + ": " + m + " > " + memCap + " after " + context);
            assertTrue(disk.compareTo(s.storageGiB()) <= 0, () -> "R4 " + h.id() + ": " + d + " > " + s.storageGiB() + " after " + context);
            assertEquals(0, cpu.compareTo(BigDecimal.valueOf(h.usedVcpus())), () -> "vCPU counter of " + h.id() + " after " + context);
            assertEquals(0, mem.compareTo(h.usedMemoryGiB()), () -> "memory counter of " + h.id() + " after " + context);
            assertEquals(0, disk.compareTo(h.usedDiskGiB()), () -> "disk counter of " + h.id() + " after " + context);
        }
    }

    static ObjectNode tree(Layout l) {
        return LayoutWriter.toTree(l);
    }

    /** Submits every command; returns how many were accepted. */
    static History run(List<Command> commands) {
        History h = new History(RegionCatalog.builtIn());
        for (Command c : commands) h.submit(c);
        return h;
    }

    // ---- properties ----

    @Property(tries = TRIES, edgeCases = EdgeCasesMode.NONE)
    void noAcceptedStateBreaksR1ToR4(@ForAll("commands") List<Command> commands) {
        History h = new History(RegionCatalog.builtIn());
        for (Command c : commands) {
            if (h.submit(c).accepted()) assertCapacityHolds(h.state(), c);
        }
    }

    @Property(tries = TRIES, edgeCases = EdgeCasesMode.NONE)
    void replayingTheEventsOfAHistoryGivesTheSameState(@ForAll("commands") List<Command> commands) {
        History h = run(commands);
        List<Event> events = new ArrayList<>();
        h.entries().forEach(e -> events.addAll(e.events()));
        assertEquals(tree(h.state()), tree(Layout.replay(RegionCatalog.builtIn(), events)));
        assertEquals(tree(h.state()), tree(h.state().copy()));
    }

    @Property(tries = TRIES, edgeCases = EdgeCasesMode.NONE)
    void exportThenImportIsTheIdentity(@ForAll("commands") List<Command> commands) throws InputException {
        Layout l = run(commands).state();
        String yaml = LayoutWriter.toYaml(l);
        String json = LayoutWriter.toJson(l);
        assertEquals(tree(l), tree(LayoutReader.read(yaml, Documents.Format.YAML, "x.yaml", RegionCatalog.builtIn())), yaml);
        assertEquals(tree(l), tree(LayoutReader.read(json, Documents.Format.JSON, "x.json", RegionCatalog.builtIn())), json);
    }

    @Property(tries = TRIES, edgeCases = EdgeCasesMode.NONE)
    void theCommandsForALayoutRebuildIt(@ForAll("commands") List<Command> commands) {
        Layout l = run(commands).state();
        assertEquals(tree(l), tree(LayoutCommands.build(RegionCatalog.builtIn(), LayoutCommands.commandsFor(l))));
    }

    @Property(tries = TRIES, edgeCases = EdgeCasesMode.NONE)
    void undoRestoresTheStateBeforeAnyAcceptedCommandAndRedoReappliesIt(@ForAll("commands") List<Command> commands) {
        History h = new History(RegionCatalog.builtIn());
        for (Command c : commands) {
            ObjectNode before = tree(h.state());
            if (!h.submit(c).accepted()) {
                assertEquals(before, tree(h.state()), () -> "a refusal changed the state: " + c);
                continue;
            }
            ObjectNode after = tree(h.state());
            assertTrue(h.undo());
            assertEquals(before, tree(h.state()), () -> "undo of " + c);
            assertTrue(h.redo());
            assertEquals(after, tree(h.state()), () -> "redo of " + c);
        }
    }

    @Example
    void theGeneratorGetsEveryKindOfCommandAccepted() {
        // guards the properties above: a pool where some command is never accepted would test it vacuously
        java.util.Map<Class<?>, Integer> accepted = new java.util.HashMap<>();
        int total = 0;
        int ok = 0;
        for (List<Command> commands : commands().sampleStream().limit(500).toList()) {
            History h = new History(RegionCatalog.builtIn());
            for (Command c : commands) {
                total++;
                if (h.submit(c).accepted()) {
                    ok++;
                    accepted.merge(c.getClass(), 1, Integer::sum);
                }
            }
        }
        for (Class<?> kind : Command.class.getPermittedSubclasses()) {
            assertTrue(accepted.containsKey(kind), "never accepted: " + kind.getSimpleName());
        }
        assertTrue(ok * 4 > total, "only " + ok + " of " + total + " commands accepted");
    }
}

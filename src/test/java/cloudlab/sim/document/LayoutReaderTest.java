package cloudlab.sim.document;

import cloudlab.sim.Layout;
import cloudlab.sim.Layouts;
import cloudlab.sim.Location;
import cloudlab.sim.Region;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static cloudlab.sim.Layouts.jsonError;
import static cloudlab.sim.Layouts.oneHost;
import static cloudlab.sim.Layouts.yaml;
import static cloudlab.sim.Layouts.yamlError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The field rules of contract section 1, each refused with the file, the place and the rule. */
class LayoutReaderTest {
    static final String HOST = "layout.yaml: regions[0].zones[0].datacenters[0].hosts[0]";
    static final String TYPE1 = "hypervisor: type1, cores: 16, memoryGiB: 64, storageGiB: 1000";

    static String hostError(String hostFields, String... vms) {
        return yamlError(oneHost(hostFields, vms));
    }

    static String vmError(String vm) {
        return yamlError(oneHost(TYPE1, vm));
    }

    @Nested
    class TypoesDoNotPassSilently {
        @Test
        void unknownHostFieldIsRefusedAndTheKnownOnesListed() {
            assertEquals(HOST + ".colour: unknown field colour (known fields: id, hypervisor, cores, memoryGiB, storageGiB, "
                    + "cpuOvercommit, memoryOvercommit, hostOsLoad, vms)", hostError(TYPE1 + ", colour: red"));
        }

        @Test
        void unknownTopLevelFieldIsRefused() {
            assertEquals("layout.yaml: colour: unknown field colour (known fields: name, apps, regions, failed, users)",
                    yamlError("colour: []\n"));
            assertEquals("layout.yaml: region: unknown field region (did you mean regions?)", yamlError("region: []\n"));
        }

        @Test
        void misspeltVmFieldIsRefusedWithTheNameItWasMeantToBe() {
            assertEquals(HOST + ".vms[0].vcpu: unknown field vcpu (did you mean vcpus?)",
                    vmError("{id: a, vcpu: 1, vcpus: 1, memoryGiB: 1, diskGiB: 1}"));
        }

        /** Was: a misspelt required field read as "missing required field memoryGiB", hiding the typo that caused it. */
        @Test
        void misspeltRequiredFieldIsNamedBeforeTheMissingFieldItCauses() {
            assertEquals(HOST + ".memmoryGiB: unknown field memmoryGiB (did you mean memoryGiB?)",
                    hostError("hypervisor: type1, cores: 16, memmoryGiB: 64, storageGiB: 1000"));
            assertEquals(HOST + ".vms[0].vcpu: unknown field vcpu (did you mean vcpus?)", vmError("{id: a, vcpu: 1, memoryGiB: 1, diskGiB: 1}"));
            assertEquals("layout.yaml: regions[0].zones[0].datacenters[0].hosst: unknown field hosst (did you mean hosts?)",
                    yamlError(oneHost(TYPE1).replace("hosts:", "hosst:")));
            assertEquals("layout.yaml: users[0].nmae: unknown field nmae (did you mean name?)", yamlError("users: [{nmae: a, lat: 1, lon: 2}]\n"));
        }

        @Test
        void missingFieldWithNoMisspellingIsStillMissing() {
            assertEquals(HOST + ": missing required field memoryGiB", hostError("hypervisor: type1, cores: 16, storageGiB: 1000"));
            assertEquals(HOST + ": missing required field memoryGiB", hostError("hypervisor: type1, cores: 16, storageGiB: 1000, colour: red"),
                    "a field that is no misspelling of the missing one keeps the contract's order");
        }

        @Test
        void duplicateKeyInYamlIsRefused() {
            String e = hostError(TYPE1 + ", cores: 8");
            assertTrue(e.startsWith(HOST + " (line 10, column "), e);
            assertTrue(e.endsWith("duplicate key cores"), e);
        }

        @Test
        void duplicateKeyInJsonIsRefused() {
            String e = jsonError("{\"name\": \"a\", \"name\": \"b\"}");
            assertEquals("layout.json: line 1, column 21: malformed JSON: Duplicate field 'name'", e);
        }

        @Test
        void nullValueIsRefused() {
            assertEquals(HOST + ".cores: must not be null or empty",
                    hostError("hypervisor: type1, cores: null, memoryGiB: 64, storageGiB: 1000"));
            assertEquals(HOST + ".cores: must not be null or empty",
                    hostError("hypervisor: type1, cores: ~, memoryGiB: 64, storageGiB: 1000"));
            assertEquals("layout.yaml: apps: must not be null or empty", yamlError("apps:\n"));
            assertEquals("layout.json: regions: must not be null or empty", jsonError("{\"regions\": null}"));
        }

        @Test
        void quotedNumberIsTextAndRefused() {
            assertEquals(HOST + ".cores: must be a number, not text (\"16\")",
                    hostError("hypervisor: type1, cores: \"16\", memoryGiB: 64, storageGiB: 1000"));
            assertEquals("layout.json: regions[0].zones[0].datacenters[0].hosts[0].memoryGiB: must be a number, not text (\"64\")",
                    jsonError("""
                            {"regions": [{"code": "us-east-1", "zones": [{"id": "z", "datacenters": [{"id": "d", "hosts": [
                              {"id": "h", "hypervisor": "type1", "cores": 4, "memoryGiB": "64", "storageGiB": 10}]}]}]}]}
                            """));
        }

        @Test
        void yesIsTextNotTrueAndABooleanIsNotANumber() {
            assertEquals(HOST + ".hypervisor: must be type1 or type2 (got \"yes\")",
                    hostError("hypervisor: yes, cores: 16, memoryGiB: 64, storageGiB: 1000"));
            assertEquals(HOST + ".cores: must be a number, not true",
                    hostError("hypervisor: type1, cores: true, memoryGiB: 64, storageGiB: 1000"));
        }

        @Test
        void missingRequiredFieldIsNamed() {
            assertEquals(HOST + ": missing required field storageGiB", hostError("hypervisor: type1, cores: 16, memoryGiB: 64"));
            assertEquals(HOST + ".vms[0]: missing required field diskGiB", vmError("{id: a, vcpus: 1, memoryGiB: 1}"));
            assertEquals("layout.yaml: regions[0]: missing required field code", yamlError("regions: [{zones: []}]\n"));
            assertEquals("layout.yaml: users[0]: missing required field name", yamlError("users: [{lat: 1, lon: 1}]\n"));
        }
    }

    @Nested
    class Numbers {
        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', value = {
                "cores: 0    | .cores: must be a whole number from 1 to 4096 (got 0)",
                "cores: 4097 | .cores: must be a whole number from 1 to 4096 (got 4097)",
                "cores: -4   | .cores: must be a whole number from 1 to 4096 (got -4)",
                "cores: 2.5  | .cores: must be a whole number from 1 to 4096 (got 2.5)",
        })
        void coresAreWholeFrom1To4096(String field, String expected) {
            assertEquals(HOST + expected.strip(), hostError("hypervisor: type1, " + field.strip() + ", memoryGiB: 64, storageGiB: 1000"));
        }

        @Test
        void aWholeNumberMayBeWrittenWithAPoint() {
            assertEquals(16, yaml(oneHost("hypervisor: type1, cores: 16.0, memoryGiB: 64, storageGiB: 1000")).hosts().get(0).spec().cores());
            assertEquals(4096, yaml(oneHost("hypervisor: type1, cores: 4096, memoryGiB: 64, storageGiB: 1000")).hosts().get(0).spec().cores());
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', value = {
                "vcpus: 0, memoryGiB: 1, diskGiB: 1          | .vms[0].vcpus: must be a whole number from 1 to 4096 (got 0)",
                "vcpus: 1.5, memoryGiB: 1, diskGiB: 1        | .vms[0].vcpus: must be a whole number from 1 to 4096 (got 1.5)",
                "vcpus: 1, memoryGiB: 0, diskGiB: 1          | .vms[0].memoryGiB: must be above 0 and at most 10000000 (got 0)",
                "vcpus: 1, memoryGiB: 1.0001, diskGiB: 1     | .vms[0].memoryGiB: must have at most 3 digits after the point (got 1.0001)",
                "vcpus: 1, memoryGiB: 1, diskGiB: -1         | .vms[0].diskGiB: must be from 0 to 10000000 (got -1)",
                "vcpus: 1, memoryGiB: 1, diskGiB: 10000000.5 | .vms[0].diskGiB: must be from 0 to 10000000 (got 10000000.5)",
                "vcpus: 1, memoryGiB: 1, diskGiB: 0.1234     | .vms[0].diskGiB: must have at most 3 digits after the point (got 0.1234)",
                "vcpus: 1, memoryGiB: 1, diskGiB: .inf       | .vms[0].diskGiB: must be a finite number",
                "vcpus: 1, memoryGiB: 1, diskGiB: .nan       | .vms[0].diskGiB: must be a finite number",
        })
        void vmSizesKeepTheirRangesAndDigits(String fields, String expected) {
            assertEquals(HOST + expected.strip(), vmError("{id: a, " + fields.strip() + "}"));
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', value = {
                "memoryGiB: 0, storageGiB: 1              | .memoryGiB: must be above 0 and at most 10000000 (got 0)",
                "memoryGiB: 10000000.001, storageGiB: 1   | .memoryGiB: must be above 0 and at most 10000000 (got 10000000.001)",
                "memoryGiB: 64, storageGiB: -0.001        | .storageGiB: must be from 0 to 10000000 (got -0.001)",
                "memoryGiB: 64, storageGiB: 1.0005        | .storageGiB: must have at most 3 digits after the point (got 1.0005)",
                "memoryGiB: 64, storageGiB: 1, cpuOvercommit: 0.99   | .cpuOvercommit: must be from 1.0 to 16.0 (got 0.99)",
                "memoryGiB: 64, storageGiB: 1, cpuOvercommit: 16.01  | .cpuOvercommit: must be from 1.0 to 16.0 (got 16.01)",
                "memoryGiB: 64, storageGiB: 1, cpuOvercommit: 1.005  | .cpuOvercommit: must have at most 2 digits after the point (got 1.005)",
                "memoryGiB: 64, storageGiB: 1, memoryOvercommit: 2.01 | .memoryOvercommit: must be from 1.0 to 2.0 (got 2.01)",
        })
        void hostSizesAndRatiosKeepTheirRangesAndDigits(String fields, String expected) {
            assertEquals(HOST + expected.strip(), hostError("hypervisor: type1, cores: 4, " + fields.strip()));
        }

        @Test
        void theEdgesOfEveryRangeAreAccepted() {
            Layout l = yaml(oneHost("hypervisor: type1, cores: 4096, memoryGiB: 10000000, storageGiB: 10000000, "
                            + "cpuOvercommit: 16.0, memoryOvercommit: 2.00",
                    "{id: a, vcpus: 4096, memoryGiB: 0.001, diskGiB: 0}") + "users: [{name: pole, lat: -90, lon: 180}]\n");
            assertEquals(1, l.vms().size());
            assertEquals(1, yaml("apps: [{name: big, minRunning: 100000}]\n").apps().size());
        }

        @Test
        void aHugeExponentIsRefusedWithoutWritingOutItsDigits() {
            String exp = ": must be a number with a decimal exponent from -20 to 20 (got ";
            assertEquals(HOST + ".memoryGiB" + exp + "1E-999999999)",
                    hostError("hypervisor: type1, cores: 4, memoryGiB: 1e-999999999, storageGiB: 1"));
            assertEquals(HOST + ".cores" + exp + "1E+999999999)",
                    hostError("hypervisor: type1, cores: 1e999999999, memoryGiB: 8, storageGiB: 1"));
            assertEquals(HOST + ".storageGiB" + exp + "1E+400)",
                    hostError("hypervisor: type1, cores: 4, memoryGiB: 8, storageGiB: 1e400"));
            assertEquals("layout.json: regions[0].location.lat" + exp + "1E+999999999)",
                    jsonError("{\"regions\": [{\"code\": \"lab\", \"location\": {\"lat\": 1e999999999, \"lon\": 0}}]}"));
            // the poisoned sandbox of the abuse report: a latitude too small to write out
            assertEquals("layout.yaml: regions[0].location.lat" + exp + "1E-999999999)",
                    yamlError("regions: [{code: lab, location: {lat: 1e-999999999, lon: 1}}]\n"));
            assertEquals("layout.yaml: users[0].lon" + exp + "1E-21)", yamlError("users: [{name: u, lat: 1, lon: 1e-21}]\n"));
        }

        @Test
        void numbersKeepToFifteenSignificantDigits() {
            assertEquals("layout.yaml: users[0].lat: must be a number of at most 15 significant digits (got 16)",
                    yamlError("users: [{name: u, lat: 1.234567890123456, lon: 1}]\n"));
            // trailing zeros are not significant, and the edges of the exponent range are allowed
            yaml("users: [{name: u, lat: 1.23456789012345000, lon: 1e-20}]\n");
            assertEquals(HOST + ".storageGiB: must be from 0 to 10000000 (got 100000000000000000000)",
                    hostError("hypervisor: type1, cores: 4, memoryGiB: 8, storageGiB: 1e20"));
        }

        @Test
        void minRunningIsWholeFrom1To100000() {
            assertEquals("layout.yaml: apps[0].minRunning: must be a whole number from 1 to 100000 (got 0)",
                    yamlError("apps: [{name: a, minRunning: 0}]\n"));
            assertEquals("layout.yaml: apps[0].minRunning: must be a whole number from 1 to 100000 (got 100001)",
                    yamlError("apps: [{name: a, minRunning: 100001}]\n"));
        }

        @Test
        void latitudeAndLongitudeStayOnEarth() {
            assertEquals("layout.yaml: users[0].lat: must be from -90 to 90 (got 90.01)", yamlError("users: [{name: u, lat: 90.01, lon: 0}]\n"));
            assertEquals("layout.yaml: regions[0].location.lon: must be from -180 to 180 (got -180.5)",
                    yamlError("regions: [{code: lab, location: {lat: 0, lon: -180.5}}]\n"));
        }
    }

    @Nested
    class Ids {
        @Test
        void anIdWithASpaceIsRefused() {
            assertEquals(HOST + ".vms[0].id: must be 1 to 64 letters, digits, '.', '_' or '-' (got \"web 1\")",
                    vmError("{id: web 1, vcpus: 1, memoryGiB: 1, diskGiB: 1}"));
        }

        @Test
        void anIdOf65CharactersIsRefusedAnd64Pass() {
            String ok = "a".repeat(64);
            assertEquals(ok, yaml("regions: [{code: us-east-1, zones: [{id: " + ok + "}]}]\n").zones().get(0).id());
            String e = yamlError("regions: [{code: us-east-1, zones: [{id: " + ok + "b}]}]\n");
            assertTrue(e.startsWith("layout.yaml: regions[0].zones[0].id: must be 1 to 64 letters"), e);
        }

        @Test
        void idsAreCaseSensitive() {
            assertEquals(2, yaml("regions: [{code: us-east-1, zones: [{id: Z1}, {id: z1}]}]\n").zones().size());
        }

        @Test
        void aZoneMayNotReuseAHostsId() {
            assertEquals("layout.yaml: regions[0].zones[1].id: duplicate id h1; every id is unique across the document",
                    yamlError(oneHost(TYPE1) + "      - id: h1\n"));
        }

        @Test
        void aVmMayNotReuseARegionCode() {
            assertEquals(HOST + ".vms[0].id: duplicate id us-east-1; every id is unique across the document",
                    vmError("{id: us-east-1, vcpus: 1, memoryGiB: 1, diskGiB: 1}"));
        }

        @Test
        void appNamesAndUserNamesAreNamespacesOfTheirOwn() {
            Layout l = yaml(oneHost(TYPE1, "{id: shop, vcpus: 1, memoryGiB: 1, diskGiB: 1, app: shop}")
                    + "users: [{name: h1, lat: 0, lon: 0}]\n");
            assertEquals("shop", l.vms().get(0).app());
            assertEquals("layout.yaml: apps[1].name: duplicate app name a", yamlError("apps: [{name: a}, {name: a}]\n"));
            assertEquals("layout.yaml: users[1].name: duplicate user name u",
                    yamlError("users: [{name: u, lat: 0, lon: 0}, {name: u, lat: 1, lon: 1}]\n"));
        }

        @Test
        void aVmsAppMustBeDeclared() {
            assertEquals(HOST + ".vms[0].app: names no app in apps (got \"blog\")",
                    vmError("{id: a, vcpus: 1, memoryGiB: 1, diskGiB: 1, app: blog}"));
        }

        @Test
        void aVmsStateIsRunningOrStopped() {
            assertEquals(HOST + ".vms[0].state: must be running or stopped (got \"paused\")",
                    vmError("{id: a, vcpus: 1, memoryGiB: 1, diskGiB: 1, state: paused}"));
        }
    }

    @Nested
    class Regions {
        @Test
        void aCatalogRegionWithALocationIsAnError() {
            assertEquals("layout.yaml: regions[0].location: us-east-1 is in the region catalog and takes its location from there; remove location",
                    yamlError("regions: [{code: us-east-1, location: {lat: 1, lon: 1}}]\n"));
        }

        @Test
        void aCustomRegionWithoutALocationIsAnError() {
            assertEquals("layout.yaml: regions[0]: lab-north is not in the region catalog, so it must carry a location ({lat, lon})",
                    yamlError("regions: [{code: lab-north}]\n"));
        }

        @Test
        void aCustomRegionKeepsItsLocationAndACatalogRegionTakesTheCatalogs() {
            Layout l = yaml("regions: [{code: lab-north, location: {lat: 59.33, lon: 18.07}}, {code: us-east-1}]\n");
            List<Region> rs = List.copyOf(l.regions());
            assertTrue(rs.get(0).custom());
            assertEquals(Location.of("59.33", "18.07"), rs.get(0).location());
            assertEquals(0, rs.get(1).location().lat().compareTo(new java.math.BigDecimal("39.04")));
        }

        @Test
        void theNumberOfZonesIsNotCheckedAgainstTheCatalog() {
            StringBuilder zones = new StringBuilder();
            for (int i = 0; i < 9; i++) zones.append("{id: z").append(i).append("},");
            assertEquals(9, yaml("regions: [{code: us-east-2, zones: [" + zones + "]}]\n").zones().size());
        }
    }

    @Nested
    class Failed {
        static final String BASE = oneHost(TYPE1, "{id: vm1, vcpus: 1, memoryGiB: 1, diskGiB: 1}");

        @Test
        void failedMayNameEachKindThatCanFail() {
            assertEquals(List.of("us-east-1", "z1", "dc1", "h1"), List.copyOf(yaml(BASE + "failed: [us-east-1, z1, dc1, h1]\n").failed()));
        }

        @Test
        void failedMayComeBeforeTheRegionsItNames() {
            assertEquals(List.of("h1"), List.copyOf(yaml("failed: [h1]\n" + BASE).failed()));
        }

        @Test
        void failedNamingAVmIsAnError() {
            assertEquals("layout.yaml: failed[0]: vm1 is a VM; only regions, zones, data centers and hosts can fail",
                    yamlError(BASE + "failed: [vm1]\n"));
        }

        @Test
        void failedNamingAnUnknownIdOrAnAppIsAnError() {
            assertEquals("layout.yaml: failed[1]: no region, zone, data center or host has the id \"h9\"",
                    yamlError(BASE + "failed: [h1, h9]\n"));
            assertEquals("layout.yaml: failed[0]: no region, zone, data center or host has the id \"shop\"",
                    yamlError(BASE + "failed: [shop]\n"));
        }

        @Test
        void failedNamingAnIdTwiceIsAnError() {
            assertEquals("layout.yaml: failed[1]: z1 is listed twice; name each failed id once", yamlError(BASE + "failed: [z1, z1]\n"));
        }
    }

    @Nested
    class YamlFeaturesRefused {
        @Test
        void anchorsAreRefused() {
            String e = yamlError("apps:\n  - &a {name: shop}\n");
            assertTrue(e.startsWith("layout.yaml: apps[0] (line 2, column 5): YAML anchors (&a) are refused"), e);
        }

        @Test
        void aliasesAreRefused() {
            assertEquals("layout.yaml: apps[0].name (line 1, column 15): YAML aliases (*n) are refused: write the value out",
                    yamlError("apps: [{name: *n}]\n"));
        }

        @Test
        void mergeKeysAreRefused() {
            String e = yamlError("apps:\n  - {<<: {name: shop}}\n");
            assertTrue(e.startsWith("layout.yaml: apps[0] (line 2, column 6): YAML merge keys (<<) are refused"), e);
        }

        @Test
        void explicitTagsAreRefused() {
            assertTrue(yamlError(oneHost("hypervisor: type1, cores: !!int 16, memoryGiB: 64, storageGiB: 1000"))
                    .startsWith(HOST + ".cores (line 10, column"));
            assertTrue(yamlError("apps: !!seq []\n").contains("explicit YAML tags (tag:yaml.org,2002:seq) are refused"));
            assertTrue(yamlError("name: !custom x\n").contains("explicit YAML tags"));
        }

        @Test
        void multiDocumentStreamsAreRefused() {
            String e = yamlError("name: a\n---\nname: b\n");
            assertEquals("layout.yaml: line 2, column 1: a file holds one YAML document; multi-document streams are refused", e);
        }

        @Test
        void anEmptyDocumentOrOneThatIsNotAMappingIsRefused() {
            assertEquals("layout.yaml: the document is empty", yamlError("   \n"));
            assertEquals("layout.yaml: the document is empty", yamlError("# only a comment\n"));
            assertEquals("layout.yaml: must be a layout (a mapping of fields), not a list", yamlError("- a\n"));
        }

        @Test
        void deepNestingIsRefusedNotAStackOverflow() {
            String e = yamlError("name: " + "[".repeat(5000) + "]".repeat(5000) + "\n");
            assertTrue(e.endsWith("(line 1, column 70): the document nests deeper than 64 levels"), e);
            assertTrue(jsonError("[".repeat(5000) + "]".repeat(5000)).startsWith("layout.json: malformed JSON: Document nesting depth (65)"));
        }

        @Test
        void malformedYamlNamesTheLine() {
            String e = yamlError("apps: [\n");
            assertTrue(e.startsWith("layout.yaml: line "), e);
            assertTrue(e.contains("malformed YAML"), e);
        }

        @Test
        void trailingJsonIsRefused() {
            assertTrue(jsonError("{} {}").contains("malformed JSON"));
        }
    }

    @Nested
    class FirstFaultInDocumentOrder {
        @Test
        void forOneHostR2ComesBeforeR3BeforeR4() {
            String tooMuch = "{id: a, vcpus: 17, memoryGiB: 100, diskGiB: 2000}";
            assertTrue(hostError(TYPE1, tooMuch).startsWith(HOST + ": host h1: vCPUs needed 17, available 16"));
            assertTrue(hostError(TYPE1, "{id: a, vcpus: 1, memoryGiB: 100, diskGiB: 2000}")
                    .startsWith(HOST + ": host h1: memory needed 100 GiB, available 62 GiB"));
            assertTrue(hostError(TYPE1, "{id: a, vcpus: 1, memoryGiB: 1, diskGiB: 2000}")
                    .startsWith(HOST + ": host h1: disk needed 2000 GiB, available 1000 GiB"));
        }

        @Test
        void anEarlierHostsBreachComesBeforeALaterHostsFieldError() {
            String doc = oneHost(TYPE1, "{id: a, vcpus: 17, memoryGiB: 1, diskGiB: 1}")
                    + "              - {id: h2, hypervisor: type1, cores: 0, memoryGiB: 64, storageGiB: 1}\n";
            assertTrue(yamlError(doc).startsWith(HOST + ": host h1: vCPUs needed 17"), yamlError(doc));
        }

        @Test
        void anEarlierFieldErrorComesBeforeALaterBreach() {
            String doc = "users: [{name: u, lat: 91, lon: 0}]\n" + oneHost(TYPE1, "{id: a, vcpus: 17, memoryGiB: 1, diskGiB: 1}");
            assertEquals("layout.yaml: users[0].lat: must be from -90 to 90 (got 91)", yamlError(doc));
        }

        @Test
        void theLaterOfTwoDuplicatesIsTheFault() {
            assertEquals("layout.yaml: regions[1].code: duplicate id us-east-1; every id is unique across the document",
                    yamlError("regions: [{code: us-east-1}, {code: us-east-1}]\n"));
        }
    }

    @Test
    void aLayoutNameIsAtMost200Characters() {
        assertEquals("x".repeat(200), yaml("name: " + "x".repeat(200) + "\n").name());
        assertEquals("layout.yaml: name: must be at most 200 characters (got 201)", yamlError("name: " + "x".repeat(201) + "\n"));
    }

    @Test
    void everyListMayBeOmittedOrEmpty() {
        Layout l = yaml("apps: []\nregions: [{code: us-east-1, zones: [{id: z, datacenters: [{id: d, hosts: [{id: h, hypervisor: type1, "
                + "cores: 1, memoryGiB: 3, storageGiB: 0, vms: []}]}]}]}]\nfailed: []\nusers: []\n");
        assertEquals(1, l.hosts().size());
        assertEquals(0, yaml("name: empty\n").hosts().size());
    }

    @Test
    void jsonAndYamlGiveTheSameLayout() {
        Layout fromYaml = yaml(oneHost(TYPE1, "{id: a, vcpus: 2, memoryGiB: 1.5, diskGiB: 10, app: shop, state: stopped}"));
        Layout fromJson = Layouts.json(LayoutWriter.toJson(fromYaml));
        assertEquals(LayoutWriter.toTree(fromYaml), LayoutWriter.toTree(fromJson));
    }
}

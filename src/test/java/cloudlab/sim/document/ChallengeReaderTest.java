package cloudlab.sim.document;

import cloudlab.sim.InputException;

import cloudlab.sim.grade.Challenge;
import cloudlab.sim.grade.Goal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Challenge files: read with the layout's strictness; malformed ones refused with the place. */
class ChallengeReaderTest {
    @TempDir
    Path dir;

    Challenge read(String name, String text) throws IOException, InputException {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return ChallengeReader.read(f);
    }

    String error(String text) throws IOException {
        Path f = dir.resolve("c.yaml");
        Files.writeString(f, text);
        String m = assertThrows(InputException.class, () -> ChallengeReader.read(f)).getMessage();
        assertTrue(m.startsWith(f + ": "), m);
        return m.substring((f + ": ").length());
    }

    @Test
    void readsTheContractsExample() throws Exception {
        Challenge c = read("x.yaml", """
                id: shop-survives-a-zone
                title: Keep the shop up when a zone goes down
                start: start-layout.yaml
                goals:
                  - survivesZoneFailure: shop
                  - maxHosts: 4
                """);
        assertEquals("shop-survives-a-zone", c.id());
        assertEquals("Keep the shop up when a zone goes down", c.title());
        assertEquals("start-layout.yaml", c.start());
        assertEquals(List.of("survivesZoneFailure", "maxHosts"), c.goals().stream().map(Goal::name).toList());
    }

    @Test
    void aChallengeWithoutAnIdTakesTheFilesName() throws Exception {
        Challenge c = read("my-challenge.json", "{\"goals\": [{\"maxHosts\": 1}]}");
        assertEquals("my-challenge", c.id());
        assertEquals("my-challenge", c.title());
    }

    @Test
    void everyGoalOfTheContractAndTheProjectIsKnown() throws Exception {
        Challenge c = read("all.yaml", """
                goals:
                  - appAvailable: shop
                  - survivesZoneFailure: shop
                  - survivesRegionFailure: shop
                  - survivesDatacenterFailure: shop
                  - survivesHostFailure: shop
                  - maxHosts: 4
                  - minZones: {region: us-east-1, count: 2}
                  - allHostsHypervisor: type1
                  - maxCpuOvercommit: 1.5
                  - maxRttMs: {user: {lat: 1, lon: 2}, app: shop, ms: 80}
                """);
        assertEquals(List.of("appAvailable", "survivesZoneFailure", "survivesRegionFailure", "survivesDatacenterFailure",
                "survivesHostFailure", "maxHosts", "minZones", "allHostsHypervisor", "maxCpuOvercommit", "maxRttMs"),
                c.goals().stream().map(Goal::name).toList());
    }

    @Test
    void aChallengeNeedsGoals() throws Exception {
        assertEquals("missing required field goals", error("id: c\n"));
        assertEquals("goals: a challenge needs at least one goal", error("goals: []\n"));
    }

    @Test
    void anUnknownGoalIsRefusedListingTheKnownOnes() throws Exception {
        assertEquals("goals[0].survivesEverything: unknown goal survivesEverything (known goals: " + ChallengeReader.KNOWN_GOALS + ")",
                error("goals: [{survivesEverything: shop}]\n"));
    }

    @Test
    void malformedArgumentsAreRefused() throws Exception {
        assertEquals("goals[0].maxHosts: must be a whole number from 0 to 1000000 (got -1)", error("goals: [{maxHosts: -1}]\n"));
        assertEquals("goals[0].maxHosts: must be a number, not text (\"4\")", error("goals: [{maxHosts: \"4\"}]\n"));
        assertEquals("goals[0].allHostsHypervisor: must be type1 or type2 (got \"type3\")", error("goals: [{allHostsHypervisor: type3}]\n"));
        assertEquals("goals[0].minZones: missing required field count", error("goals: [{minZones: {region: us-east-1}}]\n"));
        assertEquals("goals[0].maxCpuOvercommit: must be a ratio above 0 (got 0)", error("goals: [{maxCpuOvercommit: 0}]\n"));
        assertEquals("goals[0].maxRttMs.user.lat: must be from -90 to 90 (got 91)",
                error("goals: [{maxRttMs: {user: {lat: 91, lon: 0}, app: shop, ms: 1}}]\n"));
        assertEquals("goals[0].appAvailable: must not be null or empty", error("goals: [{appAvailable: }]\n"));
        assertEquals("goals[0]: a goal is one name and its argument, like {maxHosts: 4} (got 2 fields)",
                error("goals: [{maxHosts: 4, appAvailable: shop}]\n"));
    }

    @Test
    void unknownChallengeFieldsAreRefused() throws Exception {
        assertEquals("colour: unknown field colour (known fields: id, title, start, goals)", error("colour: red\ngoals: [{maxHosts: 1}]\n"));
        assertEquals("goal: unknown field goal (did you mean goals?)", error("goal: []\ngoals: [{maxHosts: 1}]\n"));
    }

    /** Was: a challenge whose goals key was misspelt read as "missing required field goals". */
    @Test
    void misspellingsAreNamedWithTheNearestKnownName() throws Exception {
        assertEquals("goal: unknown field goal (did you mean goals?)", error("goal: [{maxHosts: 1}]\n"));
        assertEquals("goals[0].minZones.regoin: unknown field regoin (did you mean region?)",
                error("goals: [{minZones: {regoin: us-east-1, count: 2}}]\n"));
        assertTrue(error("goals: [{maxHost: 1}]\n").endsWith("unknown goal maxHost (did you mean maxHosts?)"));
        assertTrue(error("goals: [{colour: 1}]\n").endsWith("unknown goal colour (known goals: " + ChallengeReader.KNOWN_GOALS + ")"));
    }

    @Test
    void aMissingFileIsNamed() {
        Path f = dir.resolve("none.yaml");
        assertEquals(f + ": no such file", assertThrows(InputException.class, () -> ChallengeReader.read(f)).getMessage());
    }
}

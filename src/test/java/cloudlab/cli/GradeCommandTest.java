package cloudlab.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static cloudlab.cli.Cli.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code cloud-lab grade}: one JSON line per layout; only a bad challenge is bad input. */
class GradeCommandTest {
    @TempDir
    Path dir;

    Path write(String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    @Test
    void theContractsExampleGradesAsTheExampleLine() throws IOException {
        Path challenge = Cli.example(dir, "shop-challenge.yaml");
        Path shop = Cli.example(dir, "shop.yaml");
        Cli.Result r = run("grade", challenge, shop);
        assertEquals("", r.err());
        List<JsonNode> lines = r.jsonLines();
        assertEquals(1, lines.size());
        JsonNode got = lines.get(0);
        JsonNode want = Cli.JSON.readTree(Cli.resourceJson("shop.grade.jsonl").toString());

        assertEquals(List.of("challenge", "checks", "layout", "passed", "score"), Cli.names(got));
        assertEquals(want.get("challenge"), got.get("challenge"));
        assertEquals(want.get("passed"), got.get("passed"));
        Cli.assertSameByValue(want.get("score"), got.get("score"), "score");
        assertEquals(shop.toString(), got.get("layout").textValue());
        assertEquals(want.get("checks").size(), got.get("checks").size());
        for (int i = 0; i < want.get("checks").size(); i++) {
            JsonNode w = want.get("checks").get(i);
            JsonNode g = got.get("checks").get(i);
            assertEquals(List.of("argument", "goal", "message", "passed"), Cli.names(g));
            assertEquals(w.get("goal"), g.get("goal"));
            Cli.assertSameByValue(w.get("argument"), g.get("argument"), "checks[" + i + "].argument");
            assertEquals(w.get("passed"), g.get("passed"));
            assertFalse(g.get("message").textValue().isBlank());
        }
        assertTrue(got.at("/checks/0/message").textValue().contains("use1-az1"), got.at("/checks/0/message").textValue());
        assertTrue(got.at("/checks/2/message").textValue().contains("h2"), got.at("/checks/2/message").textValue());
    }

    @Test
    void anInvalidLayoutIsAGradeOfZeroWithTheSimulateMessage() throws IOException {
        Path challenge = Cli.example(dir, "shop-challenge.yaml");
        Path bad = write("bad.yaml", "regions: [{code: us-east-1, zones: [{id: z, colour: red}]}]\n");
        String simulateMessage = run("simulate", bad).badInput();
        List<JsonNode> lines = run("grade", challenge, bad).jsonLines();
        assertEquals(1, lines.size());
        JsonNode line = lines.get(0);
        assertEquals("shop-survives-a-zone", line.get("challenge").textValue());
        assertFalse(line.get("passed").booleanValue());
        assertEquals(0, line.get("score").decimalValue().signum());
        assertEquals(1, line.get("checks").size());
        JsonNode check = line.at("/checks/0");
        assertEquals("valid", check.get("goal").textValue());
        assertFalse(check.get("passed").booleanValue());
        assertEquals(simulateMessage, check.get("message").textValue());
        assertEquals(bad.toString(), line.get("layout").textValue());
    }

    @Test
    void eachLayoutGetsOneLineInTheOrderGivenAndAMissingOneScoresZero() throws IOException {
        Path challenge = Cli.example(dir, "shop-challenge.yaml");
        Path shop = Cli.example(dir, "shop.yaml");
        Path missing = dir.resolve("missing.yaml");
        Path empty = write("empty.json", "{}");
        Cli.Result r = run("grade", challenge, missing, shop, empty);
        assertEquals("", r.err());
        List<JsonNode> lines = r.jsonLines();
        assertEquals(List.of(missing.toString(), shop.toString(), empty.toString()),
                lines.stream().map(l -> l.get("layout").textValue()).toList());
        assertEquals(missing + ": no such file", lines.get(0).at("/checks/0/message").textValue());
        assertEquals("maxHosts", lines.get(2).at("/checks/1/goal").textValue());
        assertTrue(lines.get(2).at("/checks/1/passed").booleanValue());
    }

    @Test
    void aChallengeWithNoGoalsExitsTwo() throws IOException {
        Path challenge = write("c.yaml", "id: c\ngoals: []\n");
        assertEquals(challenge + ": goals: a challenge needs at least one goal",
                run("grade", challenge, Cli.example(dir, "shop.yaml")).badInput());
    }

    @Test
    void aChallengeWithAnUnknownGoalExitsTwo() throws IOException {
        Path challenge = write("c.yaml", "goals: [{survivesEverything: shop}]\n");
        String e = run("grade", challenge, Cli.example(dir, "shop.yaml")).badInput();
        assertTrue(e.startsWith(challenge + ": goals[0].survivesEverything: unknown goal survivesEverything"), e);
    }

    @Test
    void aChallengeWithAMalformedArgumentOrNoFileExitsTwo() throws IOException {
        Path shop = Cli.example(dir, "shop.yaml");
        Path challenge = write("c.json", "{\"goals\": [{\"maxHosts\": \"four\"}]}");
        assertEquals(challenge + ": goals[0].maxHosts: must be a number, not text (\"four\")", run("grade", challenge, shop).badInput());
        Path missing = dir.resolve("none.yaml");
        assertEquals(missing + ": no such file", run("grade", missing, shop).badInput());
    }

    @Test
    void gradeWithoutALayoutIsAMalformedCall() throws IOException {
        assertTrue(run("grade", Cli.example(dir, "shop-challenge.yaml")).badInput().contains("LAYOUT"));
    }

    @Test
    void minScoreExitsThreeWhenAnyLayoutScoresBelowIt() throws IOException {
        Path challenge = Cli.example(dir, "shop-challenge.yaml");
        Path shop = Cli.example(dir, "shop.yaml");
        Cli.Result below = run("grade", "--min-score", "0.5", challenge, shop);
        assertEquals(3, below.code(), "the shop scores 1/3, below 0.5");
        assertEquals(1, below.out().strip().lines().count(), "the grade is still printed");
        assertEquals(0, run("grade", "--min-score", "0.3", challenge, shop).code(), "1/3 is not below 0.3");
        Cli.Result bad = run("grade", "--min-score", "1.5", challenge, shop);
        assertEquals(2, bad.code());
        assertEquals("--min-score 1.5: must be a number from 0 to 1, e.g. --min-score 0.8", bad.err().strip());
        assertEquals(2, run("grade", "--min-score", "lots", challenge, shop).code());
    }

    @Test
    void theEmptyLayoutEarnsNothingForGoalsThatHoldVacuously() throws IOException {
        Path challenge = write("c.yaml", "id: c\ngoals:\n  - maxHosts: 3\n  - allHostsHypervisor: type1\n  - maxCpuOvercommit: 2\n");
        Path empty = write("empty.yaml", "{}\n");
        Cli.Result r = run("grade", "--min-score", "0.01", challenge, empty);
        assertEquals(3, r.code());
        JsonNode got = Cli.JSON.readTree(r.out().strip());
        assertEquals(0.0, got.get("score").doubleValue());
        assertFalse(got.get("passed").booleanValue());
        for (JsonNode check : got.get("checks")) {
            assertTrue(check.get("passed").booleanValue());
            assertTrue(check.get("vacuous").booleanValue(), check.toString());
            assertTrue(check.get("message").textValue().contains("no hosts"), check.toString());
        }
    }
}

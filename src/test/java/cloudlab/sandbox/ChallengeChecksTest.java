package cloudlab.sandbox;

import cloudlab.sim.Layouts;
import cloudlab.sim.History;
import cloudlab.sim.InputException;
import cloudlab.sim.Layout;
import cloudlab.sim.RegionCatalog;
import cloudlab.sim.document.ChallengeReader;
import cloudlab.sim.document.Documents;
import cloudlab.sim.document.LayoutReader;
import cloudlab.sim.grade.Challenge;
import cloudlab.sim.grade.GradeResult;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** "Check my design" in a challenge sandbox: the challenge it answers, the grade of the state now, the sentence, the record. */
class ChallengeChecksTest {
    static final String TWO_ZONES = Layouts.SHOP_OVER_TWO_ZONES;

    /** What the record was told, and which checks it holds. */
    static final class Kept implements ChallengeChecks.Record {
        final List<String> lines = new ArrayList<>();
        final Set<String> checked = new HashSet<>();

        @Override
        public void checked(String learnerId, String challengeId, GradeResult result, String layoutJson) {
            lines.add(learnerId + " " + challengeId + " " + result.score() + " " + result.passed() + " " + layoutJson.contains("web-2"));
            checked.add(learnerId + " " + challengeId);
        }

        @Override
        public boolean hasChecked(String learnerId, String challengeId) {
            return checked.contains(learnerId + " " + challengeId);
        }
    }

    static Challenge challenge() throws InputException {
        return ChallengeReader.fromTree(Documents.parse("""
                id: zones
                title: Survive a zone
                goals:
                  - survivesZoneFailure: shop
                  - maxHosts: 2
                """, Documents.Format.YAML, "test"), "", "test", null);
    }

    static Sandbox sandbox(String origin, String ref, String layout) throws InputException {
        Layout start = LayoutReader.read(layout, Documents.Format.YAML, "test", RegionCatalog.builtIn());
        return new Sandbox("s1", "ada", "t", Sandbox.Origin.valueOf(origin), ref, History.from(start, List.of(), 0));
    }

    ChallengeChecks checks(Kept kept) throws InputException {
        Map<String, Challenge> known = Map.of("zones", challenge());
        return new ChallengeChecks(known::get, kept);
    }

    @Test
    void aDesignThatMeetsEveryGoalPassesAndIsKept() throws InputException {
        Kept kept = new Kept();
        ChallengeChecks.Checked c = checks(kept).check(sandbox("CHALLENGE", "zones", TWO_ZONES));
        assertTrue(c.passed());
        assertEquals("Challenge passed", c.message());
        assertEquals(List.of("ada zones 1.0 true true"), kept.lines, "the learner's check is kept with the layout checked");
    }

    @Test
    void aDesignThatMissesAGoalSaysHowMuchAndDoesNotReadAsAPass() throws InputException {
        Kept kept = new Kept();
        String oneZone = TWO_ZONES.replace("app: shop}]\n                  - id: az2", "app: shop}]\n                  - id: az2x")
                .replace("{id: web-2, vcpus: 2, memoryGiB: 4, diskGiB: 20, app: shop}", "{id: web-2, vcpus: 2, memoryGiB: 4, diskGiB: 20}");
        ChallengeChecks.Checked c = checks(kept).check(sandbox("CHALLENGE", "zones", oneZone));
        assertFalse(c.passed());
        assertEquals("Checked: 50% of the goals", c.message());
        assertFalse(c.result().checks().get(0).passed(), c.result().toString());
        assertEquals(List.of("ada zones 0.5 false true"), kept.lines);
    }

    @Test
    void aSandboxThatAnswersNoChallengeCannotBeCheckedAndNothingIsKept() throws InputException {
        Kept kept = new Kept();
        ChallengeChecks checks = checks(kept);
        assertThrows(ChallengeChecks.NoChallenge.class, () -> checks.check(sandbox("LESSON", "zones", TWO_ZONES)));
        assertThrows(ChallengeChecks.NoChallenge.class, () -> checks.check(sandbox("CHALLENGE", "gone", TWO_ZONES)));
        assertEquals("This sandbox has no challenge to check.", new ChallengeChecks.NoChallenge().getMessage());
        assertTrue(kept.lines.isEmpty());
    }

    @Test
    void theGoalsShowVerdictsOnlyOnceTheLearnerHasChecked() throws InputException {
        Kept kept = new Kept();
        ChallengeChecks checks = checks(kept);
        Sandbox s = sandbox("CHALLENGE", "zones", TWO_ZONES);
        assertNull(checks.standing(s), "no verdicts before the first check");
        checks.check(s);
        GradeResult now = checks.standing(s);
        assertNotNull(now);
        assertTrue(now.passed());
        assertEquals("zones", checks.challengeOf(s).id());
        assertNull(checks.challengeOf(sandbox("BLANK", null, TWO_ZONES)));
    }
}

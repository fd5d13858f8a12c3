package cloudlab.lesson;

import cloudlab.sim.document.Documents;
import cloudlab.sim.grade.GradeResult;
import cloudlab.sim.grade.Grader;
import cloudlab.sim.InputException;
import cloudlab.sim.Layout;
import cloudlab.sim.document.LayoutReader;
import cloudlab.sim.document.LayoutWriter;
import cloudlab.sim.RegionCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A lesson teaches real AZ ids: check-lessons and a lesson's challenge refuse a zone that the
 * catalog does not list for its region (issue 19: euw1-az9, and use1-az1 inside eu-west-1, both
 * passed the capstone 5/5), while a layout read for a sandbox still loads.
 */
class LessonZonesTest {
    static final RegionCatalog CATALOG = RegionCatalog.builtIn();
    static final Course COURSE = Course.load(Path.of("lessons").toAbsolutePath(), CATALOG);
    static final LessonChallenge CAPSTONE = COURSE.challenge("shop-survives-zone-failure");

    /** The capstone's reference solution with its second zone renamed. */
    static Layout solutionWithSecondZone(String zoneId) throws InputException {
        String json = LayoutWriter.toJson(CAPSTONE.solution()).replace("euw1-az2", zoneId);
        return LayoutReader.read(json, Documents.Format.JSON, "", CATALOG);
    }

    @Test
    void theCapstoneRefusesAZoneEuWest1DoesNotHave() throws InputException {
        Layout made_up = solutionWithSecondZone("euw1-az9");
        assertTrue(Grader.grade(CAPSTONE.challenge(), made_up).passed(), "the contract's grader alone lets it pass");
        GradeResult r = CAPSTONE.grade(made_up);
        assertEquals(0.0, r.score());
        assertEquals(1, r.checks().size());
        assertEquals("valid", r.checks().get(0).goal());
        assertEquals("zone euw1-az9 is not an availability zone of eu-west-1: AWS lists euw1-az1, euw1-az2, euw1-az3"
                + " (region catalog, read 2026-12)", r.checks().get(0).message());
    }

    @Test
    void theCapstoneRefusesAZoneOfAnotherRegion() throws InputException {
        GradeResult r = CAPSTONE.grade(solutionWithSecondZone("use1-az1"));
        assertEquals(0.0, r.score());
        assertTrue(r.checks().get(0).message().startsWith("zone use1-az1 is not an availability zone of eu-west-1"),
                r.checks().get(0).message());
        assertTrue(CAPSTONE.grade(CAPSTONE.solution()).passed(), "the real zones still pass");
    }

    @Test
    void aSandboxLayoutWithAnUnknownZoneStillLoadsAndTheCatalogSaysWhy() throws InputException {
        Layout l = solutionWithSecondZone("euw1-az9");
        assertEquals(List.of("zone euw1-az9 is not an availability zone of eu-west-1: AWS lists euw1-az1, euw1-az2, euw1-az3"
                + " (region catalog, read 2026-12)"), CATALOG.zoneProblems(l));
        assertTrue(!CATALOG.knowsZone("eu-west-1", "euw1-az9"));
        assertTrue(CATALOG.knowsZone("ca-central-1", "cac1-az4"));
        assertTrue(!CATALOG.knowsZone("ca-central-1", "cac1-az3"), "ids are not always consecutive");
        assertTrue(CATALOG.knowsZone("lab-north", "any-zone"), "a custom region keeps custom zones");
    }

    @Test
    void checkLessonsNamesTheFileAndTheZone(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("01-zones.md"), """
                ---
                title: Zones
                order: 1
                summary: A lesson with a made-up zone.
                teaches:
                  - name zones
                minutes: 5
                %s---

                ```figure
                caption: A zone that does not exist
                view: infrastructure
                layout:
                  regions:
                    - code: eu-west-1
                      zones:
                        - id: euw1-az9
                    - code: lab-north
                      location: {lat: 59.33, lon: 18.07}
                      zones:
                        - id: north-a
                ```
                """.formatted(LessonSourcesTest.SOURCES));
        Course c = Course.load(dir, CATALOG);
        assertEquals(List.of(), c.problems());
        assertEquals(List.of("01-zones.md: zone euw1-az9 is not an availability zone of eu-west-1: AWS lists euw1-az1, euw1-az2,"
                + " euw1-az3 (region catalog, read 2026-12)"), c.authoringProblems());
    }

    @Test
    void theCourseUsesOnlyRealZones() {
        assertEquals(List.of(), COURSE.checkZones());
        assertEquals(List.of(), COURSE.authoringProblems());
    }
}

package cloudlab.lesson;

import cloudlab.sim.InputException;
import cloudlab.sim.RegionCatalog;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code {{catalog.NAME}}} in a lesson is replaced by the region catalog's value, so counts are never typed. */
class CatalogValuesTest {
    static final RegionCatalog CATALOG = RegionCatalog.builtIn();

    static Lesson read(String prose) throws InputException {
        return LessonReader.read("---\ntitle: Counts\norder: 1\nsummary: \"{{catalog.regions}} regions.\"\nteaches:\n  - count\nminutes: 5\n---\n\n"
                + prose + "\n", "05-counts.md", null, CATALOG);
    }

    static String prose(Lesson l) {
        return ((Segment.Prose) l.segments().get(0)).html();
    }

    @Test
    void countsAndTheDateReadComeFromTheCatalog() throws InputException {
        Lesson l = read("As read in {{catalog.read}}: {{catalog.regions}} regions, {{ catalog.zones }} AZ ids; "
                + "us-west-1 has {{catalog.zones.us-west-1}} ({{catalog.zoneIds.ca-central-1}}), partition {{catalog.partitions}}.");
        assertEquals("<p>As read in 2026-12: " + CATALOG.regionCount() + " regions, " + CATALOG.zoneCount() + " AZ ids; us-west-1 has "
                + CATALOG.find("us-west-1").azs() + " (cac1-az1, cac1-az2, cac1-az4), partition aws.</p>\n", prose(l));
        assertEquals(CATALOG.regionCount() + " regions.", l.summary());
    }

    @Test
    void anUnknownCatalogValueNamesTheFileAndLine() {
        InputException e = assertThrows(InputException.class, () -> read("Fine.\n\nThere are {{catalog.countries}} countries."));
        assertTrue(e.getMessage().startsWith("05-counts.md: line 12: {{catalog.countries}} is not a catalog value"), e.getMessage());
        InputException region = assertThrows(InputException.class, () -> read("{{catalog.zones.mars-north-1}}"));
        assertTrue(region.getMessage().startsWith("05-counts.md: line 10: {{catalog.zones.mars-north-1}} is not a catalog value"),
                region.getMessage());
    }

    @Test
    void aQuestionVariantPlaceholderIsLeftToTheQuiz() throws InputException {
        Lesson l = read("""
                ```quiz
                id: counts-quiz
                questions:
                  - id: q-count
                    type: numeric
                    prompt: "How many zones does {{region}} have? (The catalog knows {{catalog.regions}} regions.)"
                    variants:
                      region: [us-east-1, eu-west-2]
                    answer: 3
                    explanation: "See the catalog."
                ```""");
        String prompt = l.quiz().questions().get(0).prompt();
        assertEquals("How many zones does us-east-1 have? (The catalog knows " + CATALOG.regionCount() + " regions.)", prompt);
    }
}

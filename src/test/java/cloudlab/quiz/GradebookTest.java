package cloudlab.quiz;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The gradebook's CSV writing: quoting by RFC 4180, formulas defused in every cell, scores written plainly. */
class GradebookTest {
    @ParameterizedTest(name = "«{0}» is written «{1}»")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "plain|\"plain\"",
            "Smith, Jo|\"Smith, Jo\"",
            "say \"hi\"|\"say \"\"hi\"\"\"",
            "=1+1|\"'=1+1\"",
            "+44 20|\"'+44 20\"",
            "-3|\"'-3\"",
            "@SUM(A1)|\"'@SUM(A1)\"",
            "=A1,B1|\"'=A1,B1\"",
            "`  =A1`|\"'  =A1\"",
            "a=b|\"a=b\"",
            "``|\"\"",
    })
    void everyFieldIsQuotedAndAFormulaIsDefused(String in, String out) {
        assertEquals(out, Gradebook.field(in));
    }

    @Test
    void aLineBreakInAFieldIsQuotedAndAFormulaOnAnyLineIsDefused() {
        assertEquals("\"two\nlines\"", Gradebook.field("two\nlines"));
        assertEquals("\"two\r\nlines\"", Gradebook.field("two\r\nlines"));
        assertEquals("\"'name\n=cmd()\"", Gradebook.field("name\n=cmd()"), "a formula on a later line");
    }

    @ParameterizedTest(name = "{0} is written {1}")
    @CsvSource({"1.0, 1", "0.0, 0", "0.75, 0.75", "0.6666666666, 0.6667", "0.1, 0.1", "0.375, 0.375"})
    void aScoreIsWrittenWithoutNeedlessDigits(double score, String written) {
        assertEquals(written, Gradebook.number(score));
    }

    @Test
    void theCsvHasTheByteOrderMarkTheHeaderCrlfLineEndsAndATotalPerLearner() {
        String csv = Gradebook.csv(List.of(new Gradebook.Row("L1", null, "quiz/q", 0.5, 1.0, 2, "2026-01-01T00:00:00Z", "Practice"),
                new Gradebook.Row("L1", null, "quiz/r", 0, 1.0, 0, null, "Practice")));
        assertEquals("\uFEFF\"learner_id\",\"display_name\",\"item\",\"policy\",\"score\",\"max\",\"attempts\",\"last_submitted\","
                + "\"workshop_id\",\"workshop\"\r\n"
                + "\"L1\",\"\",\"quiz/q\",\"Practice\",\"0.5\",\"1\",\"2\",\"2026-01-01T00:00:00Z\",\"\",\"\"\r\n"
                + "\"L1\",\"\",\"quiz/r\",\"Practice\",\"0\",\"1\",\"0\",\"\",\"\",\"\"\r\n"
                + "\"L1\",\"\",\"total\",\"\",\"0.5\",\"2\",\"2\",\"2026-01-01T00:00:00Z\",\"\",\"\"\r\n", csv);
    }

    /** Was: a learner in two workshops had two blocks of rows that nothing told apart, and one total over both. */
    @Test
    void aLearnersRowsInEachWorkshopNameItAndHaveTheirOwnTotal() {
        Gradebook.Row q = new Gradebook.Row("L1", "Ann", "quiz/q", 1, 1.0, 1, "2026-01-01T00:00:00Z", "Practice");
        String csv = Gradebook.csv(List.of(q.in("w1", "Monday"), q.in("w2", "=Tuesday").withName("Annie"), q.withName("Ann")));
        List<String> lines = List.of(csv.substring(1).split("\r\n"));
        assertEquals(7, lines.size(), csv);
        assertEquals("\"L1\",\"Ann\",\"total\",\"\",\"1\",\"1\",\"1\",\"2026-01-01T00:00:00Z\",\"w1\",\"Monday\"", lines.get(2));
        assertEquals("\"L1\",\"Annie\",\"quiz/q\",\"Practice\",\"1\",\"1\",\"1\",\"2026-01-01T00:00:00Z\",\"w2\",\"'=Tuesday\"", lines.get(3),
                "the workshop's title is defused like every cell");
        assertEquals("\"L1\",\"Ann\",\"total\",\"\",\"1\",\"1\",\"1\",\"2026-01-01T00:00:00Z\",\"\",\"\"", lines.get(6), "self-study: no workshop");
    }

    @Test
    void everyCellIsDefusedNotOnlyTheName() {
        String csv = Gradebook.csv(List.of(new Gradebook.Row("=L1", "@name", "+quiz/q", 0.5, 1.0, 2, "-2026", "Practice")));
        assertEquals("\"'=L1\",\"'@name\",\"'+quiz/q\",\"Practice\",\"0.5\",\"1\",\"2\",\"'-2026\",\"\",\"\"",
                csv.split("\r\n")[1]);
    }
}

package cloudlab.cli;

import cloudlab.progress.Progress;
import cloudlab.store.Database;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static cloudlab.cli.Cli.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code cloud-lab gradebook}: one row per learner and item with the best score and the number of
 * attempts, as CSV that a spreadsheet opens safely (quoted where needed, formulas defused) or as JSON.
 */
class GradebookCommandTest {
    static final String HEADER = "learner_id,display_name,item,policy,score,max,attempts,last_submitted,workshop_id,workshop";
    /** The header as written: after the byte order mark, every cell quoted. */
    static final String QUOTED_HEADER = "\uFEFF\"" + HEADER.replace(",", "\",\"") + "\"";
    static final String COMMA_NAME = "Smith, \"Jo\"";
    static final String FORMULA_NAME = "=HYPERLINK(\"http://x\")";

    @TempDir
    Path dir;
    Path db;
    String ann;
    String bob;
    String cy;
    String annLastHostGuest;

    @BeforeEach
    void someLearnersAnswered() {
        db = dir.resolve("lab.db");
        try (Database d = Database.openSqlite(db)) {
            Progress p = new Progress(d);
            ann = p.newLearner().learner().id();
            bob = p.newLearner().learner().id();
            cy = p.newLearner().learner().id();
            name(d, ann, COMMA_NAME);
            name(d, bob, FORMULA_NAME);
            p.answered(ann, "why-virtualize-quiz", "q-host-guest", "{\"choices\":[1]}", 0.0, 1.0);
            p.answered(ann, "why-virtualize-quiz", "q-host-guest", "{\"choices\":[0]}", 1.0, 1.0);
            p.answered(ann, "why-virtualize-quiz", "q-host-guest", "{\"choices\":[2]}", 0.0, 1.0);
            p.answered(ann, "why-virtualize-quiz", "q-waste", "{\"choices\":[0,1]}", 2.0 / 3.0, 1.0);
            p.answered(bob, "why-virtualize-quiz", "q-fit", "{\"number\":4}", 1.0, 1.0);
            p.challengeChecked(bob, "shop-survives-zone-failure", 0.6, false, "{}");
            p.challengeChecked(bob, "shop-survives-zone-failure", 0.4, false, "{}");
            p.answered(cy, "why-virtualize-quiz", "q-host-guest", "{\"choices\":[2]}", 0.0, 1.0);
            annLastHostGuest = p.allAttempts().stream().filter(a -> a.learnerId().equals(ann) && a.questionId().equals("q-host-guest"))
                    .map(Progress.StoredAttempt::submittedAt).max(String::compareTo).orElseThrow();
        }
    }

    static void name(Database d, String learner, String name) {
        d.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE learners SET display_name = ? WHERE id = ?")) {
                ps.setString(1, name);
                ps.setString(2, learner);
                return ps.executeUpdate();
            }
        });
    }

    /** RFC 4180 records: fields split on commas outside quotes, "" inside quotes is a quote, CRLF ends a record. */
    static List<List<String>> parseCsv(String withBom) {
        assertTrue(withBom.startsWith("\uFEFF"), "the CSV starts with a UTF-8 byte order mark");
        String text = withBom.substring(1);
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    field.append(ch);
                }
            } else if (ch == '"') {
                assertEquals(0, field.length(), "a quote opens a field only at its start");
                quoted = true;
            } else if (ch == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (ch == '\r') {
                assertEquals('\n', text.charAt(i + 1), "CR is followed by LF");
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                assertFalse(ch == '\n', "a bare LF outside quotes");
                field.append(ch);
            }
        }
        assertFalse(quoted, "unclosed quote");
        assertTrue(row.isEmpty() && field.length() == 0, "the last record ends with CRLF");
        return rows;
    }

    static Map<String, List<String>> byLearnerAndItem(List<List<String>> rows) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (List<String> r : rows.subList(1, rows.size())) {
            assertEquals(10, r.size(), r.toString());
            if (r.get(2).equals("total")) continue;
            String where = r.get(8).isEmpty() ? "" : " in " + r.get(8);
            assertTrue(out.put(r.get(0) + " " + r.get(2) + where, r) == null, "one row per learner, item and workshop: " + r);
        }
        return out;
    }

    @Test
    void theCsvHasOneRowPerLearnerAndItemWithTheBestScoreAndAttemptCount() {
        Cli.Result r = run("gradebook", "--db", db, "--lessons", Path.of("lessons"));
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err());
        assertTrue(r.out().startsWith(QUOTED_HEADER + "\r\n"), r.out());
        List<List<String>> rows = parseCsv(r.out());
        assertEquals(List.of("learner_id", "display_name", "item", "policy", "score", "max", "attempts", "last_submitted", "workshop_id", "workshop"),
                rows.get(0));
        Map<String, List<String>> m = byLearnerAndItem(rows);
        assertEquals(5, m.size(), m.toString());

        List<String> hostGuest = m.get(ann + " why-virtualize-quiz/q-host-guest");
        assertEquals(List.of(ann, COMMA_NAME, "why-virtualize-quiz/q-host-guest", "Practice", "1", "1", "3", annLastHostGuest, "", ""), hostGuest,
                "best of 0, 1, 0 over three attempts; the last one's time");
        assertEquals(List.of("0.6667", "1", "1"), m.get(ann + " why-virtualize-quiz/q-waste").subList(4, 7));
        assertEquals(List.of("1", "1", "1"), m.get(bob + " why-virtualize-quiz/q-fit").subList(4, 7));
        assertEquals(List.of("0.6", "1", "2"), m.get(bob + " challenge/shop-survives-zone-failure").subList(4, 7));
        assertEquals(List.of(cy, "", "why-virtualize-quiz/q-host-guest", "Practice", "0", "1", "1"),
                m.get(cy + " why-virtualize-quiz/q-host-guest").subList(0, 7));
        List<String> annTotal = rows.stream().filter(x -> x.get(0).equals(ann) && x.get(2).equals("total")).findFirst().orElseThrow();
        String annLatest = m.entrySet().stream().filter(e -> e.getKey().startsWith(ann + " ")).map(e -> e.getValue().get(7)).max(String::compareTo).orElseThrow();
        assertEquals(List.of("", "1.6667", "2", "4", annLatest, "", ""), annTotal.subList(3, 10), "Ann's total: 1 + 0.6667 of 2, 4 attempts, her latest time");

        List<String> order = new ArrayList<>(m.keySet());
        List<String> annRows = order.stream().filter(k -> k.startsWith(ann)).toList();
        assertEquals(List.of(ann + " why-virtualize-quiz/q-host-guest", ann + " why-virtualize-quiz/q-waste"), annRows, "course order");
        List<String> learners = rows.subList(1, rows.size()).stream().map(x -> x.get(0)).toList();
        assertEquals(learners.stream().sorted().toList(), learners, "grouped by learner");
    }

    /** Was: a learner in two workshops was listed once, their work in both mixed, with nothing naming either workshop. */
    @Test
    void aLearnerInTwoWorkshopsIsListedOncePerWorkshopWithItsNameAndId() throws Exception {
        String monday;
        String tuesday;
        try (Database d = Database.openSqlite(db)) {
            new cloudlab.workshop.Instructors(d).add("ada", "correct-horse-battery".toCharArray());
            cloudlab.workshop.Workshops ws = new cloudlab.workshop.Workshops(d);
            monday = ws.create("ada", "Monday class", List.of("why-virtualize"), null).id();
            tuesday = ws.create("ada", "Tuesday class", List.of("why-virtualize"), null).id();
            ws.join(ws.byId(monday).orElseThrow(), cy, "Cy on Monday");
            ws.join(ws.byId(tuesday).orElseThrow(), cy, "Cy on Tuesday");
            Progress p = new Progress(d);
            p.answered(cy, "why-virtualize-quiz", "q-fit", new Progress.Attempt(null, "{\"number\":4}", null, null), 1.0, 1.0,
                    Progress.Scope.workshop(monday));
            p.answered(cy, "why-virtualize-quiz", "q-fit", new Progress.Attempt(null, "{\"number\":3}", null, null), 0.0, 1.0,
                    Progress.Scope.workshop(tuesday));
        }
        List<List<String>> rows = parseCsv(run("gradebook", "--db", db, "--lessons", Path.of("lessons")).out());
        Map<String, List<String>> m = byLearnerAndItem(rows);
        assertEquals(List.of("1", "Cy on Monday", monday, "Monday class"),
                List.of(m.get(cy + " why-virtualize-quiz/q-fit in " + monday).get(4), m.get(cy + " why-virtualize-quiz/q-fit in " + monday).get(1),
                        m.get(cy + " why-virtualize-quiz/q-fit in " + monday).get(8), m.get(cy + " why-virtualize-quiz/q-fit in " + monday).get(9)));
        assertEquals(List.of("0", "Cy on Tuesday", "Tuesday class"), List.of(m.get(cy + " why-virtualize-quiz/q-fit in " + tuesday).get(4),
                m.get(cy + " why-virtualize-quiz/q-fit in " + tuesday).get(1), m.get(cy + " why-virtualize-quiz/q-fit in " + tuesday).get(9)));
        assertEquals("0", m.get(cy + " why-virtualize-quiz/q-host-guest").get(4), "her self-study answer stays in a block of its own");
        assertEquals(3, rows.stream().filter(r -> r.get(0).equals(cy) && r.get(2).equals("total")).count(),
                "a total in each workshop and one for self-study");
    }

    @Test
    void fieldsWithCommasOrQuotesAreQuotedAndAFormulaIsDefused() {
        String out = run("gradebook", "--db", db, "--lessons", Path.of("lessons")).out();
        assertTrue(out.contains("," + "\"Smith, \"\"Jo\"\"\"" + ","), "quoted, inner quotes doubled: " + out);
        assertTrue(out.contains(",\"'=HYPERLINK(\"\"http://x\"\")\","), "a leading = is defused with an apostrophe: " + out);
        for (List<String> row : parseCsv(out)) {
            for (String field : row) {
                assertFalse(!field.isEmpty() && "=+-@".indexOf(field.charAt(0)) >= 0, "no field starts a formula: " + field);
            }
        }
        Map<String, List<String>> m = byLearnerAndItem(parseCsv(out));
        assertEquals("'" + FORMULA_NAME, m.get(bob + " why-virtualize-quiz/q-fit").get(1));
    }

    @Test
    void theJsonFormatCarriesTheSameRows() {
        Map<String, List<String>> csv = byLearnerAndItem(parseCsv(run("gradebook", "--db", db, "--lessons", Path.of("lessons")).out()));
        JsonNode json = run("gradebook", "--db", db, "--lessons", Path.of("lessons"), "--format", "json").json();
        assertTrue(json.isArray());
        assertEquals(csv.size(), json.size());
        for (JsonNode row : json) {
            assertEquals(List.of("attempts", "displayName", "item", "lastSubmitted", "learnerId", "max", "policy", "score", "workshop", "workshopId"),
                    Cli.names(row));
            List<String> c = csv.get(row.get("learnerId").textValue() + " " + row.get("item").textValue());
            assertEquals(c.get(3), row.get("policy").textValue());
            assertEquals(Integer.parseInt(c.get(6)), row.get("attempts").intValue());
            assertEquals(Double.parseDouble(c.get(4)), row.get("score").doubleValue(), 1e-4);
            assertEquals(c.get(7), row.get("lastSubmitted").textValue());
        }
        JsonNode bobFit = null;
        for (JsonNode row : json) if (row.get("learnerId").textValue().equals(bob)) bobFit = row;
        assertEquals(FORMULA_NAME, bobFit.get("displayName").textValue(), "JSON keeps the name as it is");
    }

    @Test
    void outWritesTheFileAndSaysHowManyRows() throws IOException {
        Path file = dir.resolve("grades.csv");
        Cli.Result r = run("gradebook", "--db", db, "--lessons", Path.of("lessons"), "--out", file);
        assertEquals(0, r.code(), r.err());
        assertEquals("5 rows written to " + file, r.out().strip());
        assertEquals(run("gradebook", "--db", db, "--lessons", Path.of("lessons")).out(), Files.readString(file, StandardCharsets.UTF_8));
    }

    @Test
    void anEmptyDatabaseGivesTheHeaderOnly() {
        Path empty = dir.resolve("empty.db");
        Database.openSqlite(empty).close();
        assertEquals(QUOTED_HEADER + "\r\n", run("gradebook", "--db", empty, "--lessons", Path.of("lessons")).out());
        assertEquals("[ ]", run("gradebook", "--db", empty, "--format", "json").out().strip());
    }

    @Test
    void aBadFormatOrMissingDatabaseIsBadInput() {
        assertEquals("gradebook: --format must be csv or json (got xml)", run("gradebook", "--db", db, "--format", "xml").badInput());
        assertEquals("gradebook: " + dir.resolve("none.db") + ": no such database", run("gradebook", "--db", dir.resolve("none.db")).badInput());
    }
}

package cloudlab.lesson;

import cloudlab.sim.RegionCatalog;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every count of regions and zones a learner reads in the course equals the region catalog's:
 * counts are drawn from it ({@code {{catalog.*}}}), never typed into a lesson, where they go stale.
 */
class CatalogCountsTest {
    static final RegionCatalog CATALOG = RegionCatalog.builtIn();
    static final Path LESSONS = Path.of("lessons").toAbsolutePath();
    /** A number written in digits, then (within three words) regions, zones, AZs or AZ ids. */
    static final Pattern COUNT = Pattern.compile("\\b(\\d+)\\s+(?:[A-Za-z()-]+\\s+){0,3}?(regions|zones|AZs|AZ ids|availability zones)\\b");
    /** "`us-east-1` has 6": a catalog region and a number of zones. */
    static final Pattern REGION_HAS = Pattern.compile("([a-z]{2}-[a-z]+-\\d)\\W{0,8}has (\\d+)");

    /** What a learner reads of a lesson: front matter texts, prose, captions, prompts, options, feedback, explanations. */
    static String shown(Lesson l) {
        StringBuilder sb = new StringBuilder(l.title()).append('\n').append(l.summary()).append('\n');
        l.teaches().forEach(t -> sb.append(t).append('\n'));
        for (Segment s : l.segments()) {
            if (s instanceof Segment.Prose p) sb.append(p.html().replaceAll("<[^>]+>", "")).append('\n');
            else if (s instanceof Segment.Figure f) sb.append(f.caption()).append('\n');
            else if (s instanceof Segment.Sandbox b) sb.append(b.title()).append('\n').append(b.prompt()).append('\n');
            else if (s instanceof Segment.QuizBlock q) {
                for (Question question : q.quiz().questions()) {
                    for (Question v : question.variants().isEmpty() ? List.of(question) : question.variants()) {
                        sb.append(v.prompt()).append('\n').append(v.explanation()).append('\n');
                        v.options().forEach(o -> sb.append(o.text()).append('\n').append(o.feedback()).append('\n'));
                    }
                }
            }
        }
        return sb.toString();
    }

    @Test
    void everyCountOfRegionsAndZonesShownEqualsTheCatalogs() {
        Course course = Course.load(LESSONS, CATALOG);
        assertEquals(List.of(), course.problems());
        List<String> checked = new ArrayList<>();
        for (Lesson l : course.lessons()) {
            String text = shown(l);
            Matcher m = COUNT.matcher(text);
            while (m.find()) {
                int n = Integer.parseInt(m.group(1));
                int expected = m.group(2).equals("regions") ? CATALOG.regionCount() : CATALOG.zoneCount();
                assertEquals(expected, n, l.source() + ": \"" + m.group() + "\"");
                checked.add(m.group());
            }
            Matcher r = REGION_HAS.matcher(text);
            while (r.find()) {
                RegionCatalog.Entry e = CATALOG.find(r.group(1));
                if (e == null) continue;
                assertEquals(e.azs(), Integer.parseInt(r.group(2)), l.source() + ": \"" + r.group() + "\"");
                checked.add(r.group());
            }
        }
        // the course does show counts (lessons 5 and 6): this test must not pass by finding none
        assertTrue(checked.size() >= 3, "counts found: " + checked);
        assertTrue(checked.stream().anyMatch(c -> c.startsWith("us-east-1")), "counts found: " + checked);
    }

    @Test
    void noLessonTypesACountOfRegionsOrZones() throws IOException {
        Pattern typed = Pattern.compile("\\b\\d{2,}\\s+(?:[A-Za-z]+\\s+){0,2}?(regions|zones|AZs|AZ ids|availability zones)\\b");
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(LESSONS)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
                Matcher m = typed.matcher(Files.readString(f));
                while (m.find()) found.add(f.getFileName() + ": " + m.group());
            }
        }
        assertEquals(List.of(), found, "write {{catalog.regions}} or {{catalog.zones}} instead");
    }
}

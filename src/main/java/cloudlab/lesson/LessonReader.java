package cloudlab.lesson;

import cloudlab.sim.InputException;
import cloudlab.sim.Layout;
import cloudlab.sim.Num;
import cloudlab.sim.RegionCatalog;
import cloudlab.sim.Rules;
import cloudlab.sim.Simulator;
import cloudlab.sim.document.ChallengeReader;
import cloudlab.sim.document.Check;
import cloudlab.sim.document.Documents;
import cloudlab.sim.document.LayoutReader;
import cloudlab.sim.grade.Challenge;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one lesson file: YAML front matter, then CommonMark whose {@code figure}, {@code sandbox},
 * {@code quiz} and {@code challenge} fenced blocks hold YAML. Every fault names the file and line.
 */
public final class LessonReader {
    /** The views a figure may name ({@code timeline}: the first busy host over a minute, cloudlab.sim.time). */
    private static final Set<String> VIEWS = Set.of("hosts", "infrastructure", "map", "timeline");
    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());
    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS)
            .includeSourceSpans(IncludeSourceSpans.BLOCKS).build();
    private static final HtmlRenderer HTML = HtmlRenderer.builder().extensions(EXTENSIONS)
            .escapeHtml(true).sanitizeUrls(true)
            // a code block scrolls sideways on a phone: it takes focus so that the keyboard can scroll it too
            .attributeProviderFactory(context -> (node, tag, attributes) -> {
                if (tag.equals("pre")) attributes.put("tabindex", "0");
            })
            .build();

    private final String file;
    private final Path folder;
    private final RegionCatalog catalog;

    private LessonReader(String file, Path folder, RegionCatalog catalog) {
        this.file = file;
        this.folder = folder;
        this.catalog = catalog;
    }

    /** The slug of a lesson file: its name without a leading number and without {@code .md}. */
    public static String slugOf(String fileName) {
        return fileName.replaceFirst("\\.md$", "").replaceFirst("^[0-9]+[-_]", "");
    }

    private static final Pattern LEADING_NUMBER = Pattern.compile("^([0-9]{1,3})[-_]");

    /**
     * The place of a lesson file in the course: the number its name starts with ({@code 04-...md}
     * is 4), or null for a name without one. The file name is the one place a lesson's position is
     * written, so slotting a lesson in between two others is a rename and nothing else.
     */
    public static Integer numberOf(String fileName) {
        Matcher m = LEADING_NUMBER.matcher(fileName);
        return m.find() ? Integer.valueOf(m.group(1)) : null;
    }

    /**
     * Reads a lesson from its text. {@code fileName} names it in messages and gives the slug;
     * {@code folder} is where paths in challenge blocks are resolved (may be null).
     */
    public static Lesson read(String text, String fileName, Path folder, RegionCatalog catalog) throws InputException {
        LessonReader reader = new LessonReader(fileName, folder, catalog);
        return reader.lesson(reader.insertCatalog(text.replace("\r\n", "\n")));
    }

    private static final Pattern CATALOG_VALUE = Pattern.compile("\\{\\{\\s*catalog\\.([^}]*?)\\s*}}");

    /**
     * Replaces each {@code {{catalog.NAME}}} with a value of the region catalog, so that no count of
     * regions or zones is typed into a lesson: {@code regions}, {@code zones} (AZ ids over all
     * regions), {@code read} (the month the catalog was read), {@code partitions}, and
     * {@code zones.CODE} / {@code zoneIds.CODE} for one region. An unknown name names the line.
     */
    String insertCatalog(String text) throws InputException {
        Matcher m = CATALOG_VALUE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = catalogValue(m.group(1));
            if (value == null) {
                throw InputException.at(file, "line " + (lineOf(text, m.start()) + 1), "{{catalog." + m.group(1)
                        + "}} is not a catalog value (known: regions, zones, read, partitions, zones.CODE, zoneIds.CODE"
                        + " with CODE a catalog region)");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private String catalogValue(String name) {
        switch (name) {
            case "regions" -> {
                return String.valueOf(catalog.regionCount());
            }
            case "zones" -> {
                return String.valueOf(catalog.zoneCount());
            }
            case "read" -> {
                return catalog.read();
            }
            case "partitions" -> {
                return String.join(", ", catalog.partitions());
            }
            default -> {
                int dot = name.indexOf('.');
                RegionCatalog.Entry e = dot < 0 ? null : catalog.find(name.substring(dot + 1));
                if (e == null) return null;
                return switch (name.substring(0, dot)) {
                    case "zones" -> String.valueOf(e.azs());
                    case "zoneIds" -> String.join(", ", e.azIds());
                    default -> null;
                };
            }
        }
    }

    private Lesson lesson(String text) throws InputException {
        if (!text.startsWith("---\n")) throw InputException.at(file, "line 1", "a lesson starts with front matter between two --- lines");
        int end = text.indexOf("\n---\n", 3);
        if (end < 0) throw InputException.at(file, "line 1", "the front matter is not closed by a --- line");
        String front = text.substring(4, end + 1);
        int bodyLine = lineOf(text, end + 5); // 0-based line index where the body starts
        JsonNode meta = yaml("\n" + front, file + ": front matter");
        Check check = new Check(file + ": front matter");
        ObjectNode o = check.object(meta, "", "front matter");
        String name = Path.of(file).getFileName().toString();
        Integer number = numberOf(name);
        if (number == null) check.required(o, "", "title", "order", "summary", "teaches", "minutes");
        else check.required(o, "", "title", "summary", "teaches", "minutes");
        String title = null;
        String summary = null;
        String slug = slugOf(name);
        int order = number == null ? 0 : number;
        int minutes = 0;
        List<String> teaches = new ArrayList<>();
        List<Lesson.Source> sources = new ArrayList<>();
        for (Map.Entry<String, JsonNode> f : Check.entries(o)) {
            String p = f.getKey();
            switch (f.getKey()) {
                case "title" -> title = shortText(check, f.getValue(), p, 80);
                case "summary" -> summary = shortText(check, f.getValue(), p, 300);
                case "order" -> {
                    // the file's number places a numbered lesson; order is read only for a name without one
                    int written = check.whole(f.getValue(), p, 1, 1000);
                    if (number == null) order = written;
                }
                case "minutes" -> minutes = check.whole(f.getValue(), p, 1, 30);
                case "slug" -> {
                    slug = check.text(f.getValue(), p);
                    if (!slug.matches("[a-z0-9-]{1,60}")) throw check.fail(p, "must be 1 to 60 lowercase letters, digits or '-'");
                }
                case "teaches" -> {
                    ArrayNode list = check.list(f.getValue(), p);
                    if (list.isEmpty() || list.size() > 6) throw check.fail(p, "must list 1 to 6 things the lesson teaches");
                    for (int i = 0; i < list.size(); i++) teaches.add(shortText(check, list.get(i), Check.item(p, i), 200));
                }
                case "sources" -> {
                    ArrayNode list = check.list(f.getValue(), p);
                    if (list.isEmpty()) throw check.fail(p, "must list at least one source (title, publisher, url, read)");
                    for (int i = 0; i < list.size(); i++) sources.add(source(check, list.get(i), Check.item(p, i)));
                }
                default -> throw check.unknown("", f.getKey(), "title, order, summary, teaches, minutes, slug, sources");
            }
        }
        List<Segment> segments = body(text.substring(end + 5), bodyLine);
        return new Lesson(slug, file, title, order, summary, teaches, minutes, sources, segments);
    }

    private static final Pattern READ_DATE = Pattern.compile("[0-9]{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?");

    /** One entry of {@code sources}: where a fact was checked, and when. */
    private static Lesson.Source source(Check check, JsonNode n, String place) throws InputException {
        ObjectNode o = check.object(n, place, "a source");
        check.required(o, place, "title", "publisher", "url", "read");
        String title = null;
        String publisher = null;
        String url = null;
        String read = null;
        for (Map.Entry<String, JsonNode> f : Check.entries(o)) {
            String p = Check.child(place, f.getKey());
            switch (f.getKey()) {
                case "title" -> title = shortText(check, f.getValue(), p, 200);
                case "publisher" -> publisher = shortText(check, f.getValue(), p, 120);
                case "url" -> {
                    url = shortText(check, f.getValue(), p, 500);
                    if (!url.matches("https?://[^\\s<>\"]+")) throw check.fail(p, "must be an http or https address without spaces");
                }
                case "read" -> {
                    read = check.text(f.getValue(), p).strip();
                    if (!READ_DATE.matcher(read).matches()) throw check.fail(p, "must be the date read as YYYY-MM or YYYY-MM-DD (got " + read + ")");
                }
                default -> throw check.unknown(place, f.getKey(), "title, publisher, url, read");
            }
        }
        return new Lesson.Source(title, publisher, url, read);
    }

    /** A text of 1 to {@code max} characters, stripped. */
    static String shortText(Check check, JsonNode n, String place, int max) throws InputException {
        String s = check.text(n, place).strip();
        if (s.isEmpty() || s.length() > max) throw check.fail(place, "must be 1 to " + max + " characters");
        return s;
    }

    private List<Segment> body(String markdown, int lineOffset) throws InputException {
        Node doc = PARSER.parse(markdown);
        List<Segment> out = new ArrayList<>();
        StringBuilder prose = new StringBuilder();
        Set<String> questionIds = new HashSet<>();
        int sandboxes = 0;
        boolean quizSeen = false;
        for (Node n = doc.getFirstChild(); n != null; n = n.getNext()) {
            String info = n instanceof FencedCodeBlock fb && fb.getInfo() != null ? fb.getInfo().strip() : "";
            if (!Set.of("figure", "sandbox", "quiz", "challenge").contains(info)) {
                prose.append(HTML.render(n));
                continue;
            }
            if (prose.length() > 0) {
                out.add(new Segment.Prose(prose.toString()));
                prose.setLength(0);
            }
            FencedCodeBlock block = (FencedCodeBlock) n;
            int line = lineOffset + block.getSourceSpans().get(0).getLineIndex() + 1; // 1-based line of the opening fence
            String where = file + ": " + info + " block at line " + line;
            JsonNode tree = yaml("\n".repeat(line) + block.getLiteral(), where);
            Check check = new Check(where);
            switch (info) {
                case "figure" -> out.add(figure(check, tree, where));
                case "sandbox" -> out.add(sandbox(check, tree, where, sandboxes++));
                case "quiz" -> {
                    if (quizSeen) throw check.fail("", "a lesson holds one quiz block");
                    quizSeen = true;
                    out.add(new Segment.QuizBlock(quiz(check, tree, questionIds, where)));
                }
                default -> out.add(new Segment.ChallengeBlock(challenge(check, tree, where)));
            }
        }
        if (prose.length() > 0) out.add(new Segment.Prose(prose.toString()));
        return out;
    }

    private Segment figure(Check check, JsonNode tree, String where) throws InputException {
        ObjectNode o = check.object(tree, "", "a figure");
        check.required(o, "", "caption", "view", "layout");
        String caption = null;
        String view = null;
        Layout layout = null;
        List<String> fail = new ArrayList<>();
        for (Map.Entry<String, JsonNode> f : Check.entries(o)) {
            String p = f.getKey();
            switch (p) {
                case "caption" -> caption = shortText(check, f.getValue(), p, 200);
                case "view" -> {
                    view = check.text(f.getValue(), p);
                    if (!VIEWS.contains(view)) throw check.fail(p, "must be hosts, infrastructure, map or timeline (got " + view + ")");
                }
                case "layout" -> layout = LayoutReader.fromTree(f.getValue(), "layout", where, catalog);
                case "fail" -> {
                    ArrayNode list = check.list(f.getValue(), p);
                    for (int i = 0; i < list.size(); i++) fail.add(check.text(list.get(i), Check.item(p, i)));
                }
                default -> throw check.unknown("", p, "caption, view, layout, fail");
            }
        }
        for (int i = 0; i < fail.size(); i++) {
            String problem = Simulator.failProblem(layout, fail.get(i));
            if (problem != null) throw check.fail(Check.item("fail", i), problem);
        }
        return new Segment.Figure(caption, view, layout, fail);
    }

    private Segment sandbox(Check check, JsonNode tree, String where, int index) throws InputException {
        ObjectNode o = check.object(tree, "", "a sandbox");
        check.required(o, "", "title", "layout");
        String title = null;
        String prompt = null;
        Layout layout = null;
        for (Map.Entry<String, JsonNode> f : Check.entries(o)) {
            String p = f.getKey();
            switch (p) {
                case "title" -> title = shortText(check, f.getValue(), p, 120);
                case "prompt" -> prompt = shortText(check, f.getValue(), p, 1000);
                case "layout" -> layout = LayoutReader.fromTree(f.getValue(), "layout", where, catalog);
                case "steps", "find", "bill" -> { } // the guided task, read below
                default -> throw check.unknown("", p, "title, prompt, steps, find, bill, layout");
            }
        }
        Task task = null;
        if (o.has("steps")) {
            String find = o.has("find") ? shortText(check, o.get("find"), "find", 1000) : null;
            task = new TaskReader(check, where).read(o.get("steps"), find, o.has("bill") && check.bool(o.get("bill"), "bill"));
        } else if (o.has("find") || o.has("bill")) {
            throw check.fail(o.has("find") ? "find" : "bill", "belongs to a guided task: add its steps");
        }
        return new Segment.Sandbox(index, title, prompt, layout, task);
    }

    private Quiz quiz(Check check, JsonNode tree, Set<String> questionIds, String where) throws InputException {
        ObjectNode o = check.object(tree, "", "a quiz");
        check.required(o, "", "id", "questions");
        String id = null;
        List<Question> questions = new ArrayList<>();
        cloudlab.quiz.AttemptPolicy policy = cloudlab.quiz.AttemptPolicy.PRACTICE;
        for (Map.Entry<String, JsonNode> f : Check.entries(o)) {
            String p = f.getKey();
            switch (p) {
                case "policy" -> policy = QuestionReader.policy(check, f.getValue(), p);
                case "id" -> {
                    id = check.text(f.getValue(), p);
                    String e = Rules.id(id);
                    if (e != null) throw check.fail(p, e);
                }
                case "questions" -> {
                    ArrayNode list = check.list(f.getValue(), p);
                    if (list.isEmpty()) throw check.fail(p, "a quiz needs at least one question");
                    QuestionReader reader = new QuestionReader(check, catalog, where);
                    for (int i = 0; i < list.size(); i++) questions.add(reader.read(list.get(i), Check.item(p, i), questionIds));
                }
                default -> throw check.unknown("", p, "id, policy, questions");
            }
        }
        return new Quiz(id, questions, policy);
    }

    private LessonChallenge challenge(Check check, JsonNode tree, String where) throws InputException {
        ObjectNode o = check.object(tree, "", "a challenge");
        check.required(o, "", "id", "title", "goals", "start");
        ObjectNode contract = o.objectNode();
        Layout start = null;
        Layout solution = null;
        List<Layout> wrong = new ArrayList<>();
        for (Map.Entry<String, JsonNode> f : Check.entries(o)) {
            String p = f.getKey();
            switch (p) {
                case "id", "title", "goals" -> contract.set(p, f.getValue());
                case "start" -> start = layoutOrPath(check, f.getValue(), p, where);
                case "solution" -> solution = LayoutReader.fromTree(f.getValue(), p, where, catalog);
                case "wrong" -> {
                    ArrayNode list = check.list(f.getValue(), p);
                    for (int i = 0; i < list.size(); i++) wrong.add(LayoutReader.fromTree(list.get(i), Check.item(p, i), where, catalog));
                }
                default -> throw check.unknown("", p, "id, title, goals, start, solution, wrong");
            }
        }
        Challenge challenge = ChallengeReader.fromTree(contract, "", where, null);
        return new LessonChallenge(challenge, start, solution, wrong);
    }

    /** An inline layout, or the path of a layout file relative to the lesson's folder. */
    private Layout layoutOrPath(Check check, JsonNode n, String place, String where) throws InputException {
        if (n != null && n.isTextual()) {
            if (folder == null) throw check.fail(place, "a path needs the lesson's folder; give the layout inline");
            Path p = folder.resolve(n.textValue()).normalize();
            if (!p.startsWith(folder.normalize())) throw check.fail(place, "must stay inside the lessons folder");
            return LayoutReader.read(p, catalog);
        }
        return LayoutReader.fromTree(n, place, where, catalog);
    }

    private static JsonNode yaml(String text, String source) throws InputException {
        return Documents.parse(text, Documents.Format.YAML, source);
    }

    private static int lineOf(String text, int offset) {
        int line = 0;
        for (int i = 0; i < offset && i < text.length(); i++) if (text.charAt(i) == '\n') line++;
        return line;
    }
}

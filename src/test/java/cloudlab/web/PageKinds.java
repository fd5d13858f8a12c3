package cloudlab.web;

import cloudlab.lesson.Lesson;
import cloudlab.lesson.LessonChallenge;
import cloudlab.workshop.Instructors;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * One of every kind of page the lab serves, made for real on a test server: a learner with a
 * sandbox, every lesson's sandbox and every challenge, a shared link; an instructor with a workshop
 * whose room has a member; that member's workshop page. The outside judges (the Nu Html Checker,
 * axe) walk the same tour, so a page kind added here is checked by both.
 */
final class PageKinds {
    static final String PASSWORD = WorkshopHttpTest.PASSWORD;
    /** A small layout with a failed zone, an app and users: the sandbox draws hosts, the map and the report. */
    static final String LAYOUT = SandboxAccessibilityTest.LAYOUT;

    final TestServer server;
    final WebClient learner;
    final WorkshopHttpTest.Instructor ada;
    final WebClient member;
    final String sandbox;
    final String workshop;
    final String memberId;
    final String memberSandbox;
    /** The path of a challenge's sandbox. */
    final String challenge;
    /** Pages a learner opens with their cookie, by name. */
    final Map<String, String> learnerPages = new LinkedHashMap<>();
    /** Pages only a signed-in instructor sees, by name. */
    final Map<String, String> instructorPages = new LinkedHashMap<>();
    /** Pages anyone sees without a cookie. */
    final Map<String, String> visitorPages = new LinkedHashMap<>();

    PageKinds(TestServer server) {
        this.server = server;
        try {
            server.services().instructors().add("ada", PASSWORD.toCharArray());
        } catch (Instructors.Refused e) {
            throw new AssertionError(e);
        }
        ada = WorkshopHttpTest.Instructor.signIn(server, "ada", PASSWORD);
        learner = WebClient.learner(server);
        sandbox = SandboxHttpTest.importLayout(learner, LAYOUT);

        learnerPages.put("home", "/");
        List<Lesson> lessons = Course1.course().lessons();
        String lastChallenge = null;
        for (Lesson l : lessons) learnerPages.put("lesson " + l.slug(), "/lessons/" + l.slug());
        learnerPages.put("progress", "/progress");
        learnerPages.put("sandbox list", "/sandboxes");
        learnerPages.put("sandbox", "/sandboxes/" + sandbox);
        learnerPages.put("sandbox run", "/sandboxes/" + sandbox + "/run");
        for (Lesson l : lessons) {
            for (int i = 0; i < l.sandboxes().size(); i++) {
                learnerPages.put("lesson sandbox " + l.slug() + " " + i, opened("/lessons/" + l.slug() + "/sandboxes/" + i));
            }
            for (LessonChallenge c : l.challenges()) {
                String path = opened("/lessons/" + l.slug() + "/challenges/" + c.id());
                learner.postForm(path + "/check", "");
                learnerPages.put("challenge sandbox " + c.id() + ", checked", path);
                lastChallenge = path;
            }
        }
        challenge = lastChallenge;
        String shared = learner.postForm("/sandboxes/" + sandbox + "/share", "").headers().firstValue("Location").orElseThrow();
        learnerPages.put("sandbox with its share link", shared);
        visitorPages.put("shared layout", "/shared/" + shared.replaceFirst(".*shared=([^#&]+).*", "$1"));

        workshop = ada.create("Tuesday lab", WorkshopHttpTest.TWO_ZONES, 1, 2);
        String code = ada.code(workshop);
        member = WorkshopHttpTest.joined(server, code, "Ana");
        memberId = WorkshopHttpTest.learnerId(server, member);
        memberSandbox = WorkshopHttpTest.sandboxOf(member);
        WorkshopHttpTest.act(member, memberSandbox, "op", "fail", "id", "use1-az1");
        // a second member, idle for long, so that the room shows its idle state too
        WebClient ben = WorkshopHttpTest.joined(server, code, "Ben");
        WorkshopHttpTest.setLastSeen(server, workshop, WorkshopHttpTest.learnerId(server, ben), "2020-01-01T00:00:00.000Z");

        visitorPages.put("join", "/join");
        visitorPages.put("join with a code", "/join/" + code);
        visitorPages.put("instructor sign-in", "/instructor");
        visitorPages.put("not found", "/no/such/page");
        String w = "/instructor/workshops/" + workshop;
        instructorPages.put("instructor home", "/instructor");
        instructorPages.put("workshops", "/instructor/workshops");
        instructorPages.put("room", w);
        instructorPages.put("projector", w + "/projector");
        instructorPages.put("a learner in the room", w + "/learners/" + memberId);
        instructorPages.put("summary", w + "/summary");
        instructorPages.put("regrade", "/instructor/regrade");
    }

    /** Opens a lesson's sandbox or challenge (a POST that makes it); the sandbox's path. */
    private String opened(String path) {
        HttpResponse<String> r = learner.postForm(path, "");
        assertEquals(303, r.statusCode(), path + ": " + r.body());
        return r.headers().firstValue("Location").orElseThrow();
    }

    /** A question of the course answered right and one answered wrong, as (path, form) pairs. */
    static List<String[]> answers() {
        List<String[]> out = new ArrayList<>();
        for (Lesson l : Course1.course().lessons()) {
            if (l.quiz() == null) continue;
            for (cloudlab.lesson.Question q : l.quiz().questions()) {
                if (q.type() == cloudlab.lesson.Question.Type.CHALLENGE) continue;
                out.add(new String[] {"/lessons/" + l.slug() + "/quiz/" + q.id(), Course1.rightForm(q)});
            }
        }
        return out;
    }
}

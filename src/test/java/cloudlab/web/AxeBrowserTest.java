package cloudlab.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static cloudlab.web.SandboxBrowserTest.waitForHtmx;
import static cloudlab.web.SandboxBrowserTest.waiting;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * axe-core (npm's, installed by test.sh into target/npm) injected into Chromium finds nothing
 * critical or serious on any kind of page at 1280×900 and at 390×844, nor after a learner answers a
 * question or acts in a sandbox. One browser walks the whole tour.
 */
class AxeBrowserTest {
    static final Path AXE = Path.of("target", "npm", "node_modules", "axe-core", "axe.min.js");
    static final List<Dimension> WIDTHS = List.of(new Dimension(1280, 900), new Dimension(390, 844));
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final BrowserLab lab = BrowserLab.withScripts();
    static PageKinds tour;
    static String axe;

    @BeforeAll
    static void start() throws Exception {
        Assumptions.assumeTrue(Files.isRegularFile(AXE), "axe-core is not installed: run "
                + "npm install --prefix target/npm --ignore-scripts axe-core@4.14.1 (test.sh does)");
        axe = Files.readString(AXE, StandardCharsets.UTF_8);
        tour = new PageKinds(lab.server());
        lab.driver().manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    }

    @Test
    void noPageKindHasACriticalOrSeriousViolationAtEitherWidth() {
        List<String> found = new ArrayList<>();
        for (Dimension size : WIDTHS) {
            lab.driver().manage().window().setSize(size);
            as(null);
            tour.visitorPages.forEach((name, path) -> found.addAll(audit(name, path, size)));
            as("cl_learner=" + tour.learner.learnerCookie());
            tour.learnerPages.forEach((name, path) -> found.addAll(audit(name, path, size)));
            as("cl_learner=" + tour.member.learnerCookie());
            found.addAll(audit("learner's workshop page", "/workshop", size));
            as(tour.ada.cookie);
            tour.instructorPages.forEach((name, path) -> found.addAll(audit(name, path, size)));
        }
        assertEquals(List.of(), found);
    }

    @Test
    void nothingCriticalOrSeriousAfterAnsweringAQuestionOrActingInASandbox() {
        List<String> found = new ArrayList<>();
        for (Dimension size : WIDTHS) {
            lab.driver().manage().window().setSize(size);
            as("cl_learner=" + tour.learner.learnerCookie());
            lab.driver().get(lab.server().url("/lessons/" + Course1.first().slug()));
            waitForHtmx(lab.driver());
            WebElement question = lab.driver().findElement(By.cssSelector("section.question[data-type=single], section.question[data-type=truefalse]"));
            question.findElement(By.cssSelector("input[type=radio]")).click();
            question.findElement(By.cssSelector("button[type=submit]")).click();
            waiting(lab.driver()).until(x -> Browsers.isGone(question));
            waitForHtmx(lab.driver());
            found.addAll(violations("a question answered", size));

            lab.driver().get(lab.server().url("/sandboxes/" + tour.sandbox));
            waitForHtmx(lab.driver());
            WebElement form = lab.driver().findElement(By.id("form-add-host"));
            ((JavascriptExecutor) lab.driver()).executeScript("arguments[0].closest('details') && (arguments[0].closest('details').open = true);", form);
            // the answer swaps in only the parts that changed: wait for htmx's answer, not for the workspace to go
            SandboxBrowserTest.swap(lab.driver(), form.findElement(By.cssSelector("button[type=submit]")));
            found.addAll(violations("a sandbox action done", size));
        }
        assertEquals(List.of(), found);
    }

    /** Replaces the browser's cookies with one (name=value), or none. */
    private static void as(String cookie) {
        lab.driver().get(lab.server().url("/healthz"));
        lab.driver().manage().deleteAllCookies();
        if (cookie == null) return;
        int eq = cookie.indexOf('=');
        lab.driver().manage().addCookie(new Cookie(cookie.substring(0, eq), cookie.substring(eq + 1), "/"));
    }

    private static List<String> audit(String name, String path, Dimension size) {
        lab.driver().get(lab.server().url(path));
        waitForHtmx(lab.driver());
        ((JavascriptExecutor) lab.driver()).executeScript("document.querySelectorAll('details').forEach(x => x.open = true);");
        return violations(name + " (" + path + ")", size);
    }

    /** axe's critical and serious violations on the page as it stands, each as one line. */
    static List<String> violations(String name, Dimension size) {
        JavascriptExecutor js = (JavascriptExecutor) lab.driver();
        if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe === 'object';"))) js.executeScript(axe);
        String out = (String) js.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "axe.run(document, {resultTypes: ['violations']}).then(r => done(JSON.stringify({v: r.violations, p: r.passes.length})),"
                + " e => done(JSON.stringify({error: String(e)})));");
        List<String> found = new ArrayList<>();
        try {
            JsonNode r = JSON.readTree(out);
            assertTrue(r.path("error").isMissingNode(), name + ": " + r.path("error").asText());
            assertTrue(r.path("p").asInt() > 10, name + ": axe ran its rules");
            for (JsonNode v : r.path("v")) {
                String impact = v.path("impact").asText();
                List<String> targets = new ArrayList<>();
                for (JsonNode n : v.path("nodes")) if (targets.size() < 4) targets.add(n.path("target").toString());
                String line = name + " at " + size.width + ": " + impact + " " + v.path("id").asText() + " (" + v.path("nodes").size() + ") " + targets;
                System.out.println("axe " + line);
                if (impact.equals("critical") || impact.equals("serious")) found.add(line);
            }
        } catch (java.io.IOException e) {
            throw new AssertionError(name + ": " + out, e);
        }
        return found;
    }
}

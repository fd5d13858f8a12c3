package cloudlab.web;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static cloudlab.web.Browsers.WAIT;
import static cloudlab.web.Browsers.click;
import static cloudlab.web.Browsers.js;
import static cloudlab.web.Browsers.waitForHtmx;
import static cloudlab.web.Browsers.waiting;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The "done when" for instructor events, in two browsers: the instructor fails a zone
 * (through the confirm step); the learner's open sandbox page shows it within a second without a
 * reload; the learner's Undo takes back their own step, not the failure; the instructor's Restore
 * brings back exactly the zone the instructor failed, and the zone the learner failed stays failed.
 */
class InstructorChaosBrowserTest {
    static final Duration LEARNER_SEES_IT = Duration.ofSeconds(1);

    @RegisterExtension
    static final BrowserLab lab = BrowserLab.forWorkshops();

    /** The ids the learner's page shows as failed. */
    static Set<String> failed(WebDriver d) {
        return d.findElements(By.cssSelector("#workspace [data-failed]")).stream().map(e -> e.getAttribute("data-failed"))
                .collect(Collectors.toSet());
    }

    static void chaos(WebDriver teacher, String id, String action) {
        new Select(teacher.findElement(By.id("chaos-id"))).selectByValue(id);
        click(teacher, teacher.findElement(By.id("chaos-" + action)));
        List<WebElement> yes = waiting(teacher, WAIT).until(x -> {
            List<WebElement> confirm = x.findElements(By.id("confirm-yes"));
            return !confirm.isEmpty() || !x.findElements(By.id("room-notice")).isEmpty() ? confirm : null;
        });
        if (!yes.isEmpty()) click(teacher, yes.get(0));
    }

    @Test
    void anInstructorsFailureShowsAtOnceSurvivesTheLearnersUndoAndRestoreBringsBackOnlyIt() {
        try (Browsers.Browser instructorBrowser = Browsers.open(true); Browsers.Browser learnerBrowser = Browsers.open(true)) {
            WebDriver teacher = instructorBrowser.driver;
            WebDriver learner = learnerBrowser.driver;

            String code = Browsers.createWorkshop(teacher, lab.server(), "Chaos lab");

            // the learner joins, opens their workshop sandbox and takes two steps of their own
            learner.get(lab.server().url("/join"));
            learner.findElement(By.id("code")).sendKeys(code);
            learner.findElement(By.id("name")).sendKeys("Grace");
            click(learner, By.id("join"));
            waiting(learner, WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("my-sandbox")));
            click(learner, By.id("my-sandbox")); // the workshop page refreshes itself when the room changes
            waiting(learner, WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("form-fail")));
            waitForHtmx(learner);
            new Select(learner.findElement(By.id("fail-id"))).selectByValue("use1-az2");
            click(learner, By.cssSelector("#form-fail button[value=fail]"));
            waiting(learner, WAIT).until(x -> failed(x).contains("use1-az2"));
            click(learner, By.xpath("//form[@id='form-add-app']/ancestor::details/summary"));
            click(learner, By.cssSelector("#form-add-app button[type=submit]"));
            waiting(learner, WAIT).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".app-badge[data-app='app-2']")));
            js(learner, "window.__samePage = 'yes';");
            // the stream is open before the instructor acts
            waiting(learner, WAIT).until(x -> Boolean.TRUE.equals(js(x,
                    "var m = document.getElementById('main'); return !!(m && m['htmx-internal-data'] && m['htmx-internal-data'].sseEventSource"
                            + " && m['htmx-internal-data'].sseEventSource.readyState === 1);")));

            // the instructor fails use1-az1 through the confirm step; the learner's page shows it by itself
            waiting(teacher, WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("chaos-id")));
            chaos(teacher, "use1-az1", "fail");
            long clicked = System.nanoTime();
            WebElement notice = waiting(learner, LEARNER_SEES_IT).withMessage("the learner's page to show the instructor's failure by itself")
                    .ignoring(StaleElementReferenceException.class)
                    .until(x -> failed(x).contains("use1-az1") && x.findElement(By.id("instructor-notice")).getText().contains("use1-az1")
                            ? x.findElement(By.id("instructor-notice")) : null);
            long ms = (System.nanoTime() - clicked) / 1_000_000;
            assertTrue(ms < LEARNER_SEES_IT.toMillis(), "took " + ms + " ms");
            assertEquals("Your instructor failed use1-az1", notice.getText());
            assertEquals("yes", js(learner, "return window.__samePage || null;"), "the learner's page was never reloaded");
            assertEquals(Set.of("use1-az1", "use1-az2"), failed(learner));
            assertTrue(learner.findElement(By.id("history")).getText().contains("Your instructor failed use1-az1"),
                    "the timeline says who failed it");
            assertEquals("Failed use1-az1 in 1 sandbox.",
                    waiting(teacher, WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.id("room-notice"))).getText());

            // the learner's Undo takes back their own latest step (the app), not the instructor's failure
            click(learner, By.id("undo"));
            waiting(learner, WAIT).ignoring(StaleElementReferenceException.class)
                    .until(x -> x.findElements(By.cssSelector(".app-badge[data-app='app-2']")).isEmpty());
            assertEquals(Set.of("use1-az1", "use1-az2"), failed(learner));

            // the instructor's Restore brings back use1-az1 only: the learner's own failure of use1-az2 stays
            waiting(teacher, WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("chaos-id")));
            chaos(teacher, "use1-az1", "restore");
            waiting(learner, WAIT).ignoring(StaleElementReferenceException.class).until(x -> !failed(x).contains("use1-az1"));
            assertEquals(Set.of("use1-az2"), failed(learner));
            assertEquals("Your instructor restored use1-az1", learner.findElement(By.id("instructor-notice")).getText());
            assertEquals("yes", js(learner, "return window.__samePage || null;"));
        }
    }
}

package cloudlab.web;

import cloudlab.lesson.Lesson;
import cloudlab.lesson.Question;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.List;
import java.util.logging.Level;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The issue's story in headless Chromium: a learner opens the course, reads lesson 1, answers its
 * quiz, reloads and still sees the progress; the same learner types the resume code in a second,
 * fresh browser and sees the same progress; the same flows with JavaScript disabled still work.
 */
class BrowserFlowTest {
    static final Duration WAIT = Duration.ofSeconds(10);

    @RegisterExtension
    static final BrowserLab lab = BrowserLab.serverOnly();
    static final Lesson lesson = Course1.first();

    /** Waits until the browser has loaded and decoded the image (a broken or refused image never gets a width). */
    static void waitLoaded(WebDriver d, WebElement img) {
        // a lesson image loads lazily, when it comes near the screen, as a reader scrolls to it
        ((JavascriptExecutor) d).executeScript("arguments[0].scrollIntoView({block: 'center'});", img);
        waiting(d).until(x -> Boolean.TRUE.equals(((JavascriptExecutor) x).executeScript(
                "return arguments[0].complete && arguments[0].naturalWidth > 0;", img)));
    }

    static WebDriverWait waiting(WebDriver d) {
        return new WebDriverWait(d, WAIT);
    }

    @ParameterizedTest(name = "JavaScript on: {0}")
    @ValueSource(booleans = {true, false})
    void aLearnerFinishesLessonOneKeepsItOnReloadAndResumesInAFreshBrowser(boolean javascript) {
        String code;
        String scoreText;
        int n = lesson.quiz().questions().size();
        try (Browsers.Browser first = Browsers.open(javascript)) {
            WebDriver d = first.driver;
            d.get(lab.server().url("/"));
            assertTrue(d.getTitle().startsWith("Cloud Lab"), d.getTitle());
            if (javascript) {
                waiting(d).until(x -> (Boolean) ((JavascriptExecutor) x).executeScript("return typeof window.htmx === 'object'"));
            }

            WebElement card = d.findElement(By.cssSelector("ol.course-map li:first-child a.lesson-card__link"));
            assertTrue(card.getText().contains(lesson.title()), card.getText());
            card.click();
            waiting(d).until(ExpectedConditions.urlToBe(lab.server().url("/lessons/" + lesson.slug())));
            assertEquals(lesson.title(), d.findElement(By.cssSelector("main h1")).getText());
            List<WebElement> drawn = d.findElements(By.cssSelector("figure.figure img"));
            assertEquals(lesson.figures().size(), drawn.size(), "the figures are drawn");
            for (WebElement img : drawn) waitLoaded(d, img);

            if (javascript) ((JavascriptExecutor) d).executeScript("window.__sameDocument = 'still here';");
            for (Question q : lesson.quiz().questions()) answer(d, q, javascript);

            String lessonUrl = lab.server().url("/lessons/" + lesson.slug());
            if (javascript) {
                assertEquals(lessonUrl, d.getCurrentUrl(), "htmx answered in place: the address did not change");
                assertEquals("still here", ((JavascriptExecutor) d).executeScript("return window.__sameDocument;"),
                        "htmx answered in place: the page was never reloaded");
            }

            assertNoConsoleErrors(d);
            d.navigate().refresh();
            waiting(d).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("main h1")));
            if (javascript) {
                assertEquals(null, ((JavascriptExecutor) d).executeScript("return window.__sameDocument;"), "this was a real reload");
            }
            assertAllCorrect(d);
            assertEquals("Completed", d.findElement(By.cssSelector(".lesson__header .badge--done")).getText());

            d.findElement(By.cssSelector("nav.site-nav a[href='/progress']")).click();
            waiting(d).until(ExpectedConditions.urlToBe(lab.server().url("/progress")));
            WebElement row = progressRow(d);
            assertEquals("Completed", row.findElement(By.cssSelector(".badge")).getText());
            scoreText = row.findElements(By.tagName("td")).get(1).getText();
            assertEquals(n + ".0 / " + n + " (" + n + " answered; Practice)", scoreText);
            code = d.findElement(By.id("resume-code")).getText().strip();
            assertTrue(code.matches("[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}"), code);
        }

        try (Browsers.Browser second = Browsers.open(javascript)) {
            WebDriver d = second.driver;
            d.get(lab.server().url("/progress"));
            assertTrue(d.findElements(By.id("resume-code")).isEmpty(), "a fresh browser is nobody yet");
            assertEquals("Not started", progressRow(d).findElement(By.cssSelector(".badge")).getText());

            WebElement box = d.findElement(By.id("code"));
            box.sendKeys(code);
            d.findElement(By.cssSelector("form[action='/progress/resume'] button[type=submit]")).click();
            waiting(d).until(ExpectedConditions.urlContains("resumed=1"));
            waiting(d).until(ExpectedConditions.textToBePresentInElementLocated(By.id("resume-code"), code));
            assertTrue(d.findElement(By.cssSelector(".notice--ok")).getText().contains("Welcome back"));
            WebElement row = progressRow(d);
            assertEquals("Completed", row.findElement(By.cssSelector(".badge")).getText());
            assertEquals(scoreText, row.findElements(By.tagName("td")).get(1).getText(), "the same score");

            d.findElement(By.cssSelector("tr[data-lesson='" + lesson.slug() + "'] a")).click();
            waiting(d).until(ExpectedConditions.urlToBe(lab.server().url("/lessons/" + lesson.slug())));
            assertAllCorrect(d);
        }
    }

    @ParameterizedTest(name = "JavaScript on: {0}")
    @ValueSource(booleans = {true, false})
    void mistakesAreShownByTheirFieldsAndNothingIsKept(boolean javascript) {
        try (Browsers.Browser b = Browsers.open(javascript)) {
            WebDriver d = b.driver;
            d.get(lab.server().url("/lessons/" + lesson.slug()));
            Question q = Course1.ofType(lesson, Question.Type.NUMERIC);
            String anchor = "q-" + q.id();
            WebElement html = d.findElement(By.tagName("html"));
            d.findElement(By.id(anchor + "-n")).sendKeys("four");
            d.findElement(By.cssSelector("#" + anchor + " button[type=submit]")).click();
            WebElement error = waiting(d).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#" + anchor + " .field-error")));
            assertTrue(error.getText().startsWith("answer: must be a number"), error.getText());
            assertEquals(!javascript, isStale(html), javascript ? "shown in place by htmx" : "shown on a new page");
            assertTrue(d.findElements(By.cssSelector("#" + anchor + " .result__verdict")).isEmpty(), "no verdict for a refused answer");

            d.get(lab.server().url("/progress"));
            assertTrue(progressRow(d).findElements(By.tagName("td")).get(1).getText().contains("—"), "nothing was kept");

            d.findElement(By.id("code")).sendKeys("ZZZZ-ZZZZ-ZZZ2");
            d.findElement(By.cssSelector("form[action='/progress/resume'] button[type=submit]")).click();
            WebElement codeError = waiting(d).until(ExpectedConditions.visibilityOfElementLocated(By.id("code-error")));
            assertTrue(codeError.getText().contains("no learner has the resume code ZZZZ-ZZZZ-ZZZ2"), codeError.getText());
            assertEquals("ZZZZ-ZZZZ-ZZZ2", d.findElement(By.id("code")).getDomProperty("value"));
            assertTrue(progressRow(d).findElements(By.tagName("td")).get(1).getText().contains("—"), "still this browser's own learner");
        }
    }

    /** No script error and no Content-Security-Policy refusal in the browser's console. */
    static void assertNoConsoleErrors(WebDriver d) {
        List<String> severe = d.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue() || e.getMessage().contains("Content Security Policy"))
                .map(LogEntry::getMessage).toList();
        assertEquals(List.of(), severe);
    }

    static WebElement progressRow(WebDriver d) {
        return d.findElement(By.cssSelector("tr[data-lesson='" + lesson.slug() + "']"));
    }

    static void assertAllCorrect(WebDriver d) {
        for (Question q : lesson.quiz().questions()) {
            WebElement section = d.findElement(By.id("q-" + q.id()));
            assertTrue(section.getAttribute("class").contains("is-correct"), q.id() + ": " + section.getAttribute("class"));
            assertEquals("Correct", section.findElement(By.cssSelector(".result__verdict")).getText(), q.id());
        }
    }

    /** Answers one question correctly as a person would: ticks, types, clicks "Check answer". */
    static void answer(WebDriver d, Question q, boolean javascript) {
        String anchor = "q-" + q.id();
        WebElement section = d.findElement(By.id(anchor));
        assertTrue(section.findElements(By.cssSelector(".result__verdict")).isEmpty(), q.id() + " not answered yet");
        switch (q.type()) {
            case SINGLE, MULTIPLE -> {
                for (int i : Course1.rightChoices(q)) section.findElement(By.cssSelector("label[for='" + anchor + "-o" + i + "']")).click();
                for (int i = 0; i < q.options().size(); i++) {
                    assertEquals(q.options().get(i).correct(), section.findElement(By.id(anchor + "-o" + i)).isSelected(), q.id() + " option " + i);
                }
            }
            case TRUEFALSE -> section.findElement(By.cssSelector("label[for='" + anchor + "-" + q.truth() + "']")).click();
            case NUMERIC -> {
                WebElement box = section.findElement(By.id(anchor + "-n"));
                box.clear();
                box.sendKeys(q.number().toPlainString());
            }
        }
        WebElement html = d.findElement(By.tagName("html"));
        section.findElement(By.cssSelector("button[type=submit]")).click();
        waiting(d).until(x -> isStale(section));
        WebElement verdict = waiting(d).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#" + anchor + " .result__verdict")));
        assertEquals("Correct", verdict.getText(), q.id());
        List<WebElement> again = d.findElements(By.cssSelector("#" + anchor + " button[type=submit]"));
        assertEquals("Check again", again.get(0).getText());
        if (javascript) {
            assertFalse(isStale(html), "with JavaScript the question is swapped in place, the page stays");
        } else {
            assertTrue(isStale(html), "without JavaScript the form posts and a new page loads");
            assertTrue(d.getCurrentUrl().endsWith("/lessons/" + lesson.slug() + "#" + anchor), d.getCurrentUrl());
        }
    }

    static boolean isStale(WebElement e) {
        return Browsers.isGone(e);
    }
}

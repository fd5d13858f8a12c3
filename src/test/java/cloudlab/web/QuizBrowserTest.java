package cloudlab.web;

import cloudlab.lesson.Course;
import cloudlab.lesson.Lesson;
import cloudlab.lesson.Question;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A learner in headless Chromium with JavaScript on takes lesson 6's predict question: reads the
 * variant the page gives (the failed zone), answers wrongly and then rightly, sees the verdict and
 * the explanation swapped in place, and finds the score on the progress page.
 */
class QuizBrowserTest {
    static final Duration WAIT = Duration.ofSeconds(10);

    @RegisterExtension
    static final BrowserLab lab = BrowserLab.serverOnly();
    static Lesson zones;
    static Question predict;

    @BeforeAll
    static void start() {
        Course course = Course1.course();
        zones = course.lesson("availability-zones");
        predict = zones.quiz().question("q-predict-zone");
        assertTrue(predict.hasVariants());
    }

    static WebDriverWait waiting(WebDriver d) {
        return new WebDriverWait(d, WAIT);
    }

    /** The variant whose prompt is the one shown; exactly one must match. */
    static Question variantShown(String prompt) {
        List<Question> matching = predict.variants().stream().filter(v -> v.prompt().equals(prompt)).toList();
        assertEquals(1, matching.size(), "one variant has the prompt «" + prompt + "»");
        return matching.get(0);
    }

    /** Chooses Yes or No and presses the question's button; waits for htmx to swap the question. */
    static WebElement answer(WebDriver d, boolean yes) {
        String anchor = "q-" + predict.id();
        WebElement section = d.findElement(By.id(anchor));
        section.findElement(By.cssSelector("label[for='" + anchor + "-" + yes + "']")).click();
        assertTrue(section.findElement(By.id(anchor + "-" + yes)).isSelected());
        section.findElement(By.cssSelector("button[type=submit]")).click();
        waiting(d).until(x -> Browsers.isGone(section));
        return waiting(d).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#" + anchor + " .result__verdict")));
    }

    @Test
    void aLearnerAnswersTheVariantTheyAreGivenAndSeesTheScoreOnTheProgressPage() {
        try (Browsers.Browser b = Browsers.open(true)) {
            WebDriver d = b.driver;
            d.get(lab.server().url("/lessons/" + zones.slug()));
            waiting(d).until(x -> (Boolean) ((JavascriptExecutor) x).executeScript("return typeof window.htmx === 'object'"));
            ((JavascriptExecutor) d).executeScript("window.__sameDocument = 'still here';");

            String anchor = "q-" + predict.id();
            WebElement section = d.findElement(By.id(anchor));
            String prompt = section.findElement(By.cssSelector(".question__prompt")).getText();
            Question variant = variantShown(prompt);
            String zone = variant.predict().fail().get(0);
            assertTrue(prompt.contains(zone), "the prompt names the failed zone: " + prompt);
            assertTrue(Html.text(section.getAttribute("innerHTML")).contains("Failed: " + zone), "the failure is shown beside the diagram");
            WebElement drawing = section.findElement(By.cssSelector(".diagram img"));
            BrowserFlowTest.waitLoaded(d, drawing);
            assertTrue(drawing.getAttribute("alt").length() > 20, "the variant's layout is drawn and described: " + drawing.getAttribute("alt"));
            assertEquals("Yes", section.findElement(By.cssSelector("label[for='" + anchor + "-true']")).getText());
            assertEquals("Check answer", section.findElement(By.cssSelector("button[type=submit]")).getText());

            boolean right = variant.truth();
            WebElement wrongVerdict = answer(d, !right);
            assertEquals("Not quite — try again", wrongVerdict.getText());
            WebElement after = d.findElement(By.id(anchor));
            assertTrue(after.getAttribute("class").contains("is-wrong"), after.getAttribute("class"));
            assertTrue(after.findElements(By.cssSelector(".result__explanation")).isEmpty(),
                    "practice: the explanation (which holds the answer) waits until the learner is right");
            assertEquals(prompt, after.findElement(By.cssSelector(".question__prompt")).getText(), "the same variant after answering");
            assertTrue(after.findElement(By.id(anchor + "-" + !right)).isSelected(), "the answer given stays chosen");

            WebElement rightVerdict = answer(d, right);
            assertEquals("Correct", rightVerdict.getText());
            WebElement done = d.findElement(By.id(anchor));
            assertTrue(done.getAttribute("class").contains("is-correct"), done.getAttribute("class"));
            assertEquals(variant.explanation(), done.findElement(By.cssSelector(".result__explanation")).getText());
            assertEquals("2 tries", done.findElement(By.cssSelector(".question__attempts")).getText());
            assertEquals("Try a new variant", done.findElement(By.cssSelector("a.new-variant")).getText());
            assertEquals("still here", ((JavascriptExecutor) d).executeScript("return window.__sameDocument;"), "answered in place by htmx");
            BrowserFlowTest.assertNoConsoleErrors(d);

            d.findElement(By.cssSelector("nav.site-nav a[href='/progress']")).click();
            waiting(d).until(ExpectedConditions.urlToBe(lab.server().url("/progress")));
            WebElement row = d.findElement(By.cssSelector("tr[data-lesson='" + zones.slug() + "']"));
            int n = zones.quiz().questions().size();
            assertEquals("1.0 / " + n + " (1 answered; Practice)", row.findElements(By.tagName("td")).get(1).getText(),
                    "the latest answer to the variant counts");
            assertEquals("In progress", row.findElement(By.cssSelector(".badge")).getText());
        }
    }

    @Test
    void aLinkToAQuestionStopsBelowTheStickyHeader() {
        try (Browsers.Browser b = Browsers.open(true)) {
            WebDriver d = b.driver;
            String anchor = "q-" + predict.id();
            d.get(lab.server().url("/lessons/" + zones.slug() + "#" + anchor));
            JavascriptExecutor js = (JavascriptExecutor) d;
            waiting(d).until(x -> ((Number) js.executeScript("return window.scrollY")).doubleValue() > 0);
            double header = ((Number) js.executeScript("return document.querySelector('.site-header').getBoundingClientRect().bottom")).doubleValue();
            double question = ((Number) js.executeScript("return document.getElementById(arguments[0]).getBoundingClientRect().top", anchor)).doubleValue();
            assertTrue(question >= header, "the question starts at " + question + " px, under a header ending at " + header + " px");
        }
    }
}

package cloudlab.quiz;

import cloudlab.lesson.Lesson;
import cloudlab.lesson.Question;
import cloudlab.lesson.Quiz;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every quiz of the course exported as GIFT parses with a real GIFT parser: npm's gift-pegjs,
 * installed by test.sh into target/npm ({@code npm install --prefix target/npm gift-pegjs}). Skipped
 * only where node itself is missing; with node but without the parser it fails, saying how to install it.
 */
class GiftParsesTest {
    private static final Path NPM = Path.of("target", "npm");

    @Test
    void everyExportedQuizParsesWithGiftPegjs() throws Exception {
        Assumptions.assumeTrue(hasNode(), "node is not installed here");
        assertTrue(Files.isDirectory(NPM.resolve("node_modules/gift-pegjs")),
                "gift-pegjs is missing: run npm install --prefix target/npm gift-pegjs (test.sh does)");
        Path dir = Files.createDirectories(Path.of("target", "gift-check"));
        List<String> files = new ArrayList<>();
        int predicts = 0;
        for (Lesson l : TheCourse.course().lessons()) {
            Quiz quiz = l.quiz();
            if (quiz == null) continue;
            String gift = Gift.export(quiz);
            for (Question q : quiz.questions()) {
                if (q.type() != Question.Type.PREDICT) continue;
                predicts++;
                assertTrue(gift.contains("::" + q.id() + "::The layout"), q.id() + ": its text describes the layout its answer depends on");
            }
            Path f = dir.resolve(quiz.id() + ".gift");
            Files.writeString(f, gift, StandardCharsets.UTF_8);
            files.add(f.toAbsolutePath().toString());
        }
        assertTrue(files.size() > 3, "the course has quizzes to export");
        assertTrue(predicts > 0, "the course has predict questions to export");
        String script = "const {parse} = require(" + js(NPM.resolve("node_modules/gift-pegjs").toAbsolutePath().toString()) + ");\n"
                + "const fs = require('fs'); let bad = 0;\n"
                + "for (const f of process.argv.slice(1)) {\n"
                + "  try { const qs = parse(fs.readFileSync(f, 'utf8')); if (!qs.some(q => q.type !== 'Category' && q.type !== 'Description')) "
                + "{ console.log(f + ': no questions'); bad++; } }\n"
                + "  catch (e) { console.log(f + ': ' + e.message); bad++; }\n"
                + "}\nprocess.exit(bad ? 1 : 0);\n";
        List<String> cmd = new ArrayList<>(List.of("node", "-e", script));
        cmd.addAll(files);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "node finished");
        assertEquals(0, p.exitValue(), "gift-pegjs refused an export:\n" + out);
    }

    private static String js(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    private static boolean hasNode() {
        try {
            Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}

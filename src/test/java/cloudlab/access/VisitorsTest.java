package cloudlab.access;

import cloudlab.progress.Progress;
import cloudlab.store.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A visitor's id is the server's to sign, and its first write makes the learner under it. */
class VisitorsTest {
    @TempDir
    Path folder;

    @Test
    void onlyAnIdTheServerSignedIsBelieved() {
        Progress progress = new Progress(TestDatabases.open(folder, "visitors"));
        Visitors visitors = new Visitors(progress, "secret-one");
        String signed = visitors.newSignedId();
        String id = Visitors.id(signed);
        assertTrue(id.startsWith("L"), id);
        assertEquals(id, visitors.idOf(signed));
        assertNull(new Visitors(progress, "secret-two").idOf(signed), "another server's signature is not ours");
        assertNull(visitors.idOf("LAAAAAAAA." + signed.substring(signed.indexOf('.') + 1)), "a signature moved to another id");
        assertNull(visitors.idOf(id), "an id without a signature");
        assertNull(visitors.idOf(null));
    }

    @Test
    void theFirstWriteMakesTheLearnerUnderTheVisitorsIdOnce() {
        Progress progress = new Progress(TestDatabases.open(folder, "visitors"));
        Visitors visitors = new Visitors(progress, "s");
        String id = Visitors.id(visitors.newSignedId());
        Progress.Started first = visitors.start(id);
        assertEquals(id, first.learner().id());
        assertTrue(!Visitors.visitor(first.learner()), "a stored learner has a resume code");
        Progress.Started again = visitors.start(id);
        assertNotEquals(id, again.learner().id(), "an id already taken is not given twice");
    }
}

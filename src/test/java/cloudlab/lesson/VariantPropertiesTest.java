package cloudlab.lesson;

import cloudlab.sim.Host;
import cloudlab.sim.Report;
import cloudlab.sim.RegionCatalog;
import cloudlab.sim.Simulator;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The variants of the course's predict questions: whichever variant a seed picks, its answer is
 * what the simulation core computes for that variant's layout, worked out here independently of
 * the reader; a seed always picks the same variant; learners' seeds reach every variant.
 */
class VariantPropertiesTest {
    static final Course COURSE = Course.load(Path.of("lessons").toAbsolutePath(), RegionCatalog.builtIn());
    static final Question FIT = question("hypervisor-types", "q-predict-fit");
    static final Question ZONE = question("availability-zones", "q-predict-zone");

    static Question question(String slug, String id) {
        Lesson l = COURSE.lesson(slug);
        assertNotNull(l, slug + " is in the course: " + COURSE.problems());
        Question q = l.quiz().question(id);
        assertNotNull(q, id);
        return q;
    }

    /** Any 64 bits written as the lab writes seeds: 16 lower-case hex digits. */
    static String seed(long bits) {
        return HexFormat.of().toHexDigits(bits);
    }

    static BigDecimal free(Report.Use u) {
        return u.capacity().subtract(u.used());
    }

    static long whole(BigDecimal free, int per) {
        return Math.max(0, free.divide(BigDecimal.valueOf(per), 0, RoundingMode.FLOOR).longValueExact());
    }

    @Property
    void theFitVariantASeedPicksAnswersWhatTheHostReportLeavesRoomFor(@ForAll long bits) {
        String seed = seed(bits);
        Question v = FIT.variant(seed);
        assertEquals(Question.Type.PREDICT, v.type());
        Report report = Simulator.simulate(v.predict().layout(), v.predict().fail(), List.of());
        Report.HostReport laptop = report.host("laptop");
        assertTrue(laptop.up());
        long expected = Math.min(whole(free(laptop.vcpus()), 2), Math.min(whole(free(laptop.memoryGiB()), 4), whole(free(laptop.diskGiB()), 20)));
        assertEquals(0, BigDecimal.valueOf(expected).compareTo(v.number()), seed + " " + v.variantLabel() + ": core says " + expected
                + ", question says " + v.number());

        int cores = v.predict().layout().node("laptop", Host.class).spec().cores();
        assertEquals("cores=" + cores, v.variantLabel());
        assertTrue(v.prompt().contains("has " + cores + " cores"), "the prompt describes this variant's layout: " + v.prompt());
    }

    @Property
    void theZoneVariantASeedPicksAnswersWhetherTheCoreKeepsTheAppAvailable(@ForAll long bits) {
        String seed = seed(bits);
        Question v = ZONE.variant(seed);
        List<String> fail = v.predict().fail();
        assertEquals(1, fail.size());
        Report report = Simulator.simulate(v.predict().layout(), fail, List.of());
        Report.AppReport api = report.app("api");
        assertEquals(api.available(), v.truth(), seed + " " + v.variantLabel());
        assertEquals(api.running() >= api.minRunning(), v.truth(), "available means enough VMs still run");
        assertTrue(v.prompt().contains("If " + fail.get(0) + " fails"), "the prompt names the failed zone: " + v.prompt());
        assertEquals("zone=" + fail.get(0), v.variantLabel());
    }

    @Property
    void theSameSeedAlwaysPicksTheSameVariant(@ForAll long bits) {
        String seed = seed(bits);
        assertSame(FIT.variant(seed), FIT.variant(seed));
        assertSame(ZONE.variant(seed), ZONE.variant(seed));
        assertEquals(FIT.variant(seed).variantLabel(), FIT.variant(new String(seed.toCharArray())).variantLabel());
    }

    @Property
    void aLearnersSeedIsValidAndStableForTheSameAttempt(@ForAll long learner, @ForAll int attempt) {
        String id = "L" + Long.toHexString(learner);
        String s = Question.Seeds.of(id, "availability-zones-quiz", "q-predict-zone", attempt);
        assertTrue(Question.Seeds.valid(s), s);
        assertEquals(s, Question.Seeds.of(id, "availability-zones-quiz", "q-predict-zone", attempt));
    }

    static Map<String, Integer> spread(Question q, int learners) {
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < learners; i++) {
            String seed = Question.Seeds.of("L" + i, "some-quiz", q.id(), 1);
            counts.merge(q.variant(seed).variantLabel(), 1, Integer::sum);
        }
        return counts;
    }

    @Example
    void learnersSeedsReachEveryVariantInFairShares() {
        int n = 2000;
        for (Question q : List.of(FIT, ZONE)) {
            Map<String, Integer> counts = spread(q, n);
            assertEquals(q.variants().size(), counts.size(), q.id() + " reaches every variant: " + counts);
            double fair = (double) n / q.variants().size();
            for (Map.Entry<String, Integer> e : counts.entrySet()) {
                assertTrue(e.getValue() > fair * 0.75 && e.getValue() < fair * 1.25, q.id() + " " + e + " of " + n + ": " + counts);
            }
        }
    }

    @Example
    void theVariantsReallyDifferInTheirAnswers() {
        assertTrue(FIT.variants().stream().map(v -> v.number().stripTrailingZeros()).distinct().count() > 1,
                "the fit variants do not all have the same answer");
        assertEquals(2, ZONE.variants().stream().map(Question::truth).distinct().count(), "some zone failures matter, some do not");
    }

    @Example
    void aSeedNamesTheVariantItsNumberModuloTheirCountGives() {
        // the rule as it was written (BigInteger): the 16 hex digits read as a number, modulo the count
        java.util.Random random = new java.util.Random(13);
        for (int i = 0; i < 2000; i++) {
            String seed = String.format("%016x", random.nextLong());
            for (int count : new int[]{1, 2, 3, 7, 10, 1000}) {
                assertEquals(new java.math.BigInteger(seed, 16).mod(java.math.BigInteger.valueOf(count)).intValue(),
                        Question.Seeds.index(seed, count), seed + " of " + count);
            }
        }
        assertEquals(0, Question.Seeds.index("not-a-seed", 3));
        assertEquals(0, Question.Seeds.index("ABCDEF0123456789", 3), "upper case is no seed the lab writes");
    }
}

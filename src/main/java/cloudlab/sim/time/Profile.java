package cloudlab.sim.time;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import java.util.Arrays;

/**
 * A load over time, in percent (0 to 100) of what its owner could use: a VM's vCPUs, or a type 2
 * host's cores for its host OS. Every profile is a pure function of the second, so a run can jump
 * from one change to the next instead of stepping through every second.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(Profile.Constant.class), @JsonSubTypes.Type(Profile.Steps.class),
        @JsonSubTypes.Type(Profile.Pattern.class), @JsonSubTypes.Type(Profile.Shape.class)
})
public sealed interface Profile {
    /** The percent at a second (0 is the first second of a run). */
    double at(long second);

    /** The first second after {@code second} at which the value may differ; {@link Long#MAX_VALUE} if never. */
    long nextChange(long second);

    /** The profile in a few words: "80 %", "20 % from 0 s, 90 % from 30 s", "wave 10–90 % every 60 s". */
    String describe();

    /** A number as the lab writes it: 2, 0.5, 12.25. */
    static String show(double v) {
        return cloudlab.sim.Num.show(java.math.BigDecimal.valueOf(v));
    }

    /** The same percent all the time. */
    record Constant(double percent) implements Profile {
        public static final Constant IDLE = new Constant(0);

        public double at(long second) {
            return percent;
        }

        public long nextChange(long second) {
            return Long.MAX_VALUE;
        }

        public String describe() {
            return show(percent) + " %";
        }
    }

    /** Steps: from {@code starts[i]} on, the percent is {@code percents[i]}; {@code starts[0]} is 0. */
    record Steps(long[] starts, double[] percents) implements Profile {
        public Steps {
            if (starts.length == 0 || starts.length != percents.length || starts[0] != 0) {
                throw new IllegalArgumentException("steps start at second 0, one percent each");
            }
            starts = starts.clone();
            percents = percents.clone();
        }

        public double at(long second) {
            int i = Arrays.binarySearch(starts, second);
            return percents[i >= 0 ? i : -i - 2];
        }

        public long nextChange(long second) {
            int i = Arrays.binarySearch(starts, second + 1);
            int next = i >= 0 ? i : -i - 1;
            return next < starts.length ? starts[next] : Long.MAX_VALUE;
        }

        public String describe() {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < starts.length; i++) b.append(i == 0 ? "" : ", ").append(show(percents[i])).append(" % from ").append(starts[i]).append(" s");
            return b.toString();
        }
    }

    /** A repeating pattern: each percent lasts {@code every} seconds, then the next, round and round. */
    record Pattern(double[] percents, int every) implements Profile {
        public Pattern {
            if (percents.length == 0 || every < 1) throw new IllegalArgumentException("a pattern needs a value and every >= 1");
            percents = percents.clone();
        }

        public double at(long second) {
            return percents[(int) ((second / every) % percents.length)];
        }

        public long nextChange(long second) {
            return percents.length == 1 ? Long.MAX_VALUE : (second / every + 1) * every;
        }

        public String describe() {
            StringBuilder b = new StringBuilder("pattern ");
            for (int i = 0; i < percents.length; i++) b.append(i == 0 ? "" : "/").append(show(percents[i]));
            return b.append(" % every ").append(every).append(" s").toString();
        }
    }

    /** A named shape between {@code low} and {@code high} percent, repeating every {@code period} seconds. */
    record Shape(Kind kind, double low, double high, int period, long seed) implements Profile {
        /** The shapes a document may name. */
        public enum Kind {
            /** A smooth rise from low to high and back each period; the seed shifts where it starts. */
            WAVE,
            /** Low, with one burst at high lasting a quarter of each period, starting at a seeded moment. */
            BURSTS,
            /** A new seeded level between low and high each period. */
            RANDOM;

            public String word() {
                return name().toLowerCase(java.util.Locale.ROOT);
            }
        }

        public Shape {
            if (period < 1 || low > high) throw new IllegalArgumentException("a shape needs period >= 1 and low <= high");
        }

        public double at(long second) {
            long window = second / period;
            int offset = (int) (second % period);
            return switch (kind) {
                case WAVE -> {
                    double phase = (double) ((second + Math.floorMod(seed, period)) % period) / period;
                    yield low + (high - low) * (1 - Math.cos(2 * Math.PI * phase)) / 2;
                }
                case BURSTS -> {
                    int start = burstStart(window);
                    yield offset >= start && offset < start + burstLength() ? high : low;
                }
                case RANDOM -> low + (high - low) * unit(seed, window);
            };
        }

        public long nextChange(long second) {
            if (low == high) return Long.MAX_VALUE;
            long window = second / period;
            long base = window * period;
            int offset = (int) (second % period);
            return switch (kind) {
                case WAVE -> second + 1;
                case BURSTS -> {
                    int start = burstStart(window);
                    if (offset < start) yield base + start;
                    if (offset < start + burstLength()) yield base + start + burstLength();
                    yield base + period;
                }
                case RANDOM -> base + period;
            };
        }

        public String describe() {
            return kind.word() + " " + show(low) + "–" + show(high) + " % every " + period + " s (seed " + seed + ")";
        }

        private int burstLength() {
            return Math.max(1, period / 4);
        }

        private int burstStart(long window) {
            return (int) Math.floorMod(mix(seed, window), (long) (period - burstLength() + 1));
        }
    }

    /** A number from 0 (inclusive) to 1 (exclusive), fixed by the seed and the index. */
    static double unit(long seed, long index) {
        return (mix(seed, index) >>> 11) * 0x1.0p-53;
    }

    /** SplitMix64's finaliser over the seed and the index: the same pair always gives the same bits. */
    static long mix(long seed, long index) {
        long z = seed * 0x9E3779B97F4A7C15L + index + 0x632BE59BD9B4E019L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}

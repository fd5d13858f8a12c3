package cloudlab.quiz;

import cloudlab.lesson.Question;
import cloudlab.lesson.Quiz;
import cloudlab.sim.Num;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a quiz as GIFT. What GIFT cannot say is said in {@code // cloudlab:} comment lines, which
 * Moodle ignores: skipped questions, predict questions frozen to their computed answer, relative
 * tolerances turned absolute, units and hints. {@link GiftReader} reads the unit comment back.
 */
final class GiftWriter {
    /** The comment that carries a numeric question's unit, which GIFT has no field for. */
    static final String UNIT = "// cloudlab: unit ";

    private GiftWriter() {
    }

    static String write(Quiz quiz) {
        StringBuilder out = new StringBuilder();
        out.append("// Cloud Lab quiz ").append(quiz.id()).append(", in Moodle's GIFT format\n");
        out.append("$CATEGORY: ").append(quiz.id()).append("\n\n");
        for (Question q : quiz.questions()) question(out, q);
        return out.toString();
    }

    private static void question(StringBuilder out, Question q) {
        if (q.type() == Question.Type.ORDERING || q.type() == Question.Type.CHALLENGE) {
            out.append("// cloudlab: skipped ").append(q.id()).append(" (").append(q.type().word()).append(" has no GIFT type)\n\n");
            return;
        }
        List<String> comments = new ArrayList<>();
        String prompt = q.prompt();
        if (q.type() == Question.Type.PREDICT) {
            comments.add("predict question exported with its computed answer");
            comments.add(q.id() + ": its text describes the layout it asks about and what fails" + (q.hasVariants()
                    ? "; this is its default variant (" + q.variantLabel() + ") of " + q.variants().size() : ""));
            prompt = describe(q.predict()) + " " + prompt;
        } else if (q.hasVariants()) {
            comments.add(q.id() + " is exported as its default variant (" + q.variantLabel() + ") of " + q.variants().size());
        }
        if (!q.hints().isEmpty()) comments.add(q.id() + ": " + Num.count(q.hints().size(), "hint") + " not exported (GIFT has no hints)");
        // a predict question always has a computed truth or number, so it takes that form
        String block = q.answersTruth() ? truth(q)
                : q.answersNumber() ? number(q, comments)
                : switch (q.type()) {
                    case SINGLE -> single(q);
                    case MULTIPLE -> multiple(q);
                    default -> matching(q);
                };
        for (String c : comments) out.append("// cloudlab: ").append(c).append('\n');
        if (q.answersNumber() && q.unit() != null) out.append(UNIT).append(q.unit().replace('\n', ' ')).append('\n');
        out.append("::").append(q.id()).append("::").append(GiftText.escapePrompt(prompt)).append(' ').append(block).append("\n\n");
    }

    /**
     * A predict question's layout in words: every host (where it is, its hypervisor, capacity and
     * the VMs on it, with their apps and sizes) and what fails; all a predict answer depends on.
     */
    static String describe(Question.Predict p) {
        StringBuilder b = new StringBuilder("The layout:");
        List<cloudlab.sim.Host> hosts = p.layout().hosts();
        if (hosts.isEmpty()) b.append(" no hosts.");
        for (cloudlab.sim.Host h : hosts) {
            b.append(" host ").append(h.id()).append(" in ").append(h.zone().id()).append(" (datacenter ").append(h.datacenter().id())
                    .append("), ").append(h.hypervisor().toString().toLowerCase(java.util.Locale.ROOT)).append(", ")
                    .append(Num.count(h.spec().cores(), "core")).append(" (").append(Num.show(h.vcpuCapacity())).append(" vCPUs to place), ")
                    .append(Num.show(h.memoryCapacityGiB())).append(" GiB memory, ").append(Num.show(h.storageGiB())).append(" GiB storage");
            if (h.vms().isEmpty()) b.append(", no VMs;");
            else {
                b.append(", running");
                for (cloudlab.sim.Vm v : h.vms()) {
                    b.append(" VM ").append(v.id()).append(v.app() == null ? "" : " of app " + v.app()).append(" (")
                            .append(Num.count(v.vcpus(), "vCPU")).append(", ").append(Num.show(v.memoryGiB())).append(" GiB memory, ")
                            .append(Num.show(v.diskGiB())).append(" GiB disk").append(v.running() ? "" : ", stopped").append("),");
                }
                b.setLength(b.length() - 1);
                b.append(';');
            }
        }
        if (b.charAt(b.length() - 1) == ';') b.setCharAt(b.length() - 1, '.');
        b.append(p.fail().isEmpty() ? " Nothing fails." : " What fails: " + String.join(", ", p.fail()) + ".");
        return b.toString();
    }

    /** What an export of the quiz leaves out, one line each (for stderr): questions GIFT cannot hold. */
    static List<String> leftOut(Quiz quiz) {
        List<String> out = new ArrayList<>();
        for (Question q : quiz.questions()) {
            if (q.type() == Question.Type.ORDERING || q.type() == Question.Type.CHALLENGE) {
                out.add(quiz.id() + "/" + q.id() + " left out: " + q.type().word() + " has no GIFT type");
            }
        }
        return out;
    }

    private static String single(Question q) {
        StringBuilder b = new StringBuilder("{\n");
        for (Question.Option o : q.options()) {
            b.append('\t').append(o.correct() ? '=' : '~');
            // a text starting with % would read as a weight, so give it an explicit one
            if (o.text().startsWith("%")) b.append(o.correct() ? "%100%" : "%0%");
            option(b, o);
        }
        return general(b, q).append('}').toString();
    }

    /** The lab's rule in GIFT weights: each right option +100/k %, each wrong one −100/k %. */
    private static String multiple(Question q) {
        String share = Num.show(BigDecimal.valueOf(100).divide(BigDecimal.valueOf(q.correctCount()), 5, RoundingMode.HALF_UP));
        StringBuilder b = new StringBuilder("{\n");
        for (Question.Option o : q.options()) {
            b.append("\t~%").append(o.correct() ? "" : "-").append(share).append('%');
            option(b, o);
        }
        return general(b, q).append('}').toString();
    }

    private static void option(StringBuilder b, Question.Option o) {
        b.append(GiftText.escapeAnswer(o.text()));
        if (o.feedback() != null) b.append('#').append(GiftText.escapeAnswer(o.feedback()));
        b.append('\n');
    }

    private static String truth(Question q) {
        return closed(new StringBuilder("{").append(q.truth() ? 'T' : 'F'), q);
    }

    private static String number(Question q, List<String> comments) {
        BigDecimal tolerance = q.tolerance();
        BigDecimal relative = q.relativeTolerance();
        if (relative != null) {
            // the lab accepts an answer within either tolerance, so the larger one is what GIFT must hold
            BigDecimal fromRelative = q.number().abs().multiply(relative);
            BigDecimal absolute = fromRelative.max(tolerance);
            comments.add(q.id() + ": relativeTolerance " + Num.show(relative) + " written as the absolute tolerance "
                    + Num.show(absolute) + " (the larger of " + Num.show(tolerance) + " and " + Num.show(relative) + " × |"
                    + Num.show(q.number()) + "|)");
            tolerance = absolute;
        }
        return closed(new StringBuilder("{#").append(Num.show(q.number())).append(':').append(Num.show(tolerance)), q);
    }

    private static String matching(Question q) {
        StringBuilder b = new StringBuilder("{\n");
        for (Question.Pair p : q.pairs()) {
            b.append("\t=").append(GiftText.escapeAnswer(p.left())).append(" -> ").append(GiftText.escapeAnswer(p.right())).append('\n');
        }
        return general(b, q).append('}').toString();
    }

    /** A one-line answer, with the general feedback on its own line when there is one. */
    private static String closed(StringBuilder b, Question q) {
        if (q.explanation() == null) return b.append('}').toString();
        return general(b.append('\n'), q).append('}').toString();
    }

    private static StringBuilder general(StringBuilder b, Question q) {
        if (q.explanation() != null) b.append("\t####").append(GiftText.escape(q.explanation())).append('\n');
        return b;
    }
}

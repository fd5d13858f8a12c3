package cloudlab.sim;

import java.math.BigDecimal;

/**
 * The two kinds of hypervisor and what each keeps for itself before any VM runs (rule R1).
 */
public enum Hypervisor {
    /** Bare metal: the hypervisor is the operating system; it keeps 0 cores and 2 GiB. */
    TYPE1("type1", 0, new BigDecimal("2")),
    /** Hosted: a host OS runs underneath; it keeps 1 core and 4 GiB. */
    TYPE2("type2", 1, new BigDecimal("4"));

    private final String word;
    private final int reservedCores;
    private final BigDecimal reservedMemoryGiB;

    Hypervisor(String word, int reservedCores, BigDecimal reservedMemoryGiB) {
        this.word = word;
        this.reservedCores = reservedCores;
        this.reservedMemoryGiB = reservedMemoryGiB;
    }

    /** The word used in layout documents: {@code type1} or {@code type2}. */
    public String word() {
        return word;
    }

    public int reservedCores() {
        return reservedCores;
    }

    public BigDecimal reservedMemoryGiB() {
        return reservedMemoryGiB;
    }

    /** The hypervisor a document word names, or null when the word names none. */
    public static Hypervisor fromWord(String word) {
        for (Hypervisor h : values()) {
            if (h.word.equals(word)) return h;
        }
        return null;
    }

    @Override
    public String toString() {
        return word;
    }
}

package cloudlab.sim;

/**
 * Anything with an id in the layout's one id namespace: a region, zone, data center, host or VM.
 */
public abstract sealed class Node permits Region, Zone, Datacenter, Host, Vm {
    String id;

    Node(String id) {
        this.id = id;
    }

    /** The id (for a region, its code). */
    public final String id() {
        return id;
    }

    public abstract Kind kind();

    /** The node this one sits in; null for a region. */
    public abstract Node parent();

    /** The region this node is in (itself for a region). */
    public Region region() {
        Node n = this;
        while (n.parent() != null) n = n.parent();
        return (Region) n;
    }

    /** The kinds of node, with the words a message uses for them. */
    public enum Kind {
        REGION("region", true), ZONE("zone", true), DATACENTER("data center", true), HOST("host", true), VM("VM", false);

        private final String word;
        private final boolean canFail;

        Kind(String word, boolean canFail) {
            this.word = word;
            this.canFail = canFail;
        }

        public String word() {
            return word;
        }

        /** Whether rule R5 lets this kind fail (VMs cannot). */
        public boolean canFail() {
            return canFail;
        }

        /** "a region", "a VM": the word with its article. */
        public String withArticle() {
            return "a " + word;
        }
    }
}

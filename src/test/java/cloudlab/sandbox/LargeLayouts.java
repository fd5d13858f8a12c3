package cloudlab.sandbox;

/** Layout documents as big as the caps allow, for tests and benchmarks of the largest sandbox. */
public final class LargeLayouts {
    private LargeLayouts() {
    }

    /** A JSON layout of one data center with {@code hosts} hosts sharing {@code vms} one-vCPU VMs. */
    public static String json(int hosts, int vms) {
        StringBuilder sb = new StringBuilder("{\"regions\": [{\"code\": \"eu-west-1\", \"zones\": [{\"id\": \"z\", \"datacenters\": [{\"id\": \"d\", \"hosts\": [");
        for (int h = 0; h < hosts; h++) {
            sb.append(h == 0 ? "" : ",").append("{\"id\": \"h").append(h).append("\", \"hypervisor\": \"type1\", \"cores\": 4096, ")
                    .append("\"memoryGiB\": 100000, \"storageGiB\": 1000, \"cpuOvercommit\": 16, \"vms\": [");
            for (int v = h; v < vms; v += hosts) {
                sb.append(v < hosts ? "" : ",").append("{\"id\": \"v").append(v).append("\", \"vcpus\": 1, \"memoryGiB\": 1, \"diskGiB\": 0}");
            }
            sb.append("]}");
        }
        return sb.append("]}]}]}]}").toString();
    }

}

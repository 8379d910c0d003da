package concurrencylab.scan;

import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * A validated set of TCP ports, parsed from text such as {@code 1-1024,8080}.
 *
 * {@snippet :
 * PortSpec web = PortSpec.parse("1-1024,8080");   // 1025 ports
 * PortSpec all = PortSpec.all().without(2024);     // every port but one
 * }
 *
 * <p>Immutable and thread-safe. Introduced in notebook {@code 07.6-Port-Scanner}.
 */
public final class PortSpec {
    /** The lowest valid TCP port. */
    public static final int MIN_PORT = 1;
    /** The highest valid TCP port. */
    public static final int MAX_PORT = 65_535;
    static final String ACCEPTED = "accepted: ports " + MIN_PORT + ".." + MAX_PORT
            + " and ranges A-B with A <= B, separated by commas, e.g. 1-1024,8080";

    private final int[] ports;

    private PortSpec(BitSet bits) {
        this.ports = bits.stream().toArray();
    }

    /**
     * Parses a comma-separated list of ports and ranges; overlaps are merged.
     *
     * @throws IllegalArgumentException if the text is null or blank, an item is empty or not
     *     a number, a port is outside 1..65535, or a range is reversed; the message names the
     *     item and says what is accepted
     */
    public static PortSpec parse(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException("port spec is empty; " + ACCEPTED);
        }
        BitSet bits = new BitSet(MAX_PORT + 1);
        for (String item : spec.split(",", -1)) {
            addItem(bits, item.strip(), spec);
        }
        return new PortSpec(bits);
    }

    /**
     * Returns the ports {@code from..to}, both included.
     *
     * @throws IllegalArgumentException if a bound is outside 1..65535 or {@code from > to}
     */
    public static PortSpec range(int from, int to) {
        return parse(from + "-" + to);
    }

    /** Returns every port, 1..65535. */
    public static PortSpec all() {
        return range(MIN_PORT, MAX_PORT);
    }

    /**
     * Returns the given ports.
     *
     * @throws IllegalArgumentException if none is given or one is outside 1..65535
     */
    public static PortSpec of(int... ports) {
        if (ports.length == 0) {
            throw new IllegalArgumentException("no ports given; " + ACCEPTED);
        }
        BitSet bits = new BitSet(MAX_PORT + 1);
        for (int p : ports) {
            bits.set(checkPort(p, Integer.toString(p)));
        }
        return new PortSpec(bits);
    }

    /**
     * Returns this set minus the given ports (absent ones are ignored).
     *
     * @throws IllegalArgumentException if nothing would be left to scan
     */
    public PortSpec without(int... excluded) {
        BitSet bits = new BitSet(MAX_PORT + 1);
        for (int p : ports) {
            bits.set(p);
        }
        for (int p : excluded) {
            if (p >= MIN_PORT && p <= MAX_PORT) {
                bits.clear(p);
            }
        }
        if (bits.isEmpty()) {
            throw new IllegalArgumentException("excluding " + Arrays.toString(excluded)
                    + " leaves no port to scan; " + ACCEPTED);
        }
        return new PortSpec(bits);
    }

    /** Returns how many ports are in the set. */
    public int size() {
        return ports.length;
    }

    /** Returns whether {@code port} is in the set. */
    public boolean contains(int port) {
        return Arrays.binarySearch(ports, port) >= 0;
    }

    /** Returns the ports in ascending order (a fresh copy). */
    public int[] toArray() {
        return ports.clone();
    }

    /** Returns the ports in ascending order as an unmodifiable list. */
    public List<Integer> toList() {
        return Arrays.stream(ports).boxed().toList();
    }

    int[] sharedArray() {
        return ports;
    }

    /** Returns the set in the parseable form, ranges collapsed, e.g. {@code 1-1024,8080}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        while (i < ports.length) {
            int j = i;
            while (j + 1 < ports.length && ports[j + 1] == ports[j] + 1) {
                j++;
            }
            sb.append(sb.isEmpty() ? "" : ",").append(ports[i]);
            if (j > i) {
                sb.append('-').append(ports[j]);
            }
            i = j + 1;
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PortSpec other && Arrays.equals(ports, other.ports);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(ports);
    }

    private static void addItem(BitSet bits, String item, String spec) {
        if (item.isEmpty()) {
            throw new IllegalArgumentException("port spec '" + spec + "' has an empty item; " + ACCEPTED);
        }
        int dash = item.indexOf('-', 1);
        if (dash < 0) {
            bits.set(toPort(item, spec));
            return;
        }
        int from = toPort(item.substring(0, dash).strip(), spec);
        int to = toPort(item.substring(dash + 1).strip(), spec);
        if (from > to) {
            throw new IllegalArgumentException("range '" + item + "' in port spec '" + spec
                    + "' is reversed (" + from + " > " + to + "); " + ACCEPTED);
        }
        bits.set(from, to + 1);
    }

    private static int toPort(String text, String spec) {
        if (text.isEmpty() || text.length() > 6 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("'" + text + "' in port spec '" + spec
                    + "' is not a port number; " + ACCEPTED);
        }
        return checkPort(Integer.parseInt(text), text);
    }

    private static int checkPort(int port, String text) {
        if (port < MIN_PORT || port > MAX_PORT) {
            throw new IllegalArgumentException("port " + text + " is out of range; " + ACCEPTED);
        }
        return port;
    }
}

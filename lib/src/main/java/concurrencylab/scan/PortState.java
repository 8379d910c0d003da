package concurrencylab.scan;

/**
 * What a TCP connect to one port told us.
 *
 * {@snippet :
 * if (result.stateOf(8080) == PortState.OPEN) System.out.println("someone is listening");
 * }
 *
 * <p>Immutable and thread-safe. Introduced in notebook {@code 07.6-Port-Scanner}.
 */
public enum PortState {
    /** A listener accepted the connection (and it was not our own socket talking to itself). */
    OPEN,
    /** The host answered with a reset: nobody listens there. */
    CLOSED,
    /** No answer before the connect timeout: a firewall, or a listener too busy to answer. */
    FILTERED
}

package concurrencylab.scan;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.ProtocolFamily;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The real probe: a non-blocking {@link SocketChannel} connect. On loopback a closed port
 * answers inside the {@code connect} call, so the common case costs a handful of system calls
 * and never parks; only a pending connect waits, on a short-lived {@link Selector}, until the
 * deadline. Thread-safe (stateless); closes every channel and selector it opens.
 */
public final class NioConnector implements Connector {
    public static final NioConnector DEFAULT = new NioConnector(false, channel -> { });

    private final boolean bindToTarget;
    private final Consumer<SocketChannel> opened;

    /**
     * @param bindToTarget test hook: bind the local end to the target's own address and port
     *     before connecting, which makes the kernel connect the socket to itself
     * @param opened test hook: sees every channel right after it is opened
     */
    NioConnector(boolean bindToTarget, Consumer<SocketChannel> opened) {
        this.bindToTarget = bindToTarget;
        this.opened = opened;
    }

    @Override
    public Probe probe(InetSocketAddress target, long timeoutNanos) throws IOException {
        long deadline = System.nanoTime() + timeoutNanos; // the clock starts at the connect
        try (SocketChannel channel = SocketChannel.open(family(target))) {
            opened.accept(channel);
            channel.configureBlocking(false);
            if (bindToTarget) {
                channel.setOption(StandardSocketOptions.SO_REUSEADDR, true);
                channel.bind(target);
            }
            if (!(channel.connect(target) || channel.finishConnect() || await(channel, deadline))) {
                return Probe.FILTERED;
            }
            boolean self = channel.getLocalAddress().equals(channel.getRemoteAddress());
            channel.setOption(StandardSocketOptions.SO_LINGER, 0); // reset on close: no TIME_WAIT
            return self ? Probe.SELF_CONNECT : Probe.OPEN;
        } catch (ConnectException refused) {
            return Probe.CLOSED;
        } catch (NoRouteToHostException unreachable) {
            return Probe.FILTERED;
        }
    }

    private static boolean await(SocketChannel channel, long deadline) throws IOException {
        try (Selector selector = Selector.open()) {
            channel.register(selector, SelectionKey.OP_CONNECT);
            long left;
            while ((left = deadline - System.nanoTime()) > 0) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new InterruptedIOException("scan cancelled while connecting");
                }
                selector.select(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                if (channel.finishConnect()) {
                    return true;
                }
            }
            return channel.finishConnect(); // one last look: a late wake-up never loses an open port
        }
    }

    private static ProtocolFamily family(InetSocketAddress target) {
        return target.getAddress() instanceof Inet6Address ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET;
    }
}

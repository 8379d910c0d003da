package concurrencylab.scan;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.nio.ByteOrder;
import java.util.Locale;

/**
 * The fast probe on Linux, through the Foreign Function &amp; Memory API: a non-blocking IPv4
 * socket per worker, reused from port to port. A connect to a closed port is refused inside
 * the {@code connect} call; calling {@code connect} once more collects the refusal and returns
 * the socket to the unconnected state (Linux allows connecting a socket again after a failed
 * attempt), so a closed port costs two system calls and no socket creation, no exception and
 * no close. A socket that connected is checked for a self-connect and closed (with a reset).
 * Anything else (still pending, an unusual error, an IPv6 target) closes the socket and hands
 * the port to the fallback connector, whose connect starts its own clock and waits without
 * pinning a carrier thread.
 *
 * <p>Used only on Linux when native access is enabled for this code
 * ({@code --enable-native-access=ALL-UNNAMED}); everywhere else the scanners use
 * {@link NioConnector}. Thread-safe; each {@link Connector.Session} belongs to one worker thread.
 */
public final class NativeConnector implements Connector {
    private static final int AF_INET = 2;
    private static final int SOCK_STREAM_NONBLOCK_CLOEXEC = 1 | 0x800 | 0x80000;
    private static final int SOL_SOCKET = 1;
    private static final int SO_LINGER = 13;
    private static final int EINPROGRESS = 115;
    private static final int ECONNREFUSED = 111;
    private static final int EISCONN = 106;
    private static final int SOCKADDR_IN = 16;

    private final Connector fallback;

    NativeConnector(Connector fallback) {
        this.fallback = fallback;
    }

    /**
     * Returns whether the native probe can run here: Linux on x86-64 or AArch64, native access
     * enabled (checked first, so that a JVM without it never sees a restricted-method warning),
     * and the libc functions bound.
     */
    public static boolean usable() {
        return Handles.supportedPlatform() && NativeConnector.class.getModule().isNativeAccessEnabled()
                && Lazy.HANDLES != null;
    }

    /** Returns whether this OS and architecture are ones the native probe supports. */
    public static boolean platformSupported() {
        return Handles.supportedPlatform();
    }

    /** Returns whether the native probe can run on this platform, native access aside (tests). */
    static boolean available() {
        return Handles.supportedPlatform() && Lazy.HANDLES != null;
    }

    /** Binds the libc functions on first use only. */
    private static final class Lazy {
        static final Handles HANDLES = Handles.load();
    }

    @Override
    public Probe probe(InetSocketAddress target, long timeoutNanos) throws IOException {
        try (Session session = session()) {
            return session.probe(target, timeoutNanos);
        }
    }

    @Override
    public Session session() {
        Handles handles = Handles.supportedPlatform() ? Lazy.HANDLES : null;
        return handles == null ? fallback.session() : new NativeSession(handles, fallback);
    }

    /** One worker's reusable socket and its native buffers. Confined to the worker's thread. */
    private static final class NativeSession implements Session {
        private final Handles h;
        private final Connector fallback;
        private final Arena arena = Arena.ofConfined();
        private final MemorySegment state;
        private final MemorySegment remote;
        private final MemorySegment local;
        private final MemorySegment localLength;
        private final MemorySegment linger;
        private int fd = -1;

        NativeSession(Handles h, Connector fallback) {
            this.h = h;
            this.fallback = fallback;
            this.state = arena.allocate(Linker.Option.captureStateLayout());
            this.remote = arena.allocate(SOCKADDR_IN);
            this.local = arena.allocate(SOCKADDR_IN);
            this.localLength = arena.allocate(JAVA_INT);
            this.linger = arena.allocate(8);
            linger.set(JAVA_INT, 0, 1); // l_onoff = 1, l_linger = 0: close sends a reset
            linger.set(JAVA_INT, 4, 0);
        }

        @Override
        public Probe probe(InetSocketAddress target, long timeoutNanos) throws IOException {
            if (!(target.getAddress() instanceof Inet4Address address)) {
                return fallback.probe(target, timeoutNanos);
            }
            if (fd < 0) {
                fd = socket();
            }
            setRemote(address.getAddress(), target.getPort());
            int result = connect();
            if (result < 0 && errno() == EINPROGRESS) {
                result = connect(); // collects the answer that loopback gives inside the first call
            }
            if (result == 0 || errno() == EISCONN) {
                return connected(target.getPort());
            }
            if (errno() == ECONNREFUSED) {
                return Probe.CLOSED; // and the socket is unconnected again, ready for the next port
            }
            closeSocket(); // pending or unusual: let the fallback decide, with its own clock
            return fallback.probe(target, timeoutNanos);
        }

        private Probe connected(int port) throws IOException {
            try {
                localLength.set(JAVA_INT, 0, SOCKADDR_IN);
                if (invoke(h.getsockname, local, localLength) < 0) {
                    throw new IOException("getsockname failed, errno " + errno());
                }
                boolean self = local.get(BIG_ENDIAN_SHORT, 2) == (short) port
                        && local.get(JAVA_INT, 4) == remote.get(JAVA_INT, 4);
                return self ? Probe.SELF_CONNECT : Probe.OPEN;
            } finally {
                setLingerZero();
                closeSocket();
            }
        }

        private int socket() throws IOException {
            int s;
            try {
                s = (int) h.socket.invokeExact(state, AF_INET, SOCK_STREAM_NONBLOCK_CLOEXEC, 0);
            } catch (Throwable t) {
                throw new IOException("native socket() failed", t);
            }
            if (s < 0) {
                throw new IOException("cannot create a socket, errno " + errno()
                        + (errno() == 24 ? " (too many open files: lower the limit)" : ""));
            }
            return s;
        }

        private int connect() throws IOException {
            return invoke(h.connect, remote, SOCKADDR_IN);
        }

        private int invoke(MethodHandle handle, MemorySegment address, int length) throws IOException {
            try {
                return (int) handle.invokeExact(state, fd, address, length);
            } catch (Throwable t) {
                throw new IOException("native call failed", t);
            }
        }

        private int invoke(MethodHandle handle, MemorySegment address, MemorySegment length) throws IOException {
            try {
                return (int) handle.invokeExact(state, fd, address, length);
            } catch (Throwable t) {
                throw new IOException("native call failed", t);
            }
        }

        private void setLingerZero() throws IOException {
            try {
                int ignored = (int) h.setsockopt.invokeExact(state, fd, SOL_SOCKET, SO_LINGER, linger, 8);
            } catch (Throwable t) {
                throw new IOException("native setsockopt failed", t);
            }
        }

        private void setRemote(byte[] address, int port) {
            remote.fill((byte) 0);
            remote.set(JAVA_SHORT_NATIVE, 0, (short) AF_INET);
            remote.set(BIG_ENDIAN_SHORT, 2, (short) port);
            MemorySegment.copy(address, 0, remote, ValueLayout.JAVA_BYTE, 4, 4);
        }

        private int errno() {
            return (int) h.errno.get(state, 0L);
        }

        private void closeSocket() throws IOException {
            if (fd >= 0) {
                int s = fd;
                fd = -1;
                try {
                    int ignored = (int) h.close.invokeExact(s);
                } catch (Throwable t) {
                    throw new IOException("native close failed", t);
                }
            }
        }

        @Override
        public void close() throws IOException {
            try {
                closeSocket();
            } finally {
                arena.close();
            }
        }
    }

    private static final ValueLayout.OfShort JAVA_SHORT_NATIVE = ValueLayout.JAVA_SHORT_UNALIGNED;
    private static final ValueLayout.OfShort BIG_ENDIAN_SHORT =
            ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);

    /** The libc functions; null where they cannot be bound (not Linux, or no native linker). */
    private record Handles(MethodHandle socket, MethodHandle connect, MethodHandle getsockname,
            MethodHandle setsockopt, MethodHandle close, VarHandle errno) {

        static boolean supportedPlatform() {
            String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
            String arch = System.getProperty("os.arch", "");
            return os.contains("linux") && (arch.equals("amd64") || arch.equals("aarch64"));
        }

        static Handles load() {
            try {
                Linker linker = Linker.nativeLinker();
                Linker.Option errno = Linker.Option.captureCallState("errno");
                var lookup = linker.defaultLookup();
                java.util.function.BiFunction<String, FunctionDescriptor, MethodHandle> bind = (name, fd) ->
                        linker.downcallHandle(lookup.find(name).orElseThrow(), fd, errno);
                return new Handles(
                        bind.apply("socket", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT)),
                        bind.apply("connect", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT)),
                        bind.apply("getsockname", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, ADDRESS)),
                        bind.apply("setsockopt", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT,
                                ADDRESS, JAVA_INT)),
                        linker.downcallHandle(lookup.find("close").orElseThrow(), FunctionDescriptor.of(JAVA_INT, JAVA_INT)),
                        Linker.Option.captureStateLayout().varHandle(MemoryLayout.PathElement.groupElement("errno")));
            } catch (RuntimeException | Error e) {
                return null;
            }
        }
    }
}

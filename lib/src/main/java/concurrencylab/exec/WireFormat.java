package concurrencylab.exec;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;

/**
 * The pipe protocol between a pool and its workers: length-prefixed frames of Java
 * serialization. Worker to parent, first a handshake (magic, pid), then one reply per task.
 */
final class WireFormat {

    /** Written by a worker once it is ready; "CLWP". */
    static final int MAGIC = 0x434C5750;
    /** Reply kind: the payload is the task's result. */
    static final int RESULT = 0;
    /** Reply kind: the payload is the Throwable the task threw. */
    static final int THREW = 1;

    private static final int MAX_FRAME = Integer.MAX_VALUE - 8;

    private WireFormat() {
    }

    /** A reply frame from a worker. */
    record Reply(int kind, byte[] payload) {
    }

    static byte[] serialize(Object o) throws IOException {
        var bytes = new ByteArrayOutputStream(256);
        try (var out = new ObjectOutputStream(bytes)) {
            out.writeObject(o);
        }
        return bytes.toByteArray();
    }

    static Object deserialize(byte[] bytes) throws IOException, ClassNotFoundException {
        try (var in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            return in.readObject();
        }
    }

    static void writeTask(DataOutputStream out, byte[] payload) throws IOException {
        out.writeInt(payload.length);
        out.write(payload);
        out.flush();
    }

    static byte[] readTask(DataInputStream in) throws IOException {
        return readBytes(in);
    }

    static void writeReply(DataOutputStream out, int kind, byte[] payload) throws IOException {
        out.writeInt(kind);
        out.writeInt(payload.length);
        out.write(payload);
        out.flush();
    }

    static Reply readReply(DataInputStream in) throws IOException {
        int kind = in.readInt();
        if (kind != RESULT && kind != THREW) {
            throw new IOException("corrupt reply from worker: kind " + kind
                    + " (did something in the worker write to System.out's file descriptor?)");
        }
        return new Reply(kind, readBytes(in));
    }

    static void writeHandshake(DataOutputStream out, long pid) throws IOException {
        out.writeInt(MAGIC);
        out.writeLong(pid);
        out.flush();
    }

    static long readHandshake(DataInputStream in) throws IOException {
        int magic = in.readInt();
        if (magic != MAGIC) {
            throw new IOException(String.format("worker did not answer with the pool handshake (got 0x%08X):"
                    + " something wrote to its stdout", magic));
        }
        return in.readLong();
    }

    private static byte[] readBytes(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > MAX_FRAME) {
            throw new IOException("corrupt frame length " + length);
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return bytes;
    }
}

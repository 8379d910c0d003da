package concurrencylab.exec;

/** Lets a test take an object out of a JShell running in the test's JVM. */
public final class JShellHandoff {
    /** Written by a JShell snippet, read by the test. */
    public static volatile Object value;

    private JShellHandoff() {
    }
}

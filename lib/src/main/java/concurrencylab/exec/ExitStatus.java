package concurrencylab.exec;

/** Turns a worker JVM's exit status into words, e.g. "exit status 137 (killed by signal 9, SIGKILL)". */
final class ExitStatus {

    private ExitStatus() {
    }

    static String describe(int status) {
        if (status < 0) {
            return "exit status unknown (the JVM did not exit in time and was killed)";
        }
        if (status > 128 && status < 160) {
            int signal = status - 128;
            return "exit status " + status + " (killed by signal " + signal + signalName(signal) + ")";
        }
        return "exit status " + status;
    }

    private static String signalName(int signal) {
        return switch (signal) {
            case 6 -> ", SIGABRT";
            case 9 -> ", SIGKILL";
            case 11 -> ", SIGSEGV";
            case 15 -> ", SIGTERM";
            default -> "";
        };
    }
}

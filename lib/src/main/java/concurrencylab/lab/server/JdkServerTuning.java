package concurrencylab.lab.server;

/**
 * The {@code sun.net.httpserver.*} system properties the lab server sets, each only when the
 * user has not set it. The JDK reads them once, when the first {@code HttpServer} of the JVM
 * is created, so they apply to every {@code HttpServer} in this JVM and have no effect if one
 * was created before the first {@link LabServer}. See {@code package-info.java}. Thread-safe.
 */
final class JdkServerTuning {
    /** Property, value: see the package documentation for why each one. */
    static final String[][] SETTINGS = {
            {"sun.net.httpserver.nodelay", "true"},
            {"sun.net.httpserver.maxIdleConnections", "16384"},
    };

    private JdkServerTuning() {
    }

    static synchronized void apply() {
        for (String[] setting : SETTINGS) {
            if (System.getProperty(setting[0]) == null) {
                System.setProperty(setting[0], setting[1]);
            }
        }
    }
}

package concurrencylab.exec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.security.CodeSigner;
import java.security.CodeSource;
import java.security.ProtectionDomain;

/**
 * A class loader that defines one class itself (from the bytes of a test class) instead of
 * delegating, as JShell defines the classes of notebook cells; everything else comes from
 * the parent. With a null location the class has no code source, like a cell's class.
 */
final class IsolatingLoader extends ClassLoader {

    private final String className;
    private final URL location;

    IsolatingLoader(String className, URL location) {
        super("isolating-test-loader", IsolatingLoader.class.getClassLoader());
        this.className = className;
        this.location = location;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (!name.equals(className)) {
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> c = findLoadedClass(name);
            return c != null ? c : define(name);
        }
    }

    private Class<?> define(String name) {
        byte[] bytes = bytesOf(name);
        ProtectionDomain domain = new ProtectionDomain(new CodeSource(location, (CodeSigner[]) null), null, this, null);
        return defineClass(name, bytes, 0, bytes.length, location == null ? null : domain);
    }

    static byte[] bytesOf(String name) {
        String resource = name.replace('.', '/') + ".class";
        try (InputStream in = IsolatingLoader.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no class file " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

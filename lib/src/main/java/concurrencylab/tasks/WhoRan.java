package concurrencylab.tasks;

import java.io.Serializable;

/**
 * Which process and thread ran a task: the answer of {@link LabTasks#whoRanMe()}.
 *
 * {@snippet :
 * WhoRan who = pool.submit(LabTasks.whoRanMe()).get(30, TimeUnit.SECONDS);
 * System.out.println(who); // pid 4242, thread pool-1-thread-1 (platform)
 * }
 * <p>Thread safety: an immutable record.
 *
 * @param pid        the operating-system process id
 * @param threadName the thread's name (virtual threads are often unnamed: "")
 * @param virtual    whether the thread is a virtual thread
 * @param carrier    the carrier thread's name for a virtual thread, "" for a platform thread
 */
public record WhoRan(long pid, String threadName, boolean virtual, String carrier) implements Serializable {

    /** Describes the current thread of the current process. */
    public static WhoRan current() {
        Thread t = Thread.currentThread();
        return new WhoRan(ProcessHandle.current().pid(), t.getName(), t.isVirtual(), carrierOf(t));
    }

    private static String carrierOf(Thread t) {
        if (!t.isVirtual()) {
            return "";
        }
        String s = t.toString(); // e.g. VirtualThread[#22]/runnable@ForkJoinPool-1-worker-1
        int at = s.lastIndexOf('@');
        return at < 0 ? "" : s.substring(at + 1);
    }

    @Override
    public String toString() {
        String name = threadName.isEmpty() ? "(unnamed)" : threadName;
        String kind = virtual ? "virtual, carrier " + (carrier.isEmpty() ? "?" : carrier) : "platform";
        return "pid " + pid + ", thread " + name + " (" + kind + ")";
    }
}
